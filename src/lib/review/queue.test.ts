import { describe, expect, it } from 'vitest';
import type { ItemRecord, ReviewRecord, TestRecord } from '../progress/schema.ts';
import type { Progress } from '../progress/store.ts';
import { NEW_MEMORY, review } from './fsrs.ts';
import type { Confidence } from './confidence.ts';
import { dueQueue, firstDue, ratingOf, requeueGap, reviewRecord, schedule, type ReviewItem } from './queue.ts';
import { memoryOf, reviewed } from './step.ts';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const NOW = Date.UTC(2026, 11, 2, 9);

const item = (id: string, type: ReviewItem['type'] = 'quiz'): ReviewItem => ({
	id,
	hash: `h-${id}`,
	type,
	lesson: 'aget',
	set: `aget/${type}`,
});
const choice = (id: string, correct: boolean, at = NOW, conf?: Confidence): ItemRecord => ({
	kind: 'choice',
	hash: `h-${id}`,
	at,
	attempts: 1,
	choice: correct ? 0 : 1,
	correct,
	...(conf === undefined ? {} : { conf }),
});
const progressOf = (
	items: Record<string, ItemRecord> = {},
	review: Record<string, ReviewRecord> = {},
	tests: TestRecord[] = [],
): Progress => ({ items: new Map(Object.entries(items)), review, tests });
const withReview = (progress: Progress, id: string, record: ReviewRecord): Progress => ({
	...progress,
	review: { ...progress.review, [id]: record },
});

