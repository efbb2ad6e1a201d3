/**
 * "Your common mistakes": the wrong answers a reader picked, grouped by the misconception each question names
 * (its `misconception` tag), most frequent first. A wrong answer counts once per place it was given: the
 * lesson's latest answer, each test run, and the latest review.
 */
import type { Progress } from '../progress/store.ts';
import { reviewRecord, type ReviewItem } from './queue.ts';

export interface MistakeGroup {
	tag: string;
	/** Wrong answers given to questions with this tag. */
	count: number;
	/** The questions, in catalog order; the first one's section is where the point is taught. */
	items: ReviewItem[];
}

export function mistakes(progress: Progress, items: readonly ReviewItem[]): MistakeGroup[] {
	const groups = new Map<string, MistakeGroup>();
	const wrongTests = new Map<string, number>();
	for (const test of progress.tests) {
		for (const answer of test.answers) {
			if (!answer.correct && answer.choice !== null) wrongTests.set(answer.id, (wrongTests.get(answer.id) ?? 0) + 1);
		}
	}
	for (const item of items) {
		if (!item.misconception) continue;
		const lesson = progress.items.get(item.id);
		const review = reviewRecord(progress, item.id);
		const count =
			(lesson?.kind === 'choice' && !lesson.correct ? 1 : 0) +
			(wrongTests.get(item.id) ?? 0) +
			(review && !review.correct && review.choice !== null ? 1 : 0);
		if (count === 0) continue;
		const group = groups.get(item.misconception) ?? { tag: item.misconception, count: 0, items: [] };
		group.count += count;
		group.items.push(item);
		groups.set(item.misconception, group);
	}
	return [...groups.values()].sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1));
}
