import { describe, expect, test } from 'vitest';
import {
	dynamicImports,
	islandEntries,
	islandsOf,
	lazyModules,
	pageScripts,
	resolveSpecifier,
	staticClosure,
	staticImports,
} from './module-graph.ts';

// Shapes copied from a real build (Vite/Rolldown minified output).
const FILES: Record<string, string> = {
	'/_astro/client.js':
		'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/signals.js","_astro/preact.js"])))=>i.map(i=>d[i]);\nimport{a as e,i as t,n}from"./preact.js";import{t as r}from"./preload-helper.js";var i=async()=>{await r(()=>import(`./signals.js`),__vite__mapDeps([0,1]))};export{i as default};',
	'/_astro/Quiz.js': 'import{n as e}from"./hooks.js";import{t}from"./jsx.js";function n(){}export{n as default};',
	'/_astro/hooks.js': 'import{o as e}from"./preact.js";var t=1;export{t as n};',
	'/_astro/jsx.js': 'import"./preact.js";export*from"./preact.js";',
	'/_astro/preact.js': 'var e=1;export{e as a};',
	'/_astro/preload-helper.js': 'var t=1;export{t};',
	'/_astro/signals.js': 'import{a}from"./preact.js";export{a};',
	'/_astro/Search.js': 'import{t as e}from"./preload-helper.js";var x=()=>import(`./ui-core.js`);',
	'/_astro/ui-core.js': 'import"./ui-chunk.js";var y=import(`${base}pagefind.js`);',
	'/_astro/ui-chunk.js': 'var z=1;',
};
const read = (url: string) => Promise.resolve(FILES[url]);

describe('parsing imports', () => {
	test('finds static imports, side-effect imports and re-exports, not dynamic imports', () => {
		expect(staticImports(FILES['/_astro/client.js'] ?? '')).toEqual(['./preact.js', './preload-helper.js']);
		expect(staticImports(FILES['/_astro/jsx.js'] ?? '')).toEqual(['./preact.js']);
		expect(staticImports('import x from "./a.js"\nimport * as y from \'./b.js\'\nexport { c } from "./c.js"')).toEqual([
			'./a.js',
			'./b.js',
			'./c.js',
		]);
	});

	test('does not mistake names ending in import, or strings, for imports', () => {
		expect(staticImports('a.import("./x.js");const reimport=1;')).toEqual([]);
	});

	test('finds literal dynamic imports and skips computed ones', () => {
		expect(dynamicImports(FILES['/_astro/client.js'] ?? '')).toEqual(['./signals.js']);
		expect(dynamicImports(FILES['/_astro/ui-core.js'] ?? '')).toEqual([]);
	});

	test('resolves relative and root-relative specifiers, ignores bare ones', () => {
		expect(resolveSpecifier('/awaitable/_astro/a.js', './b.js')).toBe('/awaitable/_astro/b.js');
		expect(resolveSpecifier('/_astro/a.js', '../x/c.js')).toBe('/x/c.js');
		expect(resolveSpecifier('/_astro/a.js', '/pagefind/p.js')).toBe('/pagefind/p.js');
		expect(resolveSpecifier('/_astro/a.js', 'preact')).toBeUndefined();
	});
});

describe('the graph', () => {
	test('the static closure of an island is its component, renderer and everything they import', async () => {
		const { modules, missing } = await staticClosure(['/_astro/Quiz.js', '/_astro/client.js'], read);
		expect(modules.sort()).toEqual([
			'/_astro/Quiz.js',
			'/_astro/client.js',
			'/_astro/hooks.js',
			'/_astro/jsx.js',
			'/_astro/preact.js',
			'/_astro/preload-helper.js',
		]);
		expect(missing).toEqual([]);
	});

	test('reports modules it cannot read', async () => {
		expect((await staticClosure(['/_astro/nope.js'], read)).missing).toEqual(['/_astro/nope.js']);
	});

	test('lazy modules are reachable only through import()', async () => {
		expect(await lazyModules(['/_astro/Search.js'], read)).toEqual(['/_astro/ui-chunk.js', '/_astro/ui-core.js']);
		expect(await lazyModules(['/_astro/client.js'], read)).toEqual(['/_astro/signals.js']);
	});
});

describe('reading a page', () => {
	const html = `<script type="module" src="/_astro/page.js"></script><script>inline()</script>
<astro-island uid="a" component-url="/_astro/Quiz.js" component-export="default" renderer-url="/_astro/client.js" props="{}" ssr client="visible" opts="{&quot;name&quot;:&quot;QuizIsland&quot;,&quot;value&quot;:true}"></astro-island>
<astro-island uid="b" component-url="/_astro/Cards.js" renderer-url="/_astro/client.js" client="idle" opts="{}"></astro-island>`;

	test('lists the islands with their names and client directives', () => {
		expect(islandsOf(html).map(({ name, client }) => ({ name, client }))).toEqual([
			{ name: 'QuizIsland', client: 'visible' },
			{ name: '/_astro/Cards.js', client: 'idle' },
		]);
		expect(islandEntries(islandsOf(html))).toEqual(['/_astro/Quiz.js', '/_astro/client.js', '/_astro/Cards.js']);
	});

	test('lists external scripts, not inline ones', () => {
		expect(pageScripts(html)).toEqual(['/_astro/page.js']);
	});
});
