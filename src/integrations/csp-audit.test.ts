import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { afterEach, describe, expect, test } from 'vitest';
import type { AstroPrerenderer, PrerenderRenderMetadata } from 'astro';
import {
	auditBuiltPage,
	PagePass,
	pageKey,
	passedPagesOf,
	registerPass,
	rewriteForFirstPaint,
	withPagePass,
	type PassOptions,
} from './csp-audit.ts';
import { pagefindView } from './pagefind-view.ts';
import { deferModuleScripts, inlineSmallImages } from '../lib/site/after-paint.ts';
import { hoistStylesheets, inlineStylesheets } from '../lib/site/hoist-stylesheets.ts';
import { bytesOf, cspHash, textOf } from './csp-policy.ts';

const script = 'document.documentElement.dataset.theme="dark"';
const stylesheet = '.ec{color:red}';
const policy = (extra = '') =>
	`default-src 'self'; script-src 'self' '${cspHash(script).slice(1, -1)}' 'sha256-unusedunusedunusedunusedunusedunusedunused='${extra}; style-src 'self'`;
const page = (body: string, extra = '') =>
	`<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="${policy(extra)}"><script>${script}</script></head><body>${body}</body></html>`;

/** A built site: pages of every kind the check meets, and the stylesheet Expressive Code links in the body. */
const PAGES: Record<string, string> = {
	'index.html': page('<main><p>Home</p></main>'),
	'lessons/aget/index.html': page(
		'<main><link rel="stylesheet" href="/_astro/ec.css"><pre>code</pre><style>p{margin:0}</style></main>',
	),
	'practice/aget/index.html': page(`<main>${'<section><p>Question one</p></section>'.repeat(500)}</main>`),
	'search/index.html': page('<nav>Sidebar</nav><main data-pagefind-body><h1>Search me</h1><p>Text</p></main>'),
	'bad/index.html': page('<main><script>alert(1)</script><button onclick="go()">Go</button></main>'),
	'no-policy/index.html': '<!DOCTYPE html><html><head></head><body><p>Nothing</p></body></html>',
	'already/index.html': `<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="default-src 'self'"></head><body><p>Done</p></body></html>`,
};

