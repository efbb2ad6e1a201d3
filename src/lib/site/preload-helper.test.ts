// @vitest-environment happy-dom
/**
 * The stand-in for Vite's preload helper (preload-helper.ts): it loads each stylesheet a lazy import lists once
 * and waits for it, then imports the module; and it was written against the installed Vite's helper, which this
 * test pins so an upgrade that changes it fails here with what to compare.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PRELOAD_HELPER_ID, preloadHelperCode, unwrapEmptyPreloads } from './preload-helper.ts';

/** Vite's helper as the stand-in was written against: Vite's version and the SHA-256 of its `preload` function. */
const WRITTEN_AGAINST = {
	vite: '8.3.8',
	sha256: 'd16eda9325bc26958c123417a49ed271eb7aa6ded2de9232308739fb62d42561',
};

const viteRoot = path.resolve('node_modules/vite');
const VITE_NODE = path.join(viteRoot, 'dist/node/chunks/node.js');

/** The source of Vite's `preload` function and the id Vite imports the helper from. */
function viteHelper(): { preload: string; id: string | undefined } {
	const source = readFileSync(VITE_NODE, 'utf8');
	const start = source.indexOf('function preload(baseModule, deps, importerUrl) {');
	const end = source.indexOf('\nfunction getPreloadCode(', start);
	return {
		preload: start >= 0 && end > start ? source.slice(start, end) : '',
		id: /const preloadHelperId = "([^"]+)";/.exec(source)?.[1],
	};
}

type Helper = (load: () => Promise<unknown>, deps?: string[]) => Promise<unknown>;

async function helper(base: string): Promise<Helper> {
	const code = preloadHelperCode(base);
	const module = (await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(code)}`)) as {
		__vitePreload: Helper;
	};
	return module.__vitePreload;
}

describe('the small preload helper', () => {
	it('replaces the helper of the installed Vite, at the id Vite imports it from', () => {
		const { preload, id } = viteHelper();
		expect(id?.replace('\\0', '\0')).toBe(PRELOAD_HELPER_ID);
		const installed = (JSON.parse(readFileSync(path.join(viteRoot, 'package.json'), 'utf8')) as { version: string })
			.version;
		const sha256 = createHash('sha256').update(preload).digest('hex');
		expect(
			sha256,
			[
				`Vite ${installed}'s preload helper (function preload in ${path.relative(process.cwd(), VITE_NODE)}) differs from the one`,
				`src/lib/site/preload-helper.ts was written against (Vite ${WRITTEN_AGAINST.vite}). Compare the two versions' helpers,`,
				`carry into preloadHelperCode what the site needs (it loads only stylesheets: modulePreload is off), then set`,
				`WRITTEN_AGAINST in this file to { vite: '${installed}', sha256: '${sha256}' }.`,
			].join('\n'),
		).toBe(WRITTEN_AGAINST.sha256);
	});

	it('imports the module at once when nothing is listed', async () => {
		const preload = await helper('/');
		const load = vi.fn(() => Promise.resolve('module'));
		await expect(preload(load)).resolves.toBe('module');
		await expect(preload(load, [])).resolves.toBe('module');
		expect(document.head.querySelectorAll('link')).toHaveLength(0);
	});

	it('adds each stylesheet once, under the base, and imports the module once it has loaded or failed', async () => {
		const preload = await helper('/awaitable/');
		const load = vi.fn(() => Promise.resolve('module'));
		const first = preload(load, ['_astro/a.css', '_astro/b.css']);
		const links = () => [...document.head.querySelectorAll<HTMLLinkElement>('link')];
		expect(links().map((link) => [link.rel, link.getAttribute('href')])).toEqual([
			['stylesheet', '/awaitable/_astro/a.css'],
			['stylesheet', '/awaitable/_astro/b.css'],
		]);
		await Promise.resolve();
		expect(load).not.toHaveBeenCalled();
		links()[0]?.dispatchEvent(new Event('load'));
		links()[1]?.dispatchEvent(new Event('error'));
		await expect(first).resolves.toBe('module');
		await expect(preload(load, ['_astro/a.css'])).resolves.toBe('module');
		expect(links()).toHaveLength(2);
	});
});

describe('preload calls with nothing to preload', () => {
	it('become plain lazy imports, and the helper import goes with the last of them', () => {
		const code =
			'import{t as e}from"./preload-helper.0uUOBhWd.js";var t=`x`;' +
			'document.addEventListener(`click`,()=>{n&&e(()=>import(`./ui.js`).then(e=>e.act(n.textContent,`${t}(`)),[])});' +
			'let o=await Promise.all([e(()=>import(`./ui-core.js`),[]),r(n)]);';
		expect(unwrapEmptyPreloads(code)).toBe(
			'var t=`x`;document.addEventListener(`click`,()=>{n&&(import(`./ui.js`).then(e=>e.act(n.textContent,`${t}(`)))});' +
				'let o=await Promise.all([(import(`./ui-core.js`)),r(n)]);',
		);
	});

	it('keep the helper for a call that loads stylesheets, and leave a local of the same name alone', () => {
		const code =
			'import{t as e}from"./preload-helper.0uUOBhWd.js";function f(e){return e(1)}' +
			'e(()=>import(`./a.js`),[]);e(()=>import(`./b.js`),[`_astro/b.css`]);';
		expect(unwrapEmptyPreloads(code)).toBe(
			'import{t as e}from"./preload-helper.0uUOBhWd.js";function f(e){return e(1)}' +
				'(import(`./a.js`));e(()=>import(`./b.js`),[`_astro/b.css`]);',
		);
	});

	it('leave a chunk without the helper as it is', () => {
		const code = 'import{t as e}from"./preact.js";e(()=>import(`./a.js`),[]);';
		expect(unwrapEmptyPreloads(code)).toBe(code);
	});
});
