import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { afterEach, describe, expect, test } from 'vitest';
import {
	auditBuiltPage,
	auditPagesInThreads,
	moveStagedPages,
	rewriteForFirstPaint,
	shareBySize,
	type AuditJob,
} from './csp-audit.ts';
import { deferModuleScripts, inlineSmallImages } from '../lib/site/after-paint.ts';
import { hoistStylesheets, inlineStylesheets } from '../lib/site/hoist-stylesheets.ts';
import { cspHash } from './csp-policy.ts';

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
	'bad/index.html': page('<main><script>alert(1)</script><button onclick="go()">Go</button></main>'),
	'no-policy/index.html': '<!DOCTYPE html><html><head></head><body><p>Nothing</p></body></html>',
	'already/index.html': `<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="default-src 'self'"></head><body><p>Done</p></body></html>`,
};

const folders: string[] = [];
afterEach(() => {
	for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function builtSite(): AuditJob {
	const root = mkdtempSync(path.join(os.tmpdir(), 'awaitable-csp-audit-'));
	folders.push(root);
	const out = path.join(root, 'dist');
	for (const [name, html] of Object.entries(PAGES)) {
		mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
		writeFileSync(path.join(out, name), html);
	}
	mkdirSync(path.join(out, '_astro'));
	writeFileSync(path.join(out, '_astro/ec.css'), stylesheet);
	return { out, base: '/', pages: Object.keys(PAGES).sort(), staging: path.join(root, '.dist-csp-test') };
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

describe('the check of the built pages', () => {
	test('leaves the built pages as they are until the staged ones are moved into place', async () => {
		const job = builtSite();
		const results = await auditPagesInThreads(job, 1);
		for (const [name, html] of Object.entries(PAGES)) expect(readFileSync(path.join(job.out, name), 'utf8')).toBe(html);
		expect(Object.values(tree(job.staging)).sort()).toEqual(
			results
				.filter((result) => result.changed)
				.map((result) => auditBuiltPage(PAGES[result.page] ?? '', () => stylesheet).html)
				.sort(),
		);
		expect(results.filter((result) => result.changed).map((result) => result.page)).toEqual([
			'bad/index.html',
			'index.html',
			'lessons/aget/index.html',
			'practice/aget/index.html',
		]);
		await moveStagedPages(job, results);
		expect(existsSync(job.staging)).toBe(false);
		const lesson = readFileSync(path.join(job.out, 'lessons/aget/index.html'), 'utf8');
		expect(lesson).toBe(auditBuiltPage(PAGES['lessons/aget/index.html'] ?? '', () => stylesheet).html);
		expect(lesson).toContain(`<head><meta http-equiv="content-security-policy"`);
		expect(lesson).toContain(`<style>${stylesheet}</style>`);
		expect(lesson).not.toContain('unused');
		expect(readFileSync(path.join(job.out, 'already/index.html'), 'utf8')).toBe(PAGES['already/index.html']);
	});

	test('gives the same pages, problems and policies in worker threads as in this thread', async () => {
		const inProcess = builtSite();
		const inWorkers = builtSite();
		const here = await auditPagesInThreads(inProcess, 0);
		const threads = await auditPagesInThreads(inWorkers, 2, [1, 5, 1, 1, 9, 1]);
		expect(threads).toEqual(here);
		expect(threads.map((result) => result.page)).toEqual(inWorkers.pages);
		expect(here.find((result) => result.page === 'bad/index.html')?.problems).toEqual([
			expect.stringContaining('has an inline <script> its policy does not allow'),
			expect.stringContaining('has an inline event handler onclick='),
		]);
		expect(here.find((result) => result.page === 'no-policy/index.html')?.problems).toEqual([
			expect.stringContaining('has no <meta http-equiv="content-security-policy">'),
		]);
		await moveStagedPages(inProcess, here);
		await moveStagedPages(inWorkers, threads);
		expect(tree(inWorkers.out)).toEqual(tree(inProcess.out));
	});

	test('reports a page that cannot be read instead of losing it', async () => {
		const job = builtSite();
		await expect(auditPagesInThreads({ ...job, pages: [...job.pages, 'gone/index.html'] }, 1)).rejects.toThrow(/gone/);
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
		for (const html of pages) {
			expect(rewriteForFirstPaint(html, read)).toBe(
				inlineSmallImages(deferModuleScripts(inlineStylesheets(hoistStylesheets(html), read)), read),
			);
		}
	});
});

describe('shareBySize', () => {
	test('gives each list about the same total size and every item to one list', () => {
		const sizes = [9, 1, 4, 4, 3, 3, 2, 8];
		const items = sizes.map((_, index) => `page-${index}`);
		const lists = shareBySize(items, sizes, 2);
		expect(lists.flat().sort()).toEqual([...items].sort());
		const totals = lists.map((list) => list.reduce((sum, item) => sum + (sizes[items.indexOf(item)] ?? 0), 0));
		expect(totals).toEqual([17, 17]);
	});

	test('leaves lists empty when there are fewer items than lists', () => {
		expect(shareBySize(['a'], [1], 3)).toEqual([['a'], [], []]);
	});
});

describe("the site's configuration", () => {
	test('completes the stylesheets written outside Vite before the check inlines them, both once the pages are written', async () => {
		const { default: config } = await import('../../astro.config.mjs');
		const integrations = (config.integrations ?? [])
			.flat()
			.filter((integration): integration is AstroIntegration => Boolean(integration));
		const names = integrations.map((integration) => integration.name);
		const noJsTheme = integrations[names.indexOf('awaitable:no-js-theme')];
		const csp = integrations[names.indexOf('awaitable:csp-headers')];
		expect(names.indexOf('awaitable:no-js-theme')).toBeLessThan(names.indexOf('awaitable:csp-headers'));
		expect(Object.keys(noJsTheme?.hooks ?? {})).toContain('astro:build:generated');
		expect(Object.keys(csp?.hooks ?? {})).toContain('astro:build:generated');
	});
});
