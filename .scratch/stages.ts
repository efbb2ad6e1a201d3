import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rewriteForFirstPaint } from '../src/integrations/csp-audit.ts';
import { auditPage, eventHandlerNames, inlineCode, metaPolicy } from '../src/integrations/csp-policy.ts';
const raw = '/tmp/post500/raw';
const read = (href: string) => { const f = path.join(raw, href.slice(1)); return existsSync(f) ? readFileSync(f, 'utf8') : undefined; };
const pages = readdirSync(raw, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'));
function time(label: string, f: () => void) {
	for (let r = 0; r < 2; r++) {
		const c = process.cpuUsage(); f(); const u = process.cpuUsage(c);
		if (r === 1) console.log(`${label}: ${(u.user / 1000).toFixed(0)} user ${(u.system / 1000).toFixed(0)} sys`);
	}
}
let rewritten: string[] = [];
time('rewrite', () => { rewritten = pages.map((p) => rewriteForFirstPaint(p, read)); });
time('metaPolicy', () => { for (const p of rewritten) metaPolicy(p); });
time('inlineCode', () => { for (const p of rewritten) inlineCode(p); });
time('eventHandlerNames', () => { for (const p of rewritten) eventHandlerNames(p); });
time('auditPage', () => { for (const p of rewritten) auditPage(p, { hashStyles: true, onlyPageHashes: true }); });
console.log('two-byte pages', pages.filter((p) => /[^\u0000-\u00ff]/.test(p)).length, 'of', pages.length);
