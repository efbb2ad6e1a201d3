import { describe, expect, it } from 'vitest';
import type { TestEntry } from './draw.ts';
import { decodeTestIndex, encodeTestIndex } from './test-index.ts';

const entries: TestEntry[] = [
	{ id: 'aget-quiz-returns', difficulty: 'easy', lesson: 'aget' },
	{ id: 'aget-problem-404-view', difficulty: 'hard', lesson: 'aget' },
	{ id: 'shared-question', difficulty: 'medium', lesson: 'aget' },
	{ id: 'no-afilter-quiz-lazy', difficulty: 'medium', lesson: 'no-afilter' },
];

describe("the test page's compact index", () => {
	it('gives back every entry it was given', () => {
		const sortById = (list: TestEntry[]) => list.toSorted((a, b) => a.id.localeCompare(b.id));
		expect(sortById(decodeTestIndex(encodeTestIndex(entries)))).toEqual(sortById(entries));
	});

	it('writes ids without their lesson prefix, one line per lesson', () => {
		expect(encodeTestIndex(entries)).toBe(
			'aget\te:quiz-returns\tm:~shared-question\th:problem-404-view\nno-afilter\tm:quiz-lazy',
		);
	});

	it('stays small for a course of 500 lessons', () => {
		const big = Array.from({ length: 500 }, (_, lesson) =>
			Array.from({ length: 5 }, (__, index) => ({
				id: `generated-lesson-${lesson}-quiz-${index}`,
				difficulty: (['easy', 'medium', 'hard'] as const)[index % 3] ?? 'easy',
				lesson: `generated-lesson-${lesson}`,
			})),
		).flat();
		expect(encodeTestIndex(big).length).toBeLessThan(60_000);
	});
});
