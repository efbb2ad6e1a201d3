/**
 * The items the review queue can schedule, built at build time from the compiled sets and handed to the
 * review and progress islands as plain data: ids, hashes, where each lives, and what a wrong answer reveals.
 */
import type { CompiledSet } from '../practice/compiled.ts';
import type { ReviewItem } from './queue.ts';

/** Every flashcard, quiz question and practice problem of `sets`, in set order (explain-its are not reviewed). */
export function reviewItems(sets: readonly CompiledSet[]): ReviewItem[] {
	const out: ReviewItem[] = [];
	for (const set of sets) {
		if (set.type === 'explain') continue;
		for (const item of set.items) {
			const entry: ReviewItem = { id: item.id, hash: item.hash, type: set.type, lesson: set.lesson, set: set.id };
			if ('misconception' in item && item.misconception) entry.misconception = item.misconception;
			if ('section' in item && item.section) entry.section = item.section;
			out.push(entry);
		}
	}
	return out;
}

/** Every item id of `sets` (explain-its included) with its current content hash, for merging an import. */
export function itemHashes(sets: readonly CompiledSet[]): Record<string, string> {
	return Object.fromEntries(sets.flatMap((set) => set.items.map((item) => [item.id, item.hash] as const)));
}
