import { describe, expect, it } from 'vitest';
import { setStub } from '../practice/fixtures/set-stub.ts';
import { reviewItems } from './catalog.ts';
import { decodeCourseIndex, encodeCourseIndex, lessonsOf } from './course-index.ts';

const set = setStub;

// Given out of id order, as a collection may list them.
const sets = [
	set('aget/quiz', 'quiz', ['aget-q1', 'shared-q2']),
	set('aget/cards', 'cards', ['aget-c1']),
	set('aget-or-create/explain', 'explain', ['aget-or-create-x1']),
	set('aget/problems', 'problems', ['aget-p1']),
	set('guide/cards', 'cards', ['guide-c1']),
];

describe("the review and progress pages' compact index", () => {
	it('gives back every item with its type and lesson, in the order of the build catalog', () => {
		const decoded = decodeCourseIndex(encodeCourseIndex(sets));
		const reviewable = decoded.filter((entry) => entry.type !== 'explain');
		const sorted = sets.toSorted((a, b) => (a.id < b.id ? -1 : 1));
		expect(reviewable).toEqual(reviewItems(sorted).map(({ id, type, lesson }) => ({ id, type, lesson })));
		expect(decoded.find((entry) => entry.type === 'explain')).toEqual({
			id: 'aget-or-create-x1',
			type: 'explain',
			lesson: 'aget-or-create',
		});
	});

	it('writes one line per lesson and ids without their lesson prefix', () => {
		expect(encodeCourseIndex(sets)).toBe('aget-or-create\tx:x1\naget\tc:c1\tp:p1\tq:q1,~shared-q2\nguide\tc:c1');
	});

	it("names the lessons of the reader's stored ids once each, leaving out ids the course lost", () => {
		const entries = decodeCourseIndex(encodeCourseIndex(sets));
		expect(lessonsOf(entries, ['guide-c1', 'shared-q2', 'aget-c1', 'removed-item'])).toEqual(['aget', 'guide']);
		expect(lessonsOf(entries, [])).toEqual([]);
	});

	it('stays small for a course of 500 lessons', () => {
		const big = Array.from({ length: 500 }, (_, lesson) =>
			(['cards', 'quiz', 'explain', 'problems'] as const).map((type) =>
				set(
					`generated-lesson-${lesson}/${type}`,
					type,
					Array.from({ length: 4 }, (__, index) => `generated-lesson-${lesson}-${type}-${index}`),
				),
			),
		).flat();
		expect(encodeCourseIndex(big).length).toBeLessThan(100_000);
	});
});
