/**
 * What a review does to an item's schedule: the FSRS step (`fsrs.ts`) from the item's current memory. Apart from
 * `queue.ts` so that the progress page, which only reads schedules, does not load the scheduler.
 */
import type { ReviewRecord } from '../progress/schema.ts';
import type { Progress } from '../progress/store.ts';
import { NEW_MEMORY, review, type CardState, type Memory } from './fsrs.ts';
import type { Confidence } from './confidence.ts';
import { latestAnswer, ratingOf, reviewRecord, type ReviewItem } from './queue.ts';

export const memoryFromRecord = (record: ReviewRecord): Memory => ({
	state: record.state as CardState,
	due: record.due,
	s: record.s,
	d: record.d,
	step: record.step,
	last: record.last,
	reps: record.reps,
	lapses: record.lapses,
});

/** The item's schedule, or `undefined` when the reader has never answered it. */
export function memoryOf(progress: Progress, id: string): Memory | undefined {
	const record = reviewRecord(progress, id);
	if (record) return memoryFromRecord(record);
	const answer = latestAnswer(progress, id);
	return answer && review(NEW_MEMORY, answer.at, ratingOf(answer.correct, answer.conf));
}

/** The review state after the reader answers `item` at `now`. */
export function reviewed(
	progress: Progress,
	item: ReviewItem,
	answer: { correct: boolean; confidence: Confidence; choice: number | null },
	now: number,
): ReviewRecord {
	const memory = review(memoryOf(progress, item.id) ?? NEW_MEMORY, now, ratingOf(answer.correct, answer.confidence));
	return { hash: item.hash, ...memory, conf: answer.confidence, correct: answer.correct, choice: answer.choice };
}
