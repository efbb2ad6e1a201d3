import { describe, expect, it } from 'vitest';

import {
	compareResults,
	countsLine,
	describeNotRun,
	finalLine,
	formatFailure,
	isRunResult,
	locationLabel,
} from './report.ts';
import type { RunResult, Snippet } from './types.ts';

const snippet = (id: string, line: number | null = 3): Snippet => ({
	id,
	file: 'a.mdx',
	line,
	code: 'x',
	expect: { raises: 'TypeError', match: "can't" },
	context: 'async',
});
const result = (id: string, ok: boolean): RunResult => ({
	id,
	file: 'a.mdx',
	line: 3,
	expected: 'raises TypeError',
	got: ok ? 'raised TypeError: x' : 'ran without an exception',
	ok,
});

describe('compareResults', () => {
	it('splits passes and failures', () => {
		const { passed, failed } = compareResults([snippet('a'), snippet('b')], [result('a', true), result('b', false)]);
		expect(passed.map((r) => r.id)).toEqual(['a']);
		expect(failed).toEqual([
			{ id: 'b', file: 'a.mdx', line: 3, expected: 'raises TypeError', got: 'ran without an exception' },
		]);
	});

	it('fails snippets with a missing or mismatched result', () => {
		const { passed, failed } = compareResults([snippet('a'), snippet('b')], [result('b', true)]);
		expect(passed).toEqual([]);
		expect(failed.map((f) => [f.id, f.got, f.expected])).toEqual([
			['a', 'no result from the harness', `raises TypeError with message containing "can't"`],
			['b', 'no result from the harness', `raises TypeError with message containing "can't"`],
		]);
	});
});

describe('report lines', () => {
	it('labels lesson blocks by file:line and choices by id and place', () => {
		expect(locationLabel({ id: 'a.mdx:3', file: 'a.mdx', line: 3 })).toBe('a.mdx:3');
		expect(locationLabel({ id: 'aget/quiz#q/choice-2', file: 'q.yaml', line: 9 })).toBe(
			'aget/quiz#q/choice-2 (q.yaml:9)',
		);
		expect(locationLabel({ id: 'x', file: 'q.yaml', line: null })).toBe('x (q.yaml)');
	});

	it('indents multi-line expectations', () => {
		const text = formatFailure({
			id: 'a.mdx:3',
			file: 'a.mdx',
			line: 3,
			expected: 'prints:\n    1\n    2',
			got: 'printed 1',
		});
		expect(text).toBe(
			[
				'✗ a.mdx:3',
				'    expected: prints:',
				'                  1',
				'                  2',
				'    got:      printed 1',
			].join('\n'),
		);
	});

	it('groups not-run reasons, most frequent first', () => {
		const at = { file: 'f', line: 1 };
		expect(
			describeNotRun([
				{ ...at, id: '1', reason: 'shell' },
				{ ...at, id: '2', reason: 'settings' },
				{ ...at, id: '3', reason: 'settings' },
			]),
		).toBe('not run 3 (settings: 2; shell: 1)');
		expect(countsLine({ run: 5, notRun: [], problems: 0, warnings: 1, seconds: 2.25 })).toBe(
			'run 5 · not run 0 · warnings 1 · time 2.3 s',
		);
	});

	it('ends with the summary line', () => {
		expect(finalLine(10, 2)).toBe('samples: 10 passed, 2 failed');
	});

	it('recognises the harness output shape', () => {
		expect(isRunResult(result('a', true))).toBe(true);
		expect(isRunResult({ id: 'a', ok: true })).toBe(false);
		expect(isRunResult(null)).toBe(false);
	});
});
