/** Reading progress for display: the state of one item, and counts per lesson and set type. */
import type { SetType } from '../practice/practice-set.ts';
import type { ItemRef, ItemsByType } from './catalog.ts';
import type { ItemRecord } from './schema.ts';
import type { Progress } from './store.ts';
import { assertNever } from '../practice/compiled.ts';

export type ItemState =
	| { state: 'new' }
	/** Answered, but the item was edited since: shown as "changed since you answered", not done. */
	| { state: 'changed'; record: ItemRecord }
	| { state: 'current'; record: ItemRecord };

export function itemState(progress: Progress, item: ItemRef): ItemState {
	const record = progress.items.get(item.id);
	if (!record) return { state: 'new' };
	return record.hash === item.hash ? { state: 'current', record } : { state: 'changed', record };
}

/** Done means: a card marked known, a question or problem answered right, an explain-it compared. */
export function isDone(type: SetType, record: ItemRecord): boolean {
	switch (type) {
		case 'cards':
			return record.kind === 'card' && record.known;
		case 'quiz':
		case 'problems':
			return record.kind === 'choice' && record.correct;
		case 'explain':
			return record.kind === 'explain' && record.done;
		default:
			return assertNever(type);
	}
}

export interface Count {
	done: number;
	total: number;
	/** Items answered before they were edited. */
	changed: number;
}

export type Summary = Record<SetType, Count> & { all: Count };

export function summarize(items: ItemsByType, progress: Progress): Summary {
	const all: Count = { done: 0, total: 0, changed: 0 };
	const count = (type: SetType): Count => {
		const result: Count = { done: 0, total: items[type].length, changed: 0 };
		for (const item of items[type]) {
			const found = itemState(progress, item);
			if (found.state === 'changed') result.changed++;
			if (found.state === 'current' && isDone(type, found.record)) result.done++;
		}
		all.done += result.done;
		all.total += result.total;
		all.changed += result.changed;
		return result;
	};
	return { cards: count('cards'), quiz: count('quiz'), explain: count('explain'), problems: count('problems'), all };
}
