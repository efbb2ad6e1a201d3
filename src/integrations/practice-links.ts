/**
 * Checks the links written in practice data (AW208) once a build has written its pages: starlight-links-validator
 * sees only the lessons' Markdown, not the HTML the practice loader renders from YAML. The loader records every
 * set's links (src/lib/practice/links.ts); here each internal one must lead to a page the build wrote and, with an
 * anchor, to an id that page has (read from the built page, once per page an anchor points into). A broken link
 * stops the build with one author message per link: file:line, item, field, what is wrong and the fix.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
	checkLinks,
	fieldPath,
	idAttribute,
	idsOf,
	recordedPracticeLinks,
	type PracticeLink,
} from '../lib/practice/links.ts';
import { lineOfPath, parseWithLines } from '../lib/practice/parse-file.ts';
import { normalizeBase } from '../lib/site/base-path.ts';

/** A link's line: the line of its field in its YAML file (each file read and parsed once, only for broken links). */
export function lineFinder(root: string): (link: PracticeLink) => number | undefined {
	const files = new Map<string, ((path: readonly PropertyKey[]) => number | undefined) | null>();
	return (link) => {
		let lineOf = files.get(link.file);
		if (lineOf === undefined) {
			try {
				lineOf = lineOfPath(parseWithLines(readFileSync(path.join(root, link.file), 'utf8')));
			} catch {
				lineOf = null;
			}
			files.set(link.file, lineOf);
		}
		return lineOf?.(fieldPath(link));
	};
}

/** One buffer for every page read: 500 lesson pages are 100 MB, which read whole cost the build's heap a lot. */
const chunk = Buffer.allocUnsafe(256 * 1024);

/**
 * Which of `ids` a built page has, searched as text (`idAttribute`) chunk by chunk through one reused buffer, and
 * only until every one is found (headings come before the page's end).
 */
export function findInFile(file: string, ids: readonly string[]): Set<string> {
	const found = new Set<string>();
	const needles = new Map(ids.map((id) => [id, Buffer.from(idAttribute(id))]));
	const overlap = Math.max(...[...needles.values()].map((needle) => needle.length)) - 1;
	const fd = openSync(file, 'r');
	try {
		let kept = 0;
		for (;;) {
			const read = readSync(fd, chunk, kept, chunk.length - kept, null);
			const filled = kept + read;
			const view = chunk.subarray(0, filled);
			for (const [id, needle] of needles) {
				if (view.includes(needle)) {
					found.add(id);
					needles.delete(id);
				}
			}
			if (read === 0 || needles.size === 0) return found;
			// The last bytes are kept in front of the next chunk, so an attribute cut in two is still found.
			kept = Math.min(overlap, filled);
			chunk.copy(chunk, 0, filled - kept, filled);
		}
	} finally {
		closeSync(fd);
	}
}

export default function practiceLinks(): AstroIntegration {
	let root = '';
	let base = '/';
	let site: string | undefined;
	return {
		name: 'awaitable:practice-links',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
				base = normalizeBase(config.base);
				site = config.site;
			},
			'astro:build:done': async ({ dir, pages, logger }) => {
				const links = recordedPracticeLinks() ?? [];
				if (links.length === 0) return;
				const out = fileURLToPath(dir);
				const written = new Set(pages.map(({ pathname }) => `/${pathname}`));
				const fileAt = (sitePath: string) => path.join(out, ...sitePath.split('/'));
				const problems = checkLinks(
					links,
					{
						base,
						site,
						exists: (sitePath) =>
							written.has(sitePath) ||
							(!sitePath.endsWith('/') && (statSync(fileAt(sitePath), { throwIfNoEntry: false })?.isFile() ?? false)),
						findIds: (sitePath, ids) => findInFile(path.join(fileAt(sitePath), 'index.html'), ids),
						allIds: (sitePath) => idsOf(readFileSync(path.join(fileAt(sitePath), 'index.html'), 'utf8')),
						pages: () => [...written].filter((page) => page.endsWith('/')),
					},
					lineFinder(root),
				);
				if (problems.length === 0) {
					logger.info(`Checked the ${links.length} link${links.length === 1 ? '' : 's'} of the practice data.`);
					return;
				}
				// Imported only for a broken link. Node loads this file with the configuration and cannot strip the loader's
				// TypeScript (its error class has a parameter property); imported now, it is compiled by the hook of
				// src/lib/site/config-typescript.ts, and a build without broken links never loads its module graph.
				const { PracticeDataError } = await import('../lib/practice/loader.ts');
				throw new PracticeDataError(problems, 'broken link');
			},
		},
	};
}
