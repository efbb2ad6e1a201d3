/**
 * Starlight's search index, built from the pages Pagefind indexes only.
 *
 * Starlight runs Pagefind over every HTML file of the build (its `astro:build:done` hook,
 * `@astrojs/starlight/dist/integrations/pagefind.js`). Pagefind reads and parses each of them, then drops every
 * page without a `data-pagefind-body` element as soon as one page has it (Starlight marks the main pane of each
 * page whose frontmatter does not say `pagefind: false`): the practice pages, the 404 page. With 500 lessons that
 * was 500 practice pages of about 110 KB each, half of Pagefind's files and about 1.2 s of its CPU time.
 *
 * This integration wraps Starlight's hook: it gives it a folder beside the output that holds hard links to the
 * pages that have the marker (the same files, as Astro wrote them, at the same paths), then moves the index
 * Pagefind wrote there into the output. Pagefind's index is the same byte for byte (pagefind-pages.test.ts builds
 * both). When no page has the marker Pagefind indexes every page, and Starlight's hook gets the output itself.
 * Starlight still decides whether Pagefind runs at all (its `pagefind` option).
 */
import { copyFile, link, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { closeSync, existsSync, fstatSync, openSync, readSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, HookParameters } from 'astro';
import { AstroError } from 'astro/errors';

/** The attribute with which Pagefind keeps a page in its index (and drops the pages without it). */
export const PAGEFIND_BODY = 'data-pagefind-body';

/**
 * The HTML pages under `out` (relative, `/` separators) Pagefind would index: those that contain
 * `data-pagefind-body`, or undefined when none does (Pagefind then indexes every page). A page that only names the
 * attribute in its text is kept too: Pagefind drops it itself.
 */
export async function pagesPagefindIndexes(out: string): Promise<string[] | undefined> {
	const entries = await readdir(out, { recursive: true, withFileTypes: true });
	const pages = entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
		.sort();
	// Each page is read into one reused buffer, synchronously: a buffer per page (180 KB for a lesson of the
	// 500-lesson build) cost more than reading it, and nothing else runs in this thread until Pagefind has its pages.
	let buffer = Buffer.allocUnsafe(1 << 20);
	const indexed = pages.filter((page) => {
		const file = openSync(path.join(out, page), 'r');
		try {
			const size = fstatSync(file).size;
			if (size > buffer.length) buffer = Buffer.allocUnsafe(size);
			let length = 0;
			while (length < size) {
				const read = readSync(file, buffer, length, size - length, length);
				if (read === 0) break;
				length += read;
			}
			return buffer.subarray(0, length).includes(PAGEFIND_BODY);
		} finally {
			closeSync(file);
		}
	});
	return indexed.length > 0 ? indexed : undefined;
}

/** Hard-links each page into `folder` at the same relative path (copies it where a link is refused). */
async function linkPages(out: string, folder: string, pages: readonly string[]): Promise<void> {
	const folders = new Set(pages.map((page) => path.dirname(path.join(folder, page))));
	await Promise.all([...folders].map((directory) => mkdir(directory, { recursive: true })));
	await Promise.all(
		pages.map(async (page) => {
			const from = path.join(out, page);
			const to = path.join(folder, page);
			await link(from, to).catch(() => copyFile(from, to));
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

/** Put after `starlight()` in the integrations. */
export default function pagefindPages(): AstroIntegration {
	return {
		name: 'awaitable:pagefind-pages',
		hooks: {
			'astro:config:setup': ({ config }) => {
				const starlight = config.integrations.find((integration) => integration.name === '@astrojs/starlight');
				const hook = starlight?.hooks['astro:build:done'];
				if (!starlight || !hook) {
					throw new AstroError(
						"awaitable:pagefind-pages found no Starlight integration with an 'astro:build:done' hook.",
						'Fix: list starlight() before pagefindPages() in astro.config.mjs, or remove pagefindPages() if Starlight no longer builds the search index in that hook.',
					);
				}
				starlight.hooks['astro:build:done'] = withIndexedPagesOnly(hook);
			},
		},
	};
}
