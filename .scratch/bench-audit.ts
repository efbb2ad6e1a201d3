// Scratch: time auditPages over a raw snapshot, in this thread.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { auditPages } from '../src/integrations/csp-audit.ts';
const raw = '/tmp/post500/raw';
const out = '/tmp/post500/bench-out';
rmSync(out, { recursive: true, force: true });
cpSync(raw, out, { recursive: true });
const pages = readdirSync(out, { recursive: true, withFileTypes: true })
	.filter((e) => e.isFile() && e.name.endsWith('.html'))
	.map((e) => path.relative(out, path.join(e.parentPath, e.name)))
	.sort();
const rounds = Number(process.argv[2] ?? 3);
for (let round = 0; round < rounds; round++) {
	const cpu = process.cpuUsage();
	const t = performance.now();
	const results = await auditPages({ out, base: '/', pages, staging: '/tmp/post500/bench-staging' });
	const used = process.cpuUsage(cpu);
	console.log(
		`${pages.length} pages, ${results.filter((r) => r.changed).length} changed, problems ${results.reduce((n, r) => n + r.problems.length, 0)}: ${(performance.now() - t).toFixed(0)} ms wall, ${(used.user / 1000).toFixed(0)} ms user ${(used.system / 1000).toFixed(0)} ms sys`,
	);
}
