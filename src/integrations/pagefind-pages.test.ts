import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger, HookParameters } from 'astro';
import * as pagefind from 'pagefind';
import { afterEach, describe, expect, test } from 'vitest';
import pagefindPages, { pagefindView, pagesPagefindIndexes, withIndexedPagesOnly } from './pagefind-pages.ts';
import { PagePass, registerPass } from './csp-audit.ts';

const page = (title: string, body: string, marked: boolean) =>
	`<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><nav><a href="/">Home</a> <a href="/a/">Lesson A</a></nav><main${marked ? ' data-pagefind-body' : ''}><h1>${title}</h1><p>${body}</p></main></body></html>`;

/** A built site: lessons Starlight marks for Pagefind, practice and 404 pages it does not. */
const SITE: Record<string, string> = {
	'index.html': page('Awaitable', 'Learn the asynchronous ORM.', true),
	'lessons/aget/index.html': page('aget', 'Fetch one object with await Model.objects.aget().', true),
	'lessons/asave/index.html': page('asave', 'Save an object with await obj.asave().', true),
	'practice/aget/index.html': page('Practice: aget', 'Which call fetches one object? aget, afirst.', false),
	'404.html': page('Not found', 'This page does not exist.', false),
};

const folders: string[] = [];
afterEach(() => {
	for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function builtSite(pages: Record<string, string> = SITE): string {
	const root = mkdtempSync(path.join(os.tmpdir(), 'awaitable-pagefind-pages-'));
	folders.push(root);
	const out = path.join(root, 'dist');
	for (const [name, html] of Object.entries(pages)) {
		mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
		writeFileSync(path.join(out, name), html);
	}
	return out;
}

/** Every file under a folder, by path, with its SHA-256. */
function digests(folder: string): Record<string, string> {
	return Object.fromEntries(
		readdirSync(folder, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => path.join(entry.parentPath, entry.name))
			.sort()
			.map((file) => [path.relative(folder, file), createHash('sha256').update(readFileSync(file)).digest('hex')]),
	);
}

/** What Starlight 0.42's hook does with the folder it is given (dist/integrations/pagefind.js, pinned below). */
async function starlightsPagefind({ dir }: { dir: URL }): Promise<void> {
	try {
		const { index } = await pagefind.createIndex();
		if (!index) throw new Error('Pagefind gave no index.');
		await index.addDirectory({ path: fileURLToPath(dir) });
		await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) });
	} finally {
		await pagefind.close();
	}
}

const logger = {} as AstroIntegrationLogger;
const done = (out: string) => ({ dir: pathToFileURL(`${out}/`), logger }) as HookParameters<'astro:build:done'>;

describe('the pages Pagefind reads', () => {
	test('are the pages with a data-pagefind-body element', async () => {
		expect((await pagesPagefindIndexes(builtSite()))?.map(({ page }) => page)).toEqual([
			'index.html',
			'lessons/aget/index.html',
			'lessons/asave/index.html',
		]);
	});

	test('are every page when none has one (Pagefind then indexes them all)', async () => {
		expect(await pagesPagefindIndexes(builtSite({ 'a.html': page('A', 'a', false) }))).toBeUndefined();
	});

	test("give Pagefind's index of the whole site, byte for byte, in the output's pagefind folder", async () => {
		const whole = builtSite();
		await starlightsPagefind(done(whole));
		const only = builtSite();
		let given = '';
		await withIndexedPagesOnly(async (options) => {
			given = fileURLToPath(options.dir);
			expect(readdirSync(given, { recursive: true }).filter((name) => String(name).endsWith('.html'))).toHaveLength(3);
			await starlightsPagefind(options);
		})(done(only));
		expect(given).not.toBe(`${only}${path.sep}`);
		expect(existsSync(given)).toBe(false);
		const index = digests(path.join(only, 'pagefind'));
		expect(Object.keys(index).length).toBeGreaterThan(5);
		expect(index).toEqual(digests(path.join(whole, 'pagefind')));
		// The pages themselves are untouched.
		for (const [name, html] of Object.entries(SITE)) expect(readFileSync(path.join(only, name), 'utf8')).toBe(html);
	});

	test("are taken from the build's page pass when it ran, with the same index", async () => {
		const whole = builtSite();
		await starlightsPagefind(done(whole));
		const out = builtSite();
		const pass = new PagePass({ out, base: '/' }, 0);
		// What the pass saw as Astro rendered it; a page seen only on disk is passed once the build is done.
		for (const [name, html] of Object.entries(SITE).slice(1)) await pass.page(`/${name}`, Buffer.from(html));
		registerPass(pass);
		await withIndexedPagesOnly(starlightsPagefind)(done(out));
		expect(digests(path.join(out, 'pagefind'))).toEqual(digests(path.join(whole, 'pagefind')));
	});

	test('are given without the parts of their body outside the marked element, and whole where Pagefind may read those', () => {
		const view = (html: string) => pagefindView(Buffer.from(html))?.toString();
		const head = '<!DOCTYPE html><html lang="en"><head><title>T</title></head>';
		const main = '<main data-pagefind-body><h1>T</h1><div><main>nested</main></div><p>Text</p></main>';
		expect(view(`${head}<body class="b"><nav><a href="/">Home</a></nav>${main}<footer>F</footer></body></html>`)).toBe(
			`${head}<body class="b">${main}</body></html>`,
		);
		const whole = [
			// What Pagefind reads outside the marked element: metadata, filters, the title's h1, the image after it.
			`${head}<body><nav data-pagefind-filter="kind:x">N</nav>${main}</body></html>`,
			`${head}<body>${main}<footer data-pagefind-meta="date:1">F</footer></body></html>`,
			`${head}<body><header><h1>Site</h1></header>${main}</body></html>`,
			`${head}<body>${main}<img src="/a.png" alt=""></body></html>`,
			// No h1 in the element, two marked elements, no end, another closing tag after the end.
			`${head}<body><nav>N</nav><main data-pagefind-body><p>Text</p></main></body></html>`,
			`${head}<body>${main}<aside data-pagefind-body><h1>B</h1></aside></body></html>`,
			`${head}<body><nav>N</nav><main data-pagefind-body><h1>T</h1><p>Text</p></body></html>`,
			`${head}<body><nav>N</nav>${main}<script>"</main>"</script></main></body></html>`,
		];
		for (const html of whole) expect(view(html), html).toBeUndefined();
		// An image before the element's h1 is not Pagefind's image: its part may go.
		expect(view(`${head}<body><header><img src="/logo.svg" alt=""></header>${main}</body></html>`)).toBe(
			`${head}<body>${main}</body></html>`,
		);
	});

	test("hand Starlight's hook the output itself when no page is marked", async () => {
		const out = builtSite({ 'a.html': page('A', 'a', false) });
		let given: URL | undefined;
		await withIndexedPagesOnly((options) => {
			given = options.dir;
		})(done(out));
		expect(given && fileURLToPath(given)).toBe(`${out}${path.sep}`);
	});
});

