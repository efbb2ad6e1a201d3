/**
 * During `astro dev`, the practice loader's problems travel to the browser: the loader reports them here and
 * the integration `src/integrations/practice-dev-errors.ts` shows them in Astro's error overlay, and reloads
 * the page once they are fixed. The loader runs inside Vite's module graph and the integration outside it, so
 * they are two copies of this module: the channel lives on `globalThis`.
 */
import type { AuthorProblem } from './author-errors.ts';

type Listener = (problems: readonly AuthorProblem[]) => void;

interface Channel {
	problems: readonly AuthorProblem[];
	listeners: Set<Listener>;
}

const KEY = Symbol.for('awaitable.practice-dev-problems');

function channel(): Channel {
	const holder = globalThis as { [KEY]?: Channel };
	holder[KEY] ??= { problems: [], listeners: new Set() };
	return holder[KEY];
}

/** The loader's latest verdict: its problems, or none after a clean load. */
export function reportPracticeProblems(problems: readonly AuthorProblem[]): void {
	const current = channel();
	current.problems = problems;
	for (const listener of current.listeners) listener(problems);
}

export function currentPracticeProblems(): readonly AuthorProblem[] {
	return channel().problems;
}

/** Calls `listener` with every verdict from now on; returns the unsubscribe function. */
export function onPracticeProblems(listener: Listener): () => void {
	channel().listeners.add(listener);
	return () => channel().listeners.delete(listener);
}
