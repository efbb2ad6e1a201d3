/**
 * Starlight's search index, built from the pages Pagefind indexes only.
 *
 * Starlight runs Pagefind over every HTML file of the build (its `astro:build:done` hook,
 * `@astrojs/starlight/dist/integrations/pagefind.js`). Pagefind reads and parses each of them, then drops every
 * page without a `data-pagefind-body` element as soon as one page has it (Starlight marks the main pane of each
 * page whose frontmatter does not say `pagefind: false`): the practice pages, the 404 page. With 500 lessons that
 * was 500 practice pages of about 110 KB each, half of Pagefind's files and about 1.2 s of its CPU time.
 *
 * This integration wraps Starlight's hook: it gives it a folder beside the output that holds, at the same paths,
 * the pages that have the marker, each without the parts of its body Pagefind does not read (`pagefindView`: the
 * sidebar, header and footer around the marked element) or, where that cannot be shown, the page as Astro rendered
 * it; then it moves the index Pagefind wrote there into the output. The build's page pass (csp-audit.ts) gives what
 * it kept of each page as rendered, before completing it; without a pass the pages are read from the output (a
 * page given whole is then a hard link). Pagefind's index is the same byte
 * for byte (pagefind-pages.test.ts builds both). When no page has the marker Pagefind indexes every page, and
 * Starlight's hook gets the output itself.
 * Starlight still decides whether Pagefind runs at all (its `pagefind` option).
 */
