import { describe, expect, it } from 'vitest';

import { checkVerdicts, lessonVerdicts, questionVerdicts, verdictLabel, type Verdict } from './selftest.ts';

describe('self-test labels', () => {
	it('reads verdict labels', () => {
		expect(verdictLabel('selftest: fail (wrong on purpose)')).toBe('fail');
		expect(verdictLabel('selftest:pass')).toBe('pass');
		expect(verdictLabel('selftest: maybe')).toBeNull();
		expect(verdictLabel('Output')).toBeNull();
		expect(verdictLabel(undefined)).toBeNull();
	});

	it('keys lesson labels by fence and question labels by choice', () => {
		const lesson = '```python title="selftest: pass" runs\nx = 1\n```\n\n```python title="selftest: bad"\ny\n```\n';
		expect([...lessonVerdicts(lesson, 'l.mdx')]).toEqual([
			['l.mdx:1', 'pass'],
			['l.mdx:5', 'bad'],
		]);
		const questions =
			'items:\n  - id: q\n    choices:\n      - text: a\n      - text: "`x`"\n        feedback: "selftest: skip"\n';
		expect([...questionVerdicts(questions, 's/quiz')]).toEqual([['s/quiz#q/choice-2', 'skip']]);
	});
});

describe('checkVerdicts', () => {
	const all = new Map<string, Verdict>([
		['a', 'pass'],
		['b', 'fail'],
		['c', 'bad'],
		['d', 'skip'],
	]);

	it('passes when every label matches', () => {
		expect(checkVerdicts(all, new Map(all))).toEqual({ checked: 4, mismatches: [] });
	});

	it('catches a checker that let a wrong annotation pass', () => {
		const actual = new Map(all);
		actual.set('b', 'pass');
		expect(checkVerdicts(all, actual).mismatches).toEqual(['b: expected the checker to say fail, it said pass']);
	});

	it('catches unlabelled cases and missing kinds', () => {
		const expected = new Map<string, Verdict>([['a', 'pass']]);
		const { mismatches } = checkVerdicts(
			expected,
			new Map<string, Verdict>([
				['a', 'pass'],
				['z', 'bad'],
			]),
		);
		expect(mismatches).toContain('z: not labelled in the self-test data (the checker said bad)');
		expect(mismatches).toContain('the self-test data has no "fail" case');
	});
});
