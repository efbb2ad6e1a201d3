/**
 * Shared vocabulary of the sample checker: what is extracted from the content, what is sent to
 * the Python harness (harness/run_snippets.py), and what comes back.
 */
import type { RunContext } from '../../src/lib/samples/meta.ts';

/** What a snippet must do. Exactly one outcome, as in docs/content-format.md. */
export type Expect = { raises: string; match?: string } | { prints: string } | { returns: string } | { ok: true };

/** "async": inside a running event loop; "sync": no event loop (defined with the fence grammar). */
export type { RunContext } from '../../src/lib/samples/meta.ts';

export interface Location {
	/** Path relative to the repository root, with forward slashes. */
	file: string;
	/** 1-based line of the code fence or YAML choice; null when unknown. */
	line: number | null;
}

/** A piece of code to execute; the JSON shape harness/run_snippets.py reads. */
export interface Snippet extends Location {
	id: string;
	code: string;
	expect: Expect;
	context: RunContext;
}

/** Code deliberately not executed (`norun`), with the author's reason. */
export interface NotRun extends Location {
	id: string;
	reason: string;
}

/** A missing or malformed annotation: always a failure. */
export interface Problem extends Location {
	id: string;
	message: string;
}

export interface Extraction {
	snippets: Snippet[];
	notRun: NotRun[];
	problems: Problem[];
	/** Worth a look but not failures (e.g. a choice that seems to show code but is not annotated). */
	warnings: Problem[];
}

/** One entry of the harness's output. */
export interface RunResult extends Location {
	id: string;
	expected: string;
	got: string;
	ok: boolean;
	ms?: number;
}

export function emptyExtraction(): Extraction {
	return { snippets: [], notRun: [], problems: [], warnings: [] };
}

export function mergeExtractions(parts: readonly Extraction[]): Extraction {
	const all = emptyExtraction();
	for (const part of parts) {
		all.snippets.push(...part.snippets);
		all.notRun.push(...part.notRun);
		all.problems.push(...part.problems);
		all.warnings.push(...part.warnings);
	}
	return all;
}
