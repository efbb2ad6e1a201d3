/**
 * The practice files read, parsed, validated and quality-checked in a worker thread (`parse-ahead-worker.ts`)
 * while Astro starts up, so that the loader finds them done when content syncs instead of doing that work on
 * Astro's one thread (2,032 files at 500 lessons). Started by `src/integrations/practice-parse-ahead.ts` in
 * `astro build` and `astro dev`; taken, once, by the loader's first load (loader.ts). Each file's result is what
 * the loader would compute itself (the same functions on the same text), so problems, messages and order stay
 * the same; a file the worker did not list or could not read is read and parsed by the loader as before.
 */
import path from 'node:path';
import type { AuthorProblem } from './author-errors.ts';
import type { ParseResult } from './parse-file.ts';
import type { ChoiceItem } from './quality.ts';

/** A file as the worker read it: its text, its parse and, once its set parsed, its quality items and problems. */
export interface FileAhead {
	source: string;
	result: ParseResult;
	quality?: { items: ChoiceItem[]; problems: AuthorProblem[] };
}

/**
 * The worker's messages: first the files it found, in the loader's order; then, for each run of BATCH files in
 * that order, their results (`FileAhead`, or `undefined` where it could not read or parse a file: the loader
 * does it then) serialized with `v8.serialize` into one buffer, moved to the main thread rather than copied.
 * The main thread deserializes a batch only when the loader asks for one of its files, so receiving them while
 * Astro starts up costs it next to nothing.
 */
export type AheadMessage = { files: string[] } | { batch: number; bytes: ArrayBuffer };

/** Files per batch: the loader can start on the first ones while the worker parses the rest. */
export const BATCH = 32;

/** What the worker is given. */
export interface AheadJob {
	root: string;
	directory: string;
}

/** A parse started for one project and practice folder. */
export interface Ahead {
	root: string;
	directory: string;
	/** The files the worker found (none when it failed before listing them). */
	files: Promise<readonly string[]>;
	/** A file's result; `undefined` for a file the worker did not list, could not read or parse, or when it failed. */
	get: (absolute: string) => Promise<FileAhead | undefined>;
	stop: () => void;
}

const AHEAD = Symbol.for('awaitable.practice-parse-ahead');
const holder = globalThis as { [AHEAD]?: Ahead | undefined };

/**
 * Keeps a started parse until the loader takes it. On `globalThis`: Astro loads the content configuration, and
 * with it the loader, in its own module graph. A parse kept earlier and not taken (a dev server restarted before
 * its first sync) is stopped.
 */
export function keepParseAhead(ahead: Ahead): void {
	stopParseAhead();
	holder[AHEAD] = ahead;
}

/**
 * The worker's parse of the files under `directory` of project `root`, once: the first load of the practice
 * collection takes it, a later load (a save in `astro dev`) reads the files it needs itself. `undefined` when no
 * parse was started for this folder.
 */
export function takeParseAhead(root: string, directory: string): Ahead | undefined {
	const ahead = holder[AHEAD];
	const same = (a: string, b: string) => path.resolve(a) === path.resolve(b);
	if (!ahead || !same(ahead.root, root) || !same(ahead.directory, directory)) return undefined;
	holder[AHEAD] = undefined;
	return ahead;
}

/** Stops a parse not taken yet. */
export function stopParseAhead(): void {
	const ahead = holder[AHEAD];
	if (!ahead) return;
	holder[AHEAD] = undefined;
	ahead.stop();
}
