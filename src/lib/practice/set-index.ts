/**
 * The practice sets that exist, read from the file names and each file's `type:` line, without parsing or
 * validating the data (the loader does that). Two things need this list before any content is loaded:
 *
 * - the editor: a generated declaration (`setIdsDeclaration`) types `<Quiz id="…">` as the union of the quiz
 *   set ids, so an id is completed and a wrong one underlined while the author types;
 * - the MDX check (`src/lib/site/practice-ids-plugin.ts`), which stops the build on an unknown id with the MDX
 *   file's line, where a check at render time knows only the page.
 *
 * Reading only the `type:` line keeps this fast on a course of hundreds of lessons.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { SET_TYPES } from './practice-set.ts';

export type SetType = (typeof SET_TYPES)[number];

/** The folder of the practice data, relative to the project root. */
export const PRACTICE_DIRECTORY = 'src/content/practice';

/** The component that embeds each type of set in MDX, from the kind registry. */
export { COMPONENT_FOR } from './kinds.ts';

export interface IndexedSet {
	/** The set id authors embed: the file's path under the practice folder, without `.yaml`. */
	id: string;
	/** Project-relative path of the YAML file. */
	file: string;
	/** The `type:` the file declares; `undefined` when it declares none the site knows (the loader reports it). */
	type: SetType | undefined;
}

/** `src/content/practice/aget/quiz.yaml` → `aget/quiz`. */
export function setIdOf(practiceDirectory: string, file: string): string {
	return path
		.relative(practiceDirectory, file)
		.replace(/\.ya?ml$/, '')
		.split(path.sep)
		.join('/');
}

const TYPE_LINE = /^type:\s*["']?([a-z]+)["']?\s*(?:#.*)?$/m;

/** The type a YAML source declares at its top level, if it is one the site knows. */
export function declaredType(source: string): SetType | undefined {
	const type = TYPE_LINE.exec(source)?.[1];
	return SET_TYPES.find((known) => known === type);
}

/** How much of a file `typeOfFile` reads first: the `type:` line opens a set file, before its items. */
const HEAD_BYTES = 1024;

/**
 * The type a YAML file declares: found in its complete lines within the first HEAD_BYTES (the first match there
 * is the first in the file), or else in the whole file. 2,000 files read whole were 13 MB at 500 lessons.
 */
export function typeOfFile(file: string): SetType | undefined {
	const head = Buffer.alloc(HEAD_BYTES);
	const descriptor = openSync(file, 'r');
	let read: number;
	try {
		read = readSync(descriptor, head, 0, HEAD_BYTES, 0);
	} finally {
		closeSync(descriptor);
	}
	const text = head.subarray(0, read).toString('utf8');
	// A file shorter than the buffer is whole; otherwise only its complete lines count (a cut line could match).
	const lines = read < HEAD_BYTES ? text : text.slice(0, text.lastIndexOf('\n') + 1);
	if (read < HEAD_BYTES || TYPE_LINE.test(lines)) return declaredType(lines);
	return declaredType(readFileSync(file, 'utf8'));
}

/** `.yaml` and `.yml` files under `directory`, sorted: the loader's list, read synchronously. */
export function yamlFilesSync(directory: string): string[] {
	try {
		return yamlPaths(readdirSync(directory, { recursive: true, withFileTypes: true }));
	} catch {
		return [];
	}
}

/** The `.yaml` and `.yml` files among a folder's entries (read with `recursive` and `withFileTypes`), sorted. */
export function yamlPaths(entries: readonly Dirent[]): string[] {
	return entries
		.filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
		.map((entry) => path.join(entry.parentPath, entry.name))
		.sort();
}

/** A project-relative path with forward slashes, as problems name their file. */
export const projectFile = (root: string, absolute: string): string =>
	path.relative(root, absolute).split(path.sep).join('/');

/** Every practice set under the project's practice folder, sorted by id. */
export function indexPracticeSets(root: string): IndexedSet[] {
	const directory = path.join(root, PRACTICE_DIRECTORY);
	return yamlFilesSync(directory)
		.map((absolute) => ({
			id: setIdOf(directory, absolute),
			file: projectFile(root, absolute),
			type: typeOfFile(absolute),
		}))
		.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The declaration injected into the project's types (see `src/integrations/practice-types.ts`): one union of
 * set ids per type, merged into the global `AwaitablePracticeSetIds` that `SetId` reads.
 */
export function setIdsDeclaration(sets: readonly IndexedSet[]): string {
	const unions = SET_TYPES.map((type) => {
		const ids = sets.filter((set) => set.type === type).map((set) => JSON.stringify(set.id));
		return `\t${type}: ${ids.length > 0 ? ids.join(' | ') : 'never'};`;
	});
	return [
		'// Generated from the files in src/content/practice by src/integrations/practice-types.ts; do not edit.',
		'interface AwaitablePracticeSetIds {',
		...unions,
		'}',
		'',
	].join('\n');
}

declare global {
	/**
	 * The set ids of each type, filled in by the generated declaration (`astro sync`, `astro dev`, `astro check`
	 * and `astro build` write it). Empty before the first of those, when every id is typed as `string`.
	 */
	// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged with the generated declaration
	interface AwaitablePracticeSetIds {}
}

/** The ids of the practice sets of one type: `SetId<'quiz'>` is `"aget/quiz" | "asave/quiz" | …`. */
export type SetId<T extends SetType> = AwaitablePracticeSetIds extends Record<T, infer Id> ? Id : string;

const cache = new Map<string, IndexedSet[]>();

/** The index, read once per process; `forgetPracticeSets` drops it when a practice file is added or removed. */
export function practiceSets(root: string): IndexedSet[] {
	let sets = cache.get(root);
	if (!sets) {
		sets = indexPracticeSets(root);
		cache.set(root, sets);
	}
	return sets;
}

export function forgetPracticeSets(): void {
	cache.clear();
}
