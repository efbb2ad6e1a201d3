/**
 * The review queue: which items are due, in which order, and what a review does to an item's schedule.
 *
 * An item enters the queue when the reader first answers it anywhere (a lesson's quiz, practice or flashcards,
 * or the test). Until its first review on `/review/` its schedule is the scheduler's answer to its latest lesson
 * or test answer, rated with the confidence the reader gave in the lesson (an answer without one, such as a
 * flashcard's, a test's or one stored before the lessons asked, counts as unsure); from its first review on, the
 * stored review state alone schedules it, so practising a lesson again never reschedules a review.
 */
import type { SetType } from '../practice/practice-set.ts';
import type { ReviewRecord } from '../progress/schema.ts';
import type { Progress, ProgressStore } from '../progress/store.ts';
import { parseReviewRecord } from '../progress/validate-review.ts';
import type { Confidence } from './confidence.ts';
import type { Rating } from './fsrs.ts';

const MINUTE = 60_000;

/**
 * When an item first answered at `at` is due, as FSRS puts a first review (minutes by rating): a wrong answer
 * (Again) after its first learning step, 1 minute; a right guess (Hard) after 6 minutes; a right unsure answer
 * (Good) after its second step, 10 minutes; a right sure answer (Easy) graduates, 8 days. `conf` is 0 guess,
 * 1 unsure (an answer stored without one), 2 sure. `queue.test.ts` checks all of them against the scheduler,
 * and `due.test.ts` checks the due count's copy of this rule (`due.ts`) against the queue.
 */
export const firstDue = (at: number, correct: boolean, conf: Confidence = 1) =>
	at + ([1, 6, 10, 11_520][correct ? conf + 1 : 0] as number) * MINUTE;

/** Kinds of items the queue reviews: explain-it answers are the reader's own writing, not scheduled. */
export type ReviewType = Exclude<SetType, 'explain'>;

/** An item as the queue and the progress page know it (built at build time from the compiled sets). */
export interface ReviewItem {
	id: string;
	hash: string;
	type: ReviewType;
	/** Slug of the lesson, or of the page, whose set holds it. */
	lesson: string;
	/** The set's id, such as `aget/quiz`. */
	set: string;
	/** The misconception a wrong answer to it reveals (quiz questions and problems that name one). */
	misconception?: string;
	/** The lesson section that teaches it. */
	section?: string;
}

/**
 * The FSRS rating of an answer: wrong is Again, whatever the confidence; right is Hard when guessed, Good when
 * unsure and Easy when sure. A confident error is the costliest mistake; `dueQueue` puts it first.
 */
export function ratingOf(correct: boolean, confidence: Confidence): Rating {
	if (!correct) return 1;
	return confidence === 2 ? 4 : confidence === 1 ? 3 : 2;
}

export interface Answer {
	at: number;
	correct: boolean;
	/** Authored index of the chosen option; `null` for a flashcard or an unanswered test question. */
	choice: number | null;
	/** How sure the reader said they were; unsure when the answer does not say. */
	conf: Confidence;
}

/** The latest lesson or test answer to an item; a lesson answer wins a tie. */
export function latestAnswer(progress: Progress, id: string): Answer | undefined {
	const record = progress.items.get(id);
	let latest: Answer | undefined =
		record?.kind === 'card'
			? { at: record.at, correct: record.known, choice: null, conf: 1 }
			: record?.kind === 'choice'
				? { at: record.at, correct: record.correct, choice: record.choice, conf: (record.conf ?? 1) as Confidence }
				: undefined;
	for (const test of progress.tests) {
		for (const answer of test.answers) {
			if (answer.id === id && !(latest && latest.at >= test.at)) {
				latest = { at: test.at, correct: answer.correct, choice: answer.choice, conf: 1 };
			}
		}
	}
	return latest;
}

const parsed = new WeakMap<Progress, Map<string, ReviewRecord | undefined>>();

/** An item's validated review state in a progress snapshot (parsed once per snapshot and item). */
export function reviewRecord(progress: Progress, id: string): ReviewRecord | undefined {
	let cache = parsed.get(progress);
	if (!cache) parsed.set(progress, (cache = new Map()));
	if (!cache.has(id))
		cache.set(id, Object.hasOwn(progress.review, id) ? parseReviewRecord(progress.review[id]) : undefined);
	return cache.get(id);
}

/** Stores an item's new review state. */
export function saveReview(store: ProgressStore, id: string, record: ReviewRecord): void {
	store.replace((current) => ({ ...current, review: { ...current.review, [id]: record } }));
}

/** What scheduling needs of an item: its id (the page's compact index has no more before a lesson's data loads). */
export interface Schedulable {
	id: string;
}

export interface Scheduled<T extends Schedulable = ReviewItem> {
	item: T;
	due: number;
	/** How urgent a due item is: a confident error 3, an unsure one 2, a guess 1, anything else 0. */
	urgency: number;
}

/** Every answered item with its due time, soonest first. */
export function schedule<T extends Schedulable>(progress: Progress, items: readonly T[]): Scheduled<T>[] {
	const out: Scheduled<T>[] = [];
	for (const item of items) {
		const record = reviewRecord(progress, item.id);
		if (record) {
			out.push({ item, due: record.due, urgency: record.correct ? 0 : record.conf + 1 });
			continue;
		}
		const answer = latestAnswer(progress, item.id);
		if (!answer) continue;
		// Before its first review an item is where the scheduler puts a first answer (`firstDue`, equal to
		// `review(NEW_MEMORY, …)` as queue.test.ts checks), so this page-level view needs no scheduler.
		out.push({
			item,
			due: firstDue(answer.at, answer.correct, answer.conf),
			urgency: answer.correct ? 0 : answer.conf + 1,
		});
	}
	return out.sort((a, b) => a.due - b.due);
}

/** The items due at `now`: confident errors first, then the others by how long they have waited. */
export function dueQueue<T extends Schedulable>(progress: Progress, items: readonly T[], now: number): Scheduled<T>[] {
	return schedule(progress, items)
		.filter((entry) => entry.due <= now)
		.sort((a, b) => b.urgency - a.urgency || a.due - b.due);
}

/**
 * Where a missed item goes back into the session's queue: after one other item for a confident error, two
 * for an unsure one, three for a guess, so it comes back within the session, the costliest errors soonest.
 */
export const requeueGap = (confidence: Confidence) => 3 - confidence;
