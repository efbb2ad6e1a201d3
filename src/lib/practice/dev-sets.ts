/**
 * How `astro dev` keeps a save to the page fast. Astro writes its whole data store to `.astro/data-store.json` on
 * every change and the reloaded page evaluates it again as one JavaScript module: the cost grows with the store
 * (at 500 lessons the compiled practice sets were 6.6 of its 10.7 MB, and parsing that module took most of a
 * second). So in `astro dev` only, the store holds a small reference per set (`DevSetRef`: its id, type and
 * digest) and the compiled set itself stays in this process's memory, where the loader put it; `compiledSet`
 * turns what the collection holds into the compiled set, in dev and build alike. A build's store (its own file,
 * in `node_modules/.astro/`) holds the compiled sets themselves, as before.
 *
 * The loader runs inside Vite's module graph and the integration (`src/integrations/practice-dev-errors.ts`)
 * outside it, so they are two copies of this module: the state lives on `globalThis`, like `dev-problems.ts`.
 */
import type { CompiledSet } from './compiled.ts';

/** What the practice collection holds for a set in `astro dev`: the compiled set is in `devSets()`. */
export interface DevSetRef {
	id: string;
	type: CompiledSet['type'];
	/** The entry's digest (its YAML and the compiled format): the store entry changes whenever the set does. */
	devDigest: string;
}

/** What an entry of the practice collection holds: the compiled set (builds), or a reference to it (dev). */
export type StoredSet = CompiledSet | DevSetRef;

interface DevState {
	/** Compiled sets by id, as the loader last compiled them in this process. */
	sets: Map<string, CompiledSet>;
	/**
	 * Set by the integration: asks Astro to run the practice loader again now (`refreshContent`), which writes
	 * the store as soon as the loader is done instead of after the store's 500 ms debounce.
	 */
	refresh?: (() => void) | undefined;
}

const KEY = Symbol.for('awaitable.practice-dev-sets');

function state(): DevState {
	const holder = globalThis as { [KEY]?: DevState };
	holder[KEY] ??= { sets: new Map() };
	return holder[KEY];
}

/** The compiled sets of this `astro dev` process, by id (the loader writes, pages read through `compiledSet`). */
export function devSets(): Map<string, CompiledSet> {
	return state().sets;
}

export function isDevSetRef(stored: StoredSet): stored is DevSetRef {
	return 'devDigest' in stored;
}

/** The reference the loader stores for a set in `astro dev`. */
export function devSetRef(set: CompiledSet, digest: string): DevSetRef {
	return { id: set.id, type: set.type, devDigest: digest };
}

/** The compiled set an entry of the practice collection stands for, in dev and build alike. */
export function compiledSet(stored: StoredSet): CompiledSet {
	if (!isDevSetRef(stored)) return stored;
	const set = devSets().get(stored.id);
	if (!set) {
		throw new Error(
			`The practice set "${stored.id}" has not been compiled by this dev server yet: its data has problems (see the terminal or the error overlay). Fix them and save; the page reloads.`,
		);
	}
	return set;
}

/** The loader's name: `refreshContent` is given it to run this loader alone. */
export const PRACTICE_LOADER = 'awaitable-practice';

/** `refreshContent`'s context for a run the loader's own watcher asked for (its watcher is set already). */
export const PRACTICE_REFRESH = { awaitablePracticeRefresh: true } as const;

export function isPracticeRefresh(context: Record<string, unknown> | undefined): boolean {
	return context?.['awaitablePracticeRefresh'] === true;
}

/** Registers (or, with `undefined`, removes) the function that makes Astro run the practice loader now. */
export function setDevRefresh(refresh: (() => void) | undefined): void {
	state().refresh = refresh;
}

export function devRefresh(): (() => void) | undefined {
	return state().refresh;
}
