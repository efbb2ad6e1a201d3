/**
 * What the progress views count: for each lesson, the id and content hash of every item, by set type, derived from
 * its compiled sets (the lesson's practice data, fetched by the islands that need it).
 */
import type { CompiledSet } from '../practice/compiled.ts';
import type { SetType } from '../practice/practice-set.ts';

export interface ItemRef {
	id: string;
	hash: string;
}

export type ItemsByType = Record<SetType, ItemRef[]>;

export function emptyItems(): ItemsByType {
	return { cards: [], quiz: [], explain: [], problems: [] };
}

/** The items of some sets, grouped by type, in set order. */
export function itemsOf(sets: readonly CompiledSet[]): ItemsByType {
	const items = emptyItems();
	for (const set of sets) {
		for (const item of set.items) items[set.type].push({ id: item.id, hash: item.hash });
	}
	return items;
}

/**
 * The patterns a lesson has items of, in lesson order: the progress page shows a bar for each and none for a
 * pattern the lesson lacks (no "0 of 0"), so a lesson may have any of the four.
 */
export function patternsIn(items: ItemsByType): SetType[] {
	return (Object.keys(items) as SetType[]).filter((type) => items[type].length > 0);
}
