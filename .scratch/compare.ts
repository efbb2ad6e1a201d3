import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { auditBuiltPage } from '../src/integrations/csp-audit.ts';
import { auditPage, withOnlyPageHashes } from '../src/integrations/csp-policy.ts';
import { hoistStylesheets, inlineStylesheets } from '../src/lib/site/hoist-stylesheets.ts';
import { deferModuleScripts, inlineSmallImages } from '../src/lib/site/after-paint.ts';
const raw = process.argv[2] ?? '/tmp/post500/raw';
const read = (href: string) => { const f = path.join(raw, href.slice(1)); return existsSync(f) ? readFileSync(f, 'utf8') : undefined; };
let same = 0, diff = 0;
for (const e of readdirSync(raw, { recursive: true, withFileTypes: true })) {
	if (!e.isFile() || !e.name.endsWith('.html')) continue;
	const built = readFileSync(path.join(e.parentPath, e.name), 'utf8');
	const old = auditPage(withOnlyPageHashes(inlineSmallImages(deferModuleScripts(inlineStylesheets(hoistStylesheets(built), read)), read)).html, { hashStyles: true });
	const now = auditBuiltPage(built, read);
	if (old.html === now.html && JSON.stringify(old.problems) === JSON.stringify(now.problems) && JSON.stringify([...(old.policy ?? [])]) === JSON.stringify([...(now.policy ?? [])])) same++;
	else { diff++; if (diff < 3) console.log('DIFF', e.parentPath, e.name); }
}
console.log({ same, diff });
