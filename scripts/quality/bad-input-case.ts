/**
 * One bad-input case: a broken content fixture under `tests/bad-input/<case>/` and its `expected.json`,
 * which says what the mistake is and which fragments the build's error output must contain (the file, the
 * id, the fix). Pure: the runner (`scripts/bad-input.ts`) builds the project and hands the outcome here.
 */
import { z } from 'astro/zod';

export const EXPECTED_FILE = 'expected.json';

export const expectedSchema = z.strictObject({
	/** The author's mistake, in a few words: printed with the result. */
	mistake: z.string().min(1),
	/** Whether the build must fail (every broken case) or pass (the control case). */
	build: z.enum(['fails', 'passes']).default('fails'),
	/**
	 * Text the build output must contain, each fragment as written (runs of white space match any white
	 * space). Name the file, the id and the fix.
	 */
	fragments: z.array(z.string().min(1)).default([]),
	/** Base files (project-relative) the case deletes, for mistakes that are a missing file. */
	remove: z.array(z.string().min(1)).default([]),
});

export type Expected = z.output<typeof expectedSchema>;

export function parseExpected(caseName: string, json: string): Expected {
	let data: unknown;
	try {
		data = JSON.parse(json);
	} catch (error) {
		throw new Error(`tests/bad-input/${caseName}/${EXPECTED_FILE} is not valid JSON: ${(error as Error).message}`, {
			cause: error,
		});
	}
	const result = expectedSchema.safeParse(data);
	if (!result.success)
		throw new Error(`tests/bad-input/${caseName}/${EXPECTED_FILE}: ${z.prettifyError(result.error)}`);
	if (result.data.build === 'fails' && result.data.fragments.length === 0) {
		throw new Error(
			`tests/bad-input/${caseName}/${EXPECTED_FILE}: a failing case needs fragments the error must contain.`,
		);
	}
	return result.data;
}

// ESC [ … letter: colour and cursor codes.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
	return text.replace(ANSI, '');
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

export interface BuildOutcome {
	exitCode: number | null;
	/** stdout and stderr together. */
	output: string;
	timedOut?: boolean;
}

/**
 * The warnings a build printed (Astro's `[WARN]` lines). A clean build prints none: each warning the site's own
 * code or its dependencies caused was fixed or precisely silenced at its source, so a warning means an author's
 * mistake, and it is not buried among others.
 */
export function warningLines(output: string): string[] {
	return stripAnsi(output)
		.split('\n')
		.filter((line) => /\[WARN\]/.test(line))
		.map((line) => line.trim());
}

/** What is wrong with a case's outcome, one sentence each; empty when the case passes. */
export function checkOutcome(expected: Expected, outcome: BuildOutcome): string[] {
	if (outcome.timedOut) return ['the build timed out.'];
	const problems: string[] = [];
	const failed = outcome.exitCode !== 0;
	if (expected.build === 'fails' && !failed) problems.push('the build succeeded, but this mistake must stop it.');
	if (expected.build === 'passes' && failed)
		problems.push(`the build failed (exit code ${String(outcome.exitCode)}), but it must pass.`);
	const warnings = expected.build === 'passes' ? warningLines(outcome.output) : [];
	if (warnings.length > 0)
		problems.push(`the clean build printed ${warnings.length} warning(s) no author caused: ${warnings.join(' | ')}`);
	const output = squash(stripAnsi(outcome.output));
	const missing = expected.fragments.filter((fragment) => !output.includes(squash(fragment)));
	if (missing.length > 0)
		problems.push(`the output lacks ${missing.map((fragment) => JSON.stringify(fragment)).join(', ')}.`);
	return problems;
}

/** The lines of the output most likely to explain a failure: errors first, then the tail. */
export function outputExcerpt(output: string, lines = 12): string {
	const all = stripAnsi(output)
		.split('\n')
		.filter((line) => line.trim() !== '');
	const errorAt = all.findIndex((line) => /error|\[\w*Error\]|problem/i.test(line));
	const from = errorAt === -1 ? Math.max(0, all.length - lines) : errorAt;
	return all.slice(from, from + lines).join('\n');
}

export interface CaseResult {
	name: string;
	mistake: string;
	problems: string[];
	seconds: number;
}

export function resultLine(result: CaseResult): string {
	const mark = result.problems.length === 0 ? 'pass' : 'FAIL';
	return `${mark}  ${result.name} (${result.seconds.toFixed(1)}s): ${result.mistake}`;
}

export function finalLine(results: readonly CaseResult[]): string {
	const failed = results.filter((result) => result.problems.length > 0).length;
	return `bad-input: ${results.length - failed} passed, ${failed} failed`;
}

/** Runs `task` over `items` with at most `limit` at a time, keeping the results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(items[index] as T);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
	return results;
}