const folders: string[] = [];
afterEach(() => {
	for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A built site's output folder: the stylesheet Expressive Code links and, when `withPages`, the pages too. */
function builtSite(withPages = false): PassOptions {
	const root = mkdtempSync(path.join(os.tmpdir(), 'awaitable-csp-audit-'));
	folders.push(root);
	const out = path.join(root, 'dist');
	mkdirSync(path.join(out, '_astro'), { recursive: true });
	writeFileSync(path.join(out, '_astro/ec.css'), stylesheet);
	if (withPages) {
		for (const [name, html] of Object.entries(PAGES)) {
			mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
			writeFileSync(path.join(out, name), html);
		}
	}
	return { out, base: '/' };
}

const bytes = (text: string) => new TextEncoder().encode(text);

/** Renders every page through the pass as Astro would (its address, then the file Astro writes), in parallel. */
async function renderAll(pass: PagePass): Promise<void> {
	await Promise.all(
		Object.entries(PAGES).map(async ([name, html]) => {
			const written = await pass.page(`/${name.replace(/index\.html$/, '')}`, bytes(html));
			const file = path.join(pass.options.out, name);
			mkdirSync(path.dirname(file), { recursive: true });
			writeFileSync(file, written);
		}),
	);
}

/** Every file under a folder, by path, with its text. */
function tree(folder: string): Record<string, string> {
	const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
	return Object.fromEntries(
		files
			.map((entry) => path.join(entry.parentPath, entry.name))
			.sort()
			.map((file) => [path.relative(folder, file), readFileSync(file, 'utf8')]),
	);
}

describe('the page pass', () => {
	test('gives Astro each page completed and checked, the same in a worker thread as in this one', async () => {
		const inWorkers = new PagePass(builtSite(), 1);
		const here = new PagePass(builtSite(), 0);
		await Promise.all([renderAll(inWorkers), renderAll(here)]);
		expect(tree(inWorkers.options.out)).toEqual(tree(here.options.out));
		const lesson = readFileSync(path.join(here.options.out, 'lessons/aget/index.html'), 'utf8');
		expect(lesson).toBe(auditBuiltPage(PAGES['lessons/aget/index.html'] ?? '', () => stylesheet).html);
		expect(lesson).toContain(`<head><meta http-equiv="content-security-policy"`);
		expect(lesson).toContain(`<style>${stylesheet}</style>`);
		expect(lesson).not.toContain('unused');
		expect(readFileSync(path.join(here.options.out, 'already/index.html'), 'utf8')).toBe(PAGES['already/index.html']);
		const results = await here.passedPages();
		expect(await inWorkers.passedPages()).toEqual(results);
		expect(results.map(({ page }) => page)).toEqual(Object.keys(PAGES).sort());
		expect(results.find(({ page }) => page === 'bad/index.html')?.problems).toEqual([
			expect.stringContaining('has an inline <script> its policy does not allow'),
			expect.stringContaining('has an inline event handler onclick='),
		]);
		expect(results.find(({ page }) => page === 'no-policy/index.html')?.problems).toEqual([
			expect.stringContaining('has no <meta http-equiv="content-security-policy">'),
		]);
	});

	test('keeps what Pagefind reads of each marked page as Astro rendered it', async () => {
		const pass = new PagePass(builtSite(), 1);
		await renderAll(pass);
		const indexed = (await pass.passedPages()).filter(({ pagefind }) => pagefind !== undefined);
		expect(indexed.map(({ page }) => page)).toEqual(['search/index.html']);
		const rendered = Buffer.from(PAGES['search/index.html'] ?? '');
		expect(Buffer.from(indexed[0]?.pagefind ?? [])).toEqual(pagefindView(rendered));
		expect(passedPagesOf(pass.options.out)).toBeUndefined();
		registerPass(pass);
		expect(await passedPagesOf(`${pass.options.out}/`)).toEqual(await pass.passedPages());
	});

	test('passes a page it did not see rendered once the build is done, in place', async () => {
		const options = builtSite(true);
		const pass = new PagePass(options, 1);
		await pass.page('/lessons/aget/', bytes(PAGES['lessons/aget/index.html'] ?? ''));
		const results = await pass.passedPages();
		expect(results.map(({ page }) => page)).toEqual(Object.keys(PAGES).sort());
		expect(readFileSync(path.join(options.out, 'bad/index.html'), 'utf8')).toBe(
			auditBuiltPage(PAGES['bad/index.html'] ?? '', () => stylesheet).html,
		);
		expect(results.find(({ page }) => page === 'bad/index.html')?.problems).toHaveLength(2);
	});

	test('reads a page as its bytes, or as text where it has whitespace beyond ASCII, to the same page', async () => {
		const options = builtSite();
		const svg = '<svg viewBox="0 0 1 1"><title>à — →</title></svg>';
		writeFileSync(path.join(options.out, '_astro/logo.svg'), svg);
		const read = (href: string) => ({ '/_astro/ec.css': stylesheet, '/_astro/logo.svg': svg })[href];
		const body = `<main><h1>Dashes — and arrows →</h1><img alt=à src="/_astro/logo.svg"><link rel="stylesheet" href="/_astro/ec.css"><b onclick=x>Ġ</b></main>`;
		for (const pass of [new PagePass(options, 0), new PagePass(options, 1)]) {
			for (const html of [page(body), page(body.replace(' and', '\u00a0and'))]) {
				const written = Buffer.from(await pass.page('/unicode/', bytes(html))).toString('utf8');
				expect(written).toBe(auditBuiltPage(html, read).html);
				expect(written).toContain('<style>');
				expect(written).toContain('data:image/svg+xml');
			}
			await pass.close();
		}
	});

	test('fails the page a worker could not pass, with the reason', async () => {
		const options = builtSite();
		// A stylesheet that cannot be read: a folder where the file should be.
		mkdirSync(path.join(options.out, '_astro/folder.css'));
		const pass = new PagePass(options, 1);
		const html = page('<main><link rel="stylesheet" href="/_astro/folder.css"></main>');
		await expect(pass.page('/broken/', bytes(html))).rejects.toThrow(/page pass failed on a page: .*EISDIR/);
		await pass.close();
	});
});

describe('pageKey', () => {
	test("is one for the path Astro renders and the file it writes, under the site's base", () => {
		expect(pageKey('/lessons/aget/')).toBe('lessons/aget');
		expect(pageKey('lessons/aget/index.html')).toBe('lessons/aget');
		expect(pageKey('/awaitable/lessons/aget/', '/awaitable/')).toBe('lessons/aget');
		expect(pageKey('/')).toBe('');
		expect(pageKey('index.html')).toBe('');
		expect(pageKey('/404.html')).toBe('404');
		expect(pageKey('404.html')).toBe('404');
		expect(pageKey('/caf%C3%A9/')).toBe(pageKey('café/index.html'));
	});
});

describe('withPagePass', () => {
	const rendered = (body: string, type: string, status = 200) =>
		new Response(body, { status, headers: { 'content-type': type } });
	const prerenderer = (response: () => Response, metadata?: PrerenderRenderMetadata): AstroPrerenderer => ({
		name: 'test',
		getStaticPaths: async () => [],
		render: async () => (metadata ? { response: response(), metadata } : response()),
	});
	const request = (pathname: string) => new Request(`http://localhost${pathname}`);
	const routeData = {} as Parameters<AstroPrerenderer['render']>[1]['routeData'];

	test("gives Astro the completed HTML page, with the prerenderer's metadata", async () => {
		const pass = new PagePass(builtSite(), 0);
		const html = PAGES['lessons/aget/index.html'] ?? '';
		const wrapped = withPagePass(
			prerenderer(() => rendered(html, 'text/html'), { contentEntryKeys: ['lessons/aget.mdx'], staticImages: [] }),
			pass,
		);
		const result = await wrapped.render(request('/lessons/aget/'), { routeData });
		expect(result).not.toBeInstanceOf(Response);
		const response = (result as { response: Response }).response;
		expect(await response.text()).toBe(auditBuiltPage(html, () => stylesheet).html);
		expect(response.headers.get('content-type')).toBe('text/html');
		expect((result as { metadata: object }).metadata).toEqual({
			contentEntryKeys: ['lessons/aget.mdx'],
			staticImages: [],
		});
	});

	test('reads a page rendered in chunks as the one page they make', async () => {
		const pass = new PagePass(builtSite(), 0);
		const html = PAGES['lessons/aget/index.html'] ?? '';
		const chunked = () => {
			const body = new ReadableStream<Uint8Array>({
				start(controller) {
					for (const part of [html.slice(0, 100), html.slice(100, 101), html.slice(101)])
						controller.enqueue(bytes(part));
					controller.close();
				},
			});
			return new Response(body, { headers: { 'content-type': 'text/html' } });
		};
		const result = await withPagePass(prerenderer(chunked), pass).render(request('/lessons/aget/'), { routeData });
		expect(await (result as Response).text()).toBe(auditBuiltPage(html, () => stylesheet).html);
	});

	test('leaves data and redirects as they are', async () => {
		const pass = new PagePass(builtSite(), 0);
		const json = rendered('{"a":"<script>"}', 'application/json');
		expect(
			await withPagePass(
				prerenderer(() => json),
				pass,
			).render(request('/a.json'), { routeData }),
		).toBe(json);
		const redirect = new Response(null, { status: 301, headers: { location: '/b/' } });
		expect(
			await withPagePass(
				prerenderer(() => redirect),
				pass,
			).render(request('/a/'), { routeData }),
		).toBe(redirect);
	});
});

describe('rewriteForFirstPaint', () => {
	const files: Record<string, string> = {
		'/_astro/ec.css': stylesheet,
		'/_astro/print.css': '@page{margin:1cm}',
		'/_astro/logo.svg': '<svg viewBox="0 0 1 1"><rect width="1" height="1"/></svg>',
		'/_astro/bad.css': 'a::after{content:"</style>"}',
	};
	const read = (href: string) => files[href];
	const link = (href: string, media?: string) =>
		`<link rel="stylesheet" href="${href}"${media === undefined ? '' : ` media="${media}"`}>`;
	const module = (src: string) => `<script type="module" src="${src}"></script>`;

	test('gives the page hoistStylesheets, inlineStylesheets, deferModuleScripts and inlineSmallImages give in turn', () => {
		const pages = [
			...Object.values(PAGES),
			`<html><head>${link('/_astro/print.css', 'print')}${module('/_astro/a.js')}</head><body><img alt="" src="/_astro/logo.svg"><main>${link('/_astro/ec.css')}<pre>x</pre>${link('/_astro/ec.css')}${link('/_astro/bad.css')}${link('/_astro/gone.css')}${module('/_astro/b.js')}</main></body></html>`,
			`<html><head>${link('/_astro/ec.css')}</head><body>${link('/_astro/ec.css')}${link('/_astro/print.css', 'print')}</body></html>`,
			`<p>No head</p>${link('/_astro/ec.css')}${module('/_astro/c.js')}<img src="/_astro/logo.svg">`,
			`<html><head></head><body><img src="/_astro/big.png"><script type="module">a()</script></body></html>`,
		];
		pages.push(
			`<html><head></head><body><img alt=à src="/_astro/logo.svg"><img alt=àsrc="/_astro/logo.svg"><p>— →</p>${link('/_astro/ec.css')}</body></html>`,
		);
		const readBytes = (href: string) => {
			const text = read(textOf(href));
			return text === undefined ? undefined : bytesOf(text);
		};
		for (const html of pages) {
			const rewritten = rewriteForFirstPaint(html, read);
			expect(rewritten).toBe(
				inlineSmallImages(deferModuleScripts(inlineStylesheets(hoistStylesheets(html), read)), read),
			);
			expect(rewriteForFirstPaint(bytesOf(html), readBytes, true)).toBe(bytesOf(rewritten));
		}
	});
});

describe("the site's configuration", () => {
	test('completes the stylesheets emitted outside Vite before any page is rendered, and passes the pages as they are', async () => {
		const { default: config } = await import('../../astro.config.mjs');
		const integrations = (config.integrations ?? [])
			.flat()
			.filter((integration): integration is AstroIntegration => Boolean(integration));
		const csp = integrations.find((integration) => integration.name === 'awaitable:csp-headers');
		expect(Object.keys(csp?.hooks ?? {})).toContain('astro:build:start');
		const plugins = (config.vite?.plugins ?? []).flat() as { name?: string; generateBundle?: unknown }[];
		expect(plugins.find((plugin) => plugin?.name === 'awaitable-no-js-theme')?.generateBundle).toBeTypeOf('function');
	});
});
