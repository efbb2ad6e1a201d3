/**
 * Between islands and the store: the records an answer produces, and what an island restores from earlier
 * visits. Only answers that still match the item's content hash are restored; the others are reported as
 * changed so the island can say so.
 */
import type { Confidence } from '../review/confidence.ts';
import type { CardRecord, ChoiceRecord, ExplainRecord, ItemRecord } from './schema.ts';
import type { ItemRef } from './catalog.ts';
import type { Progress } from './store.ts';
import { itemState } from './summary.ts';

const attemptsAfter = (previous: ItemRecord | undefined, hash: string) =>
	previous && previous.hash === hash && previous.kind !== 'explain' ? previous.attempts + 1 : 1;

/** A question as shown: its choices in shown order, each with its authored index (see `choice-order.ts`). */
export interface ShownQuestion extends ItemRef {
	choices: readonly { index: number }[];
}

/**
 * The record of a checked answer. `shown` is the chosen option's position on the page; the record keeps its
 * authored index, which does not move when the shown order does. `conf` is how sure the reader said they were.
 */
export function choiceRecord(
	previous: ItemRecord | undefined,
	item: ShownQuestion,
	shown: number,
	correct: boolean,
	at: number,
	conf: Confidence,
): ChoiceRecord {
	const choice = item.choices[shown]?.index ?? shown;
	return { kind: 'choice', hash: item.hash, at, attempts: attemptsAfter(previous, item.hash), choice, correct, conf };
}

export function cardRecord(previous: ItemRecord | undefined, item: ItemRef, known: boolean, at: number): CardRecord {
	return { kind: 'card', hash: item.hash, at, attempts: attemptsAfter(previous, item.hash), known };
}

/** Merges a change into an explain-it record; a record of an older version of the item starts afresh. */
export function explainRecord(
	previous: ItemRecord | undefined,
	item: ItemRef,
	change: Partial<Pick<ExplainRecord, 'draft' | 'covered' | 'done'>>,
	at: number,
): ExplainRecord {
	const same = previous?.kind === 'explain' && previous.hash === item.hash;
	// The draft is the reader's own writing: it survives an edit of the question; the self-check does not.
	const draft = previous?.kind === 'explain' ? previous.draft : '';
	const base: ExplainRecord = same
		? previous
		: { kind: 'explain', hash: item.hash, at, draft, covered: [], done: false };
	return { ...base, ...change, at };
}

export interface Restored<T> {
	/** Per item id, what the reader did last time, for items unchanged since. */
	values: Record<string, T>;
	/** Ids of items the reader answered before they were edited. */
	changed: string[];
}

function restore<T>(
	progress: Progress,
	items: readonly ItemRef[],
	pick: (record: ItemRecord) => T | undefined,
): Restored<T> {
	const values: Record<string, T> = {};
	const changed: string[] = [];
	for (const item of items) {
		const found = itemState(progress, item);
		if (found.state === 'changed') changed.push(item.id);
		if (found.state !== 'current') continue;
		const value = pick(found.record);
		if (value !== undefined) values[item.id] = value;
	}
	return { values, changed };
}

/** The options checked earlier, as positions on the page (records keep authored indices). */
export function earlierChoices(progress: Progress, items: readonly ShownQuestion[]): Restored<number> {
	const restored = restore(progress, items, (record) => (record.kind === 'choice' ? record.choice : undefined));
	const values: Record<string, number> = {};
	for (const item of items) {
		const authored = restored.values[item.id];
		const shown = item.choices.findIndex((choice) => choice.index === authored);
		if (shown !== -1) values[item.id] = shown;
	}
	return { values, changed: restored.changed };
}

export const earlierMarks = (progress: Progress, items: readonly ItemRef[]) =>
	restore(progress, items, (record) => (record.kind === 'card' ? (record.known ? 'known' : 'unknown') : undefined));

/** Explain-it records; for an edited question only the reader's draft comes back. */
export function earlierExplains(progress: Progress, items: readonly ItemRef[]): Restored<ExplainRecord> {
	const restored = restore(progress, items, (record) => (record.kind === 'explain' ? record : undefined));
	for (const id of restored.changed) {
		const item = items.find((candidate) => candidate.id === id);
		const record = progress.items.get(id);
		if (item && record?.kind === 'explain') restored.values[id] = explainRecord(record, item, {}, record.at);
	}
	return restored;
}