describe('the review queue', () => {
	it('puts a first answer where the scheduler puts a first review, for every confidence', () => {
		for (const correct of [true, false]) {
			expect(firstDue(NOW, correct)).toBe(review(NEW_MEMORY, NOW, ratingOf(correct, 1)).due);
			for (const conf of [0, 1, 2] as const) {
				expect(firstDue(NOW, correct, conf)).toBe(review(NEW_MEMORY, NOW, ratingOf(correct, conf)).due);
			}
		}
	});

	it('schedules a lesson answer by the confidence given, and one stored without a confidence as unsure', () => {
		const items = [item('guess'), item('unsure'), item('sure'), item('old')];
		const progress = progressOf({
			guess: choice('guess', true, NOW, 0),
			unsure: choice('unsure', true, NOW, 1),
			sure: choice('sure', true, NOW, 2),
			old: choice('old', true, NOW),
		});
		const due = Object.fromEntries(schedule(progress, items).map((entry) => [entry.item.id, entry.due - NOW]));
		expect(due).toEqual({ guess: 6 * MINUTE, unsure: 10 * MINUTE, sure: 8 * DAY, old: 10 * MINUTE });
		for (const id of ['guess', 'unsure', 'sure', 'old']) expect(memoryOf(progress, id)?.due).toBe(NOW + (due[id] ?? 0));
		// A lesson answer given Sure and right is not due for at least 3 days, and due within 30.
		expect(due['sure']).toBeGreaterThanOrEqual(3 * DAY);
		expect(due['sure']).toBeLessThanOrEqual(30 * DAY);
	});

	it('puts a confident error from a lesson first in the queue, a guessed one last', () => {
		const items = [item('guess'), item('unsure'), item('sure'), item('old')];
		const progress = progressOf({
			guess: choice('guess', false, NOW - 3 * MINUTE, 0),
			old: choice('old', false, NOW - 4 * MINUTE),
			unsure: choice('unsure', false, NOW - 2 * MINUTE, 1),
			sure: choice('sure', false, NOW - MINUTE, 2),
		});
		// Every miss is due a minute later (FSRS rates any wrong answer Again); the confidence orders them.
		for (const entry of schedule(progress, items)) {
			expect(entry.due).toBe((progress.items.get(entry.item.id)?.at ?? 0) + MINUTE);
		}
		expect(dueQueue(progress, items, NOW).map((entry) => entry.item.id)).toEqual(['sure', 'old', 'unsure', 'guess']);
	});

	it('brings an item missed in a lesson back the same day, a minute later', () => {
		const progress = progressOf({ a: choice('a', false) });
		expect(dueQueue(progress, [item('a')], NOW)).toEqual([]);
		expect(dueQueue(progress, [item('a')], NOW + MINUTE).map((entry) => entry.item.id)).toEqual(['a']);
	});

	it('brings an item missed in a review back within the session', () => {
		const progress = progressOf({ a: choice('a', true, NOW - DAY) });
		const record = reviewed(progress, item('a'), { correct: false, confidence: 2, choice: 1 }, NOW);
		expect(record.due - NOW).toBeLessThanOrEqual(10 * MINUTE);
		expect(record.lapses + record.reps).toBeGreaterThan(0);
	});

	it('does not bring back an item answered Sure and right for at least 3 days, and brings it back within 30', () => {
		const record = reviewed(progressOf(), item('a'), { correct: true, confidence: 2, choice: 0 }, NOW);
		expect(record.due - NOW).toBeGreaterThanOrEqual(3 * DAY);
		expect(record.due - NOW).toBeLessThanOrEqual(30 * DAY);
	});

	it('rates answers by outcome and confidence', () => {
		expect([0, 1, 2].map((confidence) => ratingOf(false, confidence as 0 | 1 | 2))).toEqual([1, 1, 1]);
		expect([0, 1, 2].map((confidence) => ratingOf(true, confidence as 0 | 1 | 2))).toEqual([2, 3, 4]);
	});

	it('puts confident errors first, then the rest by how long they have waited', () => {
		let progress = progressOf({ old: choice('old', true, NOW - 2 * DAY), unsure: choice('unsure', false, NOW - DAY) });
		const items = [item('old'), item('unsure'), item('sure')];
		progress = withReview(
			progress,
			'sure',
			reviewed(progress, item('sure'), { correct: false, confidence: 2, choice: 2 }, NOW - 3 * 60 * MINUTE),
		);
		expect(dueQueue(progress, items, NOW).map((entry) => entry.item.id)).toEqual(['sure', 'unsure', 'old']);
		expect(requeueGap(2)).toBeLessThan(requeueGap(1));
		expect(requeueGap(1)).toBeLessThan(requeueGap(0));
	});

	it('schedules by the review state once reviewed: practising the lesson again does not move it', () => {
		let progress = progressOf({ a: choice('a', true, NOW - DAY) });
		const record = reviewed(progress, item('a'), { correct: true, confidence: 2, choice: 0 }, NOW - DAY + MINUTE);
		progress = withReview(progressOf({ a: choice('a', false, NOW) }), 'a', record);
		expect(memoryOf(progress, 'a')?.due).toBe(record.due);
	});

	it('takes a test answer newer than the lesson answer', () => {
		const test: TestRecord = {
			seed: 'abc',
			at: NOW,
			score: 0,
			total: 1,
			missed: ['a'],
			answers: [{ id: 'a', choice: null, correct: false }],
		};
		const progress = progressOf({ a: choice('a', true, NOW - DAY) }, {}, [test]);
		expect(memoryOf(progress, 'a')?.due).toBe(firstDue(NOW, false));
	});

	it('leaves items never answered out of the queue', () => {
		expect(schedule(progressOf(), [item('a'), item('b', 'cards')])).toEqual([]);
	});
});

describe('review states in storage', () => {
	it('reads only valid review states, once per snapshot', () => {
		const good = reviewed(progressOf(), item('a'), { correct: true, confidence: 1, choice: 0 }, NOW);
		const progress: Progress = { items: new Map(), tests: [], review: { a: good, b: { ...good, state: 9 }, c: 'x' } };
		expect(reviewRecord(progress, 'a')).toEqual(good);
		expect(reviewRecord(progress, 'b')).toBeUndefined();
		expect(reviewRecord(progress, 'c')).toBeUndefined();
		expect(reviewRecord(progress, 'toString')).toBeUndefined();
		expect(schedule(progress, [item('a'), item('b')]).map((entry) => entry.item.id)).toEqual(['a']);
	});
});