import { copyFile, link, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { closeSync, existsSync, fstatSync, openSync, readSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, HookParameters } from 'astro';
import { AstroError } from 'astro/errors';
import * as pagefind from 'pagefind';
import { passedPagesOf } from './csp-audit.ts';
import { PAGEFIND_BODY, pagefindView } from './pagefind-view.ts';

export { PAGEFIND_BODY, pagefindView };

/** A page Pagefind indexes, and what to give Pagefind in its place (see `pagefindView`), if anything. */
export interface IndexedPage {
	/** The page, relative to the output folder, with `/` separators. */
	page: string;
	/** The page without what Pagefind does not read, or undefined to give it the page itself. */
	view: Buffer | undefined;
}

/**
 * The HTML pages under `out` Pagefind would index: those that contain `data-pagefind-body`, or undefined when none
 * does (Pagefind then indexes every page). A page that only names the attribute in its text is kept too: Pagefind
 * drops it itself.
 */
export async function pagesPagefindIndexes(out: string): Promise<IndexedPage[] | undefined> {
	const entries = await readdir(out, { recursive: true, withFileTypes: true });
	const pages = entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
		.sort();
	// Each page is read into one reused buffer, synchronously: a buffer per page (180 KB for a lesson of the
	// 500-lesson build) cost more than reading it, and nothing else runs in this thread until Pagefind has its pages.
	let buffer = Buffer.allocUnsafe(1 << 20);
	const indexed: IndexedPage[] = [];
	for (const page of pages) {
		const file = openSync(path.join(out, page), 'r');
		let length = 0;
		try {
			const size = fstatSync(file).size;
			if (size > buffer.length) buffer = Buffer.allocUnsafe(size);
			while (length < size) {
				const read = readSync(file, buffer, length, size - length, length);
				if (read === 0) break;
				length += read;
			}
		} finally {
			closeSync(file);
		}
		const html = buffer.subarray(0, length);
		if (html.includes(PAGEFIND_BODY)) indexed.push({ page, view: pagefindView(html) });
	}
	return indexed.length > 0 ? indexed : undefined;
}

/**
 * Puts each page into `folder` at the same relative path: its view (`pagefindView`) where it has one, otherwise a
 * hard link to the page (a copy where a link is refused).
 */
async function linkPages(out: string, folder: string, pages: readonly IndexedPage[]): Promise<void> {
	const folders = new Set(pages.map(({ page }) => path.dirname(path.join(folder, page))));
	await Promise.all([...folders].map((directory) => mkdir(directory, { recursive: true })));
	await Promise.all(
		pages.map(async ({ page, view }) => {
			const from = path.join(out, page);
			const to = path.join(folder, page);
			if (view) await writeFile(to, view);
			else await link(from, to).catch(() => copyFile(from, to));
		}),
	);
}

/**
 * The pages Pagefind indexes, as `pagesPagefindIndexes` finds them: from the build's page pass, which read each
 * page as Astro rendered it (csp-audit.ts), or read from `out` when no pass ran for it.
 */
async function indexedPages(out: string): Promise<IndexedPage[] | undefined> {
	const passed = passedPagesOf(out);
	if (!passed) return pagesPagefindIndexes(out);
	const indexed = (await passed).flatMap(({ page, pagefind }) =>
		pagefind ? [{ page, view: Buffer.from(pagefind.buffer, pagefind.byteOffset, pagefind.byteLength) }] : [],
	);
	return indexed.length > 0 ? indexed : undefined;
}

type BuildDone = (options: HookParameters<'astro:build:done'>) => void | Promise<void>;

/** Starlight's `astro:build:done` hook, given a folder of the pages Pagefind indexes in place of the output. */
export function withIndexedPagesOnly(hook: BuildDone): BuildDone {
	return async (options) => {
		const out = fileURLToPath(options.dir);
		const pages = await indexedPages(out);
		if (pages === undefined) return hook(options);
		const folder = path.join(path.dirname(out), `.${path.basename(out)}-pagefind`);
		const removeFolder = () => rmSync(folder, { recursive: true, force: true });
		process.once('exit', removeFolder);
		try {
			await rm(folder, { recursive: true, force: true });
			await linkPages(out, folder, pages);
			await hook({ ...options, dir: pathToFileURL(`${folder}${path.sep}`) });
			const index = path.join(folder, 'pagefind');
			if (existsSync(index)) {
				await rm(path.join(out, 'pagefind'), { recursive: true, force: true });
				await rename(index, path.join(out, 'pagefind'));
			}
		} finally {
			await rm(folder, { recursive: true, force: true });
			process.off('exit', removeFolder);
		}
	};
}

/**
 * Starts Pagefind's service (a child process, shared by every caller of the `pagefind` module: Starlight's hook
 * reuses it and closes it when done) while the build is configured. Started by Starlight's first call, it was
 * forked from a build process of about 1.5 GB at the end of a 500-lesson build: 0.3 s of CPU in Astro's thread
 * before Pagefind could read a page; now the fork is of a small process, and the build does not wait for it.
 */
function startPagefindEarly(): void {
	pagefind
		.createIndex()
		.then(({ index }) => index?.deleteIndex())
		.catch(() => undefined);
}

/**
 * Put last in the integrations. Starlight's hook only starts the index (in its place among the `astro:build:done`
 * hooks), and this integration's own, the last, waits for it: the hooks in between (the links validators, the
 * sitemap, the policy's `_headers`) run on Astro's thread while Pagefind's process indexes, where Astro's thread
 * waited for Pagefind before. A failure of the index still fails the build, from this hook.
 */
export default function pagefindPages(): AstroIntegration {
	let indexing: Promise<void> | undefined;
	return {
		name: 'awaitable:pagefind-pages',
		hooks: {
			'astro:config:setup': ({ config, command }) => {
				const starlight = config.integrations.find((integration) => integration.name === '@astrojs/starlight');
				const hook = starlight?.hooks['astro:build:done'];
				if (!starlight || !hook) {
					throw new AstroError(
						"awaitable:pagefind-pages found no Starlight integration with an 'astro:build:done' hook.",
						'Fix: list starlight() before pagefindPages() in astro.config.mjs, or remove pagefindPages() if Starlight no longer builds the search index in that hook.',
					);
				}
				const indexOnly = withIndexedPagesOnly(hook);
				starlight.hooks['astro:build:done'] = (options) => {
					indexing = Promise.resolve(indexOnly(options));
					// Awaited in this integration's `astro:build:done`; until then a failure must not count as unhandled.
					indexing.catch(() => undefined);
				};
				if (command === 'build') startPagefindEarly();
			},
			'astro:build:done': async () => {
				const started = indexing;
				indexing = undefined;
				await started;
			},
		},
	};
}
