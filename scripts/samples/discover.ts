/** Finding the content files and extracting their snippets (the part that touches the disk). */

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import { extractMarkdown } from './markdown.ts';
import { extractPractice } from './practice.ts';
import { mergeExtractions, type Extraction } from './types.ts';

export const DOCS_DIR = 'src/content/docs';
export const PRACTICE_DIR = 'src/content/practice';

/** Repo-relative, forward-slash path (ids and messages look the same on every OS). */
export function toPosix(path: string): string {
	return path.split(sep).join('/');
}

function listFiles(root: string, dir: string, extensions: readonly string[]): string[] {
	let entries: string[];
	try {
		entries = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' });
	} catch {
		return []; // the folder doesn't exist yet
	}
	return entries
		.filter((entry) => extensions.some((extension) => entry.endsWith(extension)))
		.map((entry) => toPosix(join(dir, entry)))
		.sort();
}

/** Set id of a question file: its path under the practice folder, without `.yaml`. */
export function setIdOf(file: string, practiceDir: string): string {
	return toPosix(relative(practiceDir, file)).replace(/\.ya?ml$/, '');
}

/** Extract everything under a docs folder (.md/.mdx) and a practice folder (.yaml). */
export function extractTree(
	root: string,
	docsDir: string,
	practiceDir: string,
): { files: string[]; extraction: Extraction } {
	const lessons = listFiles(root, docsDir, ['.mdx', '.md']);
	const questions = listFiles(root, practiceDir, ['.yaml', '.yml']);
	const read = (file: string): string => readFileSync(join(root, file), 'utf8');
	const parts = [
		...lessons.map((file) => extractMarkdown(read(file), file, { mdx: file.endsWith('.mdx') })),
		...questions.map((file) => extractPractice(read(file), file, setIdOf(file, practiceDir))),
	];
	return { files: [...lessons, ...questions], extraction: mergeExtractions(parts) };
}

/** Keep what `--filter` names: a substring of the file path or of the snippet id. */
export function applyFilter(extraction: Extraction, filter: string | null): Extraction {
	if (filter === null || filter === '') return extraction;
	const keep = <T extends { id: string; file: string }>(items: T[]): T[] =>
		items.filter((item) => item.file.includes(filter) || item.id.includes(filter));
	return {
		snippets: keep(extraction.snippets),
		notRun: keep(extraction.notRun),
		problems: keep(extraction.problems),
		warnings: keep(extraction.warnings),
	};
}
