/**
 * The self-test: proof that the checker can fail.
 *
 * harness/selftest/ holds a small lesson and a small question file in which every annotated
 * block or choice is labelled with the verdict the checker must reach:
 *
 *   - lesson blocks:     title="selftest: pass"   (or fail / bad / skip)
 *   - question choices:  feedback: "selftest: fail …"
 *
 * `pass` must run and match, `fail` must run and NOT match (the annotation is wrong on
 * purpose), `bad` must be reported as a malformed annotation, `skip` must be counted as norun.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { listFences, fenceId } from './markdown.ts';
import { setIdOf } from './discover.ts';
import { choiceId, listChoices } from './practice.ts';
import type { Comparison } from './report.ts';
import type { Extraction } from './types.ts';

export const SELFTEST_DOCS = 'harness/selftest';
export const SELFTEST_PRACTICE = 'harness/selftest/practice';
export const SELFTEST_LESSON = 'harness/selftest/lesson.mdx';
export const SELFTEST_QUESTIONS = 'harness/selftest/practice/selftest/quiz.yaml';

export type Verdict = 'pass' | 'fail' | 'bad' | 'skip';
const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'bad', 'skip'];

export function verdictLabel(text: unknown): Verdict | null {
	if (typeof text !== 'string') return null;
	const match = /^selftest:\s*(\w+)/.exec(text.trim());
	const word = match?.[1];
	return VERDICTS.find((verdict) => verdict === word) ?? null;
}

/** Labelled verdicts of a self-test lesson, keyed by snippet id. */
export function lessonVerdicts(source: string, file: string): Map<string, Verdict> {
	const verdicts = new Map<string, Verdict>();
	for (const fence of listFences(source, { mdx: file.endsWith('.mdx') })) {
		const verdict = verdictLabel(fence.info.title);
		if (verdict !== null) verdicts.set(fenceId(file, fence.line), verdict);
	}
	return verdicts;
}

/** Labelled verdicts of a self-test question file, keyed by choice id. */
export function questionVerdicts(source: string, setId: string): Map<string, Verdict> {
	const verdicts = new Map<string, Verdict>();
	for (const entry of listChoices(source).choices) {
		const verdict = verdictLabel(entry.choice['feedback']);
		if (verdict !== null) verdicts.set(choiceId(setId, entry.itemId, entry.index), verdict);
	}
	return verdicts;
}

/** What the checker actually concluded about each id. */
export function actualVerdicts(extraction: Extraction, comparison: Comparison): Map<string, Verdict> {
	const actual = new Map<string, Verdict>();
	for (const result of comparison.passed) actual.set(result.id, 'pass');
	for (const failure of comparison.failed) actual.set(failure.id, 'fail');
	for (const problem of extraction.problems) actual.set(problem.id, 'bad');
	for (const entry of extraction.notRun) actual.set(entry.id, 'skip');
	return actual;
}

export interface SelftestOutcome {
	checked: number;
	mismatches: string[];
}

export function checkVerdicts(
	expected: ReadonlyMap<string, Verdict>,
	actual: ReadonlyMap<string, Verdict>,
): SelftestOutcome {
	const mismatches: string[] = [];
	for (const [id, verdict] of expected) {
		const got = actual.get(id);
		if (got !== verdict) mismatches.push(`${id}: expected the checker to say ${verdict}, it said ${got ?? 'nothing'}`);
	}
	for (const [id, verdict] of actual) {
		if (!expected.has(id)) mismatches.push(`${id}: not labelled in the self-test data (the checker said ${verdict})`);
	}
	// The point is to prove failures are caught, so each kind of verdict must be exercised.
	for (const verdict of VERDICTS) {
		if (![...expected.values()].includes(verdict)) mismatches.push(`the self-test data has no "${verdict}" case`);
	}
	return { checked: expected.size, mismatches };
}

/** Read the labels from the self-test files on disk. */
export function readSelftestVerdicts(root: string): Map<string, Verdict> {
	const lesson = lessonVerdicts(readFileSync(join(root, SELFTEST_LESSON), 'utf8'), SELFTEST_LESSON);
	const questions = questionVerdicts(
		readFileSync(join(root, SELFTEST_QUESTIONS), 'utf8'),
		setIdOf(SELFTEST_QUESTIONS, SELFTEST_PRACTICE),
	);
	return new Map([...lesson, ...questions]);
}
