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
 * sidebar, header and footer around the marked element) or, where that cannot be shown, a hard link to the page as
 * Astro wrote it; then it moves the index Pagefind wrote there into the output. Pagefind's index is the same byte
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

/** The attribute with which Pagefind keeps a page in its index (and drops the pages without it). */
export const PAGEFIND_BODY = 'data-pagefind-body';

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

/** Whether a byte ends a tag name (whitespace, `/` or `>`). */
function endsTagName(byte: number | undefined): boolean {
	return byte === 32 || byte === 9 || byte === 10 || byte === 12 || byte === 13 || byte === 47 || byte === 62;
}

/** Whether `page` has `text` between `from` and `to`. */
function hasBetween(page: Buffer, text: string, from: number, to: number): boolean {
	return to > from && page.subarray(from, to).includes(text);
}

/**
 * The page without the parts of its `<body>` outside the element marked `data-pagefind-body` (a copy of its
 * bytes), or undefined to give Pagefind the page itself. Pagefind reads nothing of those parts but `data-pagefind-*`
 * attributes, the first `<h1>` and the first `<img>` after it (its `title` and `image`): so a part goes only
 * without them. Starlight's sidebar, about 160 B per lesson in every page (80 KB per page at 500 lessons), was half
 * of Pagefind's time. The head, `<html>`'s attributes and the marked element are the page's bytes unchanged.
 *
 * Undefined (the whole page) unless: one element is marked, inside `<body>`; its end is the last closing tag of
 * its name in the body (counting the ones nested in it); the first `<h1>` of the page is in it; and the parts that
 * go have no `data-pagefind` text, no `<h1>`, and after the element no `<img>`.
 */
export function pagefindView(page: Buffer): Buffer | undefined {
	const marker = page.indexOf(PAGEFIND_BODY);
	if (marker === -1 || page.indexOf(PAGEFIND_BODY, marker + 1) !== -1) return undefined;
	const open = page.lastIndexOf('<', marker);
	const tagEnd = page.indexOf('>', marker);
	if (open === -1 || tagEnd === -1 || page.indexOf('<', open + 1) < tagEnd) return undefined;
	const name = /^<([a-z][a-z0-9-]*)[\s>/]/.exec(page.toString('latin1', open, Math.min(tagEnd + 1, open + 64)))?.[1];
	const bodyOpen = page.indexOf('<body');
	const bodyStart = bodyOpen === -1 ? -1 : page.indexOf('>', bodyOpen) + 1;
	const bodyEnd = page.lastIndexOf('</body>');
	if (!name || bodyStart <= 0 || bodyStart > open || bodyEnd === -1) return undefined;
	const opening = `<${name}`;
	const closing = `</${name}>`;
	let depth = 1;
	let at = tagEnd + 1;
	while (depth > 0) {
		const close = page.indexOf(closing, at);
		if (close === -1 || close > bodyEnd) return undefined;
		let nested = page.indexOf(opening, at);
		while (nested !== -1 && nested < close && !endsTagName(page[nested + opening.length]))
			nested = page.indexOf(opening, nested + 1);
		if (nested !== -1 && nested < close) {
			depth++;
			at = nested + opening.length;
		} else {
			depth--;
			at = close + closing.length;
		}
	}
	const end = at;
	if (hasBetween(page, closing, end, bodyEnd)) return undefined;
	// The page's first h1 is in the element.
	if (hasBetween(page, '<h1', 0, open) || hasBetween(page, '<H1', 0, open)) return undefined;
	if (!hasBetween(page, '<h1', open, end) && !hasBetween(page, '<H1', open, end)) return undefined;
	for (const text of ['data-pagefind', 'DATA-PAGEFIND', '<h1', '<H1']) {
		if (hasBetween(page, text, end, bodyEnd)) return undefined;
	}
	if (hasBetween(page, 'data-pagefind', bodyStart, open) || hasBetween(page, 'DATA-PAGEFIND', bodyStart, open))
		return undefined;
	if (hasBetween(page, '<img', end, bodyEnd) || hasBetween(page, '<IMG', end, bodyEnd)) return undefined;
	return Buffer.concat([page.subarray(0, bodyStart), page.subarray(open, end), page.subarray(bodyEnd)]);
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

type BuildDone = (options: HookParameters<'astro:build:done'>) => void | Promise<void>;

/** Starlight's `astro:build:done` hook, given a folder of the pages Pagefind indexes in place of the output. */
export function withIndexedPagesOnly(hook: BuildDone): BuildDone {
	return async (options) => {
		const out = fileURLToPath(options.dir);
		const pages = await pagesPagefindIndexes(out);
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

/** Put after `starlight()` in the integrations. */
export default function pagefindPages(): AstroIntegration {
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
				starlight.hooks['astro:build:done'] = withIndexedPagesOnly(hook);
				if (command === 'build') startPagefindEarly();
			},
		},
	};
}
