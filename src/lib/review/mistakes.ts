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

/**
 * Every item id with a wrong answer in `progress` and how many: the lesson's latest answer, each test run, the
 * latest review. The progress page loads the data of these items' lessons to learn what each one reveals.
 */
export function wrongAnswers(progress: Progress): Map<string, number> {
	const counts = new Map<string, number>();
	const add = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
	for (const [id, record] of progress.items) if (record.kind === 'choice' && !record.correct) add(id);
	for (const test of progress.tests) {
		for (const answer of test.answers) if (!answer.correct && answer.choice !== null) add(answer.id);
	}
	for (const id of Object.keys(progress.review)) {
		const review = reviewRecord(progress, id);
		if (review && !review.correct && review.choice !== null) add(id);
	}
	return counts;
}

export function mistakes(progress: Progress, items: readonly ReviewItem[]): MistakeGroup[] {
	const groups = new Map<string, MistakeGroup>();
	const wrong = wrongAnswers(progress);
	for (const item of items) {
		if (!item.misconception) continue;
		const count = wrong.get(item.id) ?? 0;
		if (count === 0) continue;
		const group = groups.get(item.misconception) ?? { tag: item.misconception, count: 0, items: [] };
		group.count += count;
		group.items.push(item);
		groups.set(item.misconception, group);
	}
	return [...groups.values()].sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1));
}
