/** Pairing the harness's results with the snippets sent, and writing the report lines. */

import type { Expect, Location, NotRun, Problem, RunResult, Snippet } from './types.ts';

export interface Failure extends Location {
	id: string;
	expected: string;
	got: string;
}

export interface Comparison {
	passed: RunResult[];
	failed: Failure[];
}

/** Same wording as harness/awaitable/snippets.py, for when there is no result to quote. */
export function describeExpect(expect: Expect): string {
	if ('raises' in expect) {
		return expect.match === undefined
			? `raises ${expect.raises}`
			: `raises ${expect.raises} with message containing ${JSON.stringify(expect.match)}`;
	}
	if ('prints' in expect) return `prints ${expect.prints}`;
	if ('returns' in expect) return `returns ${expect.returns}`;
	return 'runs without an exception';
}

/**
 * The harness answers in input order; pair by position and check the ids agree, so a missing,
 * extra or shuffled result is a failure rather than a silent pass.
 */
export function compareResults(snippets: readonly Snippet[], results: readonly RunResult[]): Comparison {
	const passed: RunResult[] = [];
	const failed: Failure[] = [];
	snippets.forEach((snippet, index) => {
		const result = results[index];
		const where = { id: snippet.id, file: snippet.file, line: snippet.line };
		if (result === undefined || result.id !== snippet.id) {
			failed.push({ ...where, expected: describeExpect(snippet.expect), got: 'no result from the harness' });
		} else if (result.ok) {
			passed.push(result);
		} else {
			failed.push({ ...where, expected: result.expected, got: result.got });
		}
	});
	return { passed, failed };
}

/** "file:line" for lesson blocks (whose id is exactly that), "id (file:line)" otherwise. */
export function locationLabel(entry: Location & { id: string }): string {
	const place = entry.line === null ? entry.file : `${entry.file}:${entry.line}`;
	return entry.id === place ? place : `${entry.id} (${place})`;
}

function indentContinuation(text: string, indent: string): string {
	return text.split('\n').join(`\n${indent}`);
}

export function formatFailure(failure: Failure): string {
	const pad = '              ';
	return [
		`✗ ${locationLabel(failure)}`,
		`    expected: ${indentContinuation(failure.expected, pad)}`,
		`    got:      ${indentContinuation(failure.got, pad)}`,
	].join('\n');
}

export function formatProblem(problem: Problem, mark = '✗'): string {
	return `${mark} ${locationLabel(problem)}\n    ${indentContinuation(problem.message, '    ')}`;
}

/** "not run 3 (a settings fragment: 2; shell command: 1)" */
export function describeNotRun(notRun: readonly NotRun[]): string {
	if (notRun.length === 0) return 'not run 0';
	const byReason = new Map<string, number>();
	for (const entry of notRun) byReason.set(entry.reason, (byReason.get(entry.reason) ?? 0) + 1);
	const groups = [...byReason].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	return `not run ${notRun.length} (${groups.map(([reason, count]) => `${reason}: ${count}`).join('; ')})`;
}

export function countsLine(counts: {
	run: number;
	notRun: readonly NotRun[];
	problems: number;
	warnings: number;
	seconds: number;
}): string {
	const parts = [`run ${counts.run}`, describeNotRun(counts.notRun)];
	if (counts.problems > 0) parts.push(`annotation problems ${counts.problems}`);
	if (counts.warnings > 0) parts.push(`warnings ${counts.warnings}`);
	parts.push(`time ${counts.seconds.toFixed(1)} s`);
	return parts.join(' · ');
}

export function finalLine(passed: number, failed: number): string {
	return `samples: ${passed} passed, ${failed} failed`;
}

/** Type guard for the harness's JSON output. */
export function isRunResult(value: unknown): value is RunResult {
	if (value === null || typeof value !== 'object') return false;
	const record = value as Record<string, unknown>;
	return (
		typeof record['id'] === 'string' &&
		typeof record['file'] === 'string' &&
		(record['line'] === null || typeof record['line'] === 'number') &&
		typeof record['expected'] === 'string' &&
		typeof record['got'] === 'string' &&
		typeof record['ok'] === 'boolean'
	);
}
