import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePracticeFile } from './src/lib/practice/parse-file.ts';
import { checkSiteRules } from './src/lib/practice/site-rules.ts';
import { checkItem, choiceItems, qualityFigures } from './src/lib/practice/quality.ts';
const dir = '/tmp/dr/work/ours-500/src/content/practice';
const loaded: any[] = [], sources: any[] = [];
for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
	if (!e.isFile()) continue;
	const abs = path.join(e.parentPath, e.name); const file = abs; const source = readFileSync(abs, 'utf8');
	const r = parsePracticeFile(file, source); if (!r.ok) continue;
	const id = path.relative(dir, abs).replace(/\.ya?ml$/, '');
	loaded.push({ id, file, set: r.set }); sources.push({ file, source, set: r.set });
}
for (let i = 0; i < 3; i++) {
let a = performance.now(); checkSiteRules(loaded); console.log('siteRules', (performance.now() - a).toFixed(1));
a = performance.now(); const items = choiceItems(sources); console.log('choiceItems', (performance.now() - a).toFixed(1));
a = performance.now(); items.flatMap(checkItem); console.log('checkItem', (performance.now() - a).toFixed(1));
a = performance.now(); qualityFigures(items); console.log('figures', (performance.now() - a).toFixed(1));
}
