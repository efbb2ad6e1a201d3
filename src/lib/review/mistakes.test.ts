import { describe, expect, it } from 'vitest';
import type { ItemRecord, ReviewRecord, TestRecord } from '../progress/schema.ts';
import type { Progress } from '../progress/store.ts';
import { mistakes, wrongAnswers } from './mistakes.ts';
import type { ReviewItem } from './queue.ts';

const item = (id: string, misconception?: string): ReviewItem => ({
	id,
	hash: 'h',
	type: 'quiz',
	lesson: 'aget',
	set: 'aget/quiz',
	...(misconception ? { misconception, section: `section-${id}` } : {}),
});
const wrong = (correct = false): ItemRecord => ({ kind: 'choice', hash: 'h', at: 1, attempts: 1, choice: 1, correct });
const review = (correct: boolean): ReviewRecord => ({
	hash: 'h',
	due: 1,
	s: 1,
	d: 5,
	state: 1,
	step: 0,
	last: 1,
	reps: 1,
	lapses: 0,
	conf: 2,
	correct,
	choice: 2,
});
const test: TestRecord = {
	seed: 'abc',
	at: 2,
	score: 0,
	total: 3,
	missed: ['c', 'd'],
	answers: [
		{ id: 'c', choice: 0, correct: false },
		{ id: 'd', choice: null, correct: false },
	],
};

describe('common mistakes', () => {
	it('groups wrong answers from lessons, tests and reviews by misconception, most frequent first', () => {
		const progress: Progress = {
			items: new Map([
				['a', wrong()],
				['b', wrong()],
				['c', wrong(true)],
				['e', wrong()],
			]),
			tests: [test],
			review: { b: review(false) },
		};
		const items = [
			item('a', 'await-queryset'),
			item('b', 'sync-in-async'),
			item('c', 'sync-in-async'),
			item('d', 'x'),
			item('e'),
		];
		expect(
			mistakes(progress, items).map((group) => [group.tag, group.count, group.items.map((entry) => entry.id)]),
		).toEqual([
			['sync-in-async', 3, ['b', 'c']],
			['await-queryset', 1, ['a']],
		]);
	});

	it('names every item answered wrong, tagged or not, so the progress page loads the lessons that teach them', () => {
		const progress: Progress = {
			items: new Map([
				['a', wrong()],
				['c', wrong(true)],
				['f', { kind: 'card', hash: 'h', at: 1, attempts: 1, known: false }],
			]),
			tests: [test],
			review: { a: review(false), b: review(false), g: review(true), h: { broken: true } },
		};
		expect(Object.fromEntries(wrongAnswers(progress))).toEqual({ a: 2, b: 1, c: 1 });
	});
});
