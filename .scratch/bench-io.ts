import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
const raw = '/tmp/post500/raw';
const pages = readdirSync(raw, { recursive: true, withFileTypes: true })
	.filter((e) => e.isFile() && e.name.endsWith('.html'))
	.map((e) => path.join(e.parentPath, e.name));
const st = '/tmp/post500/io-staging';
async function time(label: string, f: () => Promise<void> | void) {
	const cpu = process.cpuUsage();
	const t = performance.now();
	await f();
	const u = process.cpuUsage(cpu);
	console.log(`${label}: ${(performance.now() - t).toFixed(0)} ms wall, ${(u.user / 1000).toFixed(0)} user ${(u.system / 1000).toFixed(0)} sys`);
}
const texts: string[] = [];
await time('readFileSync utf8', () => { for (const p of pages) texts.push(readFileSync(p, 'utf8')); });
await time('readFileSync buffer', () => { for (const p of pages) readFileSync(p); });
await time('readFile promises utf8', async () => { for (const p of pages) await readFile(p, 'utf8'); });
rmSync(st, { recursive: true, force: true }); mkdirSync(st);
await time('writeFileSync new', () => { texts.forEach((t, i) => writeFileSync(`${st}/${i}.html`, t)); });
await time('writeFileSync overwrite', () => { texts.forEach((t, i) => writeFileSync(`${st}/${i}.html`, t)); });
rmSync(st, { recursive: true, force: true }); mkdirSync(st);
await time('writeFile promises new', async () => { let i = 0; for (const t of texts) await writeFile(`${st}/${i++}.html`, t); });
await time('rm staging', () => rmSync(st, { recursive: true, force: true }));