describe("Starlight's search index step", () => {
	test("is started by Starlight's astro:build:done hook and awaited by the last one, pagefindPages()", async () => {
		const { default: config } = await import('../../astro.config.mjs');
		const integrations = (config.integrations ?? [])
			.flat()
			.filter((integration): integration is AstroIntegration => Boolean(integration));
		const names = integrations.map((integration) => integration.name);
		expect(names.indexOf('@astrojs/starlight')).toBeLessThan(names.indexOf('awaitable:pagefind-pages'));
		expect(names.at(-1)).toBe('awaitable:pagefind-pages');
		const starlight = integrations[names.indexOf('@astrojs/starlight')];
		const original = starlight?.hooks['astro:build:done'];
		const setup = pagefindPages().hooks['astro:config:setup'] as (options: unknown) => void;
		const copy = { ...starlight, hooks: { ...starlight?.hooks } } as AstroIntegration;
		setup({ config: { integrations: [copy] } });
		expect(copy.hooks['astro:build:done']).not.toBe(original);
		expect(String(original)).toMatch(/return .*starlightPagefind\)?\(options\)/);
	});

	test('fails the build from the last hook when the index fails, and only once the index is done', async () => {
		let finish: (error?: Error) => void = () => undefined;
		const starlight = {
			name: '@astrojs/starlight',
			hooks: {
				'astro:build:done': () =>
					new Promise<void>((resolve, reject) => (finish = (error) => (error ? reject(error) : resolve()))),
			},
		} as AstroIntegration;
		const integration = pagefindPages();
		(integration.hooks['astro:config:setup'] as (options: unknown) => void)({
			config: { integrations: [starlight] },
			command: 'preview',
		});
		const out = builtSite({ 'a.html': page('A', 'a', false) });
		const started = starlight.hooks['astro:build:done'] as (options: unknown) => unknown;
		expect(started(done(out))).toBeUndefined();
		const last = integration.hooks['astro:build:done'] as (options: unknown) => Promise<void>;
		let waited = false;
		const waiting = last(done(out)).then(() => (waited = true));
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(waited).toBe(false);
		finish(new Error('Pagefind failed'));
		await expect(waiting).rejects.toThrow('Pagefind failed');
	});

	test('is the one pagefind-pages.ts was written for (Starlight 0.42.4)', () => {
		// pagefind-pages.ts gives Starlight's hook another `dir` and moves `<dir>/pagefind/` into the output: right
		// while the hook reads `dir`'s pages and writes only the index there. When this fails, read the installed
		// file: if it still does only that, set the digest below; otherwise change pagefind-pages.ts to match.
		const file = path.resolve('node_modules/@astrojs/starlight/dist/integrations/pagefind.js');
		expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(
			'5f6f18b9da8736769eddc2ba17cd706d3c57121f64693df3ec97a358012b84a9',
		);
	});
});
