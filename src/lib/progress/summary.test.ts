import { describe, expect, it } from 'vitest';
import { setStub } from '../practice/fixtures/set-stub.ts';
import { itemsOf } from './catalog.ts';
import type { ItemRecord } from './schema.ts';
import type { Progress } from './store.ts';
import { isDone, itemState, summarize } from './summary.ts';

const progressOf = (entries: Record<string, ItemRecord>): Progress => ({
	items: new Map(Object.entries(entries)),
	tests: [],
	review: {},
});
const base = { at: 1, attempts: 1 };

describe('the state of an item', () => {
	const item = { id: 'q', hash: 'h2' };

	it('is new when never answered', () => {
		expect(itemState(progressOf({}), item)).toEqual({ state: 'new' });
	});

	it('is current when answered with the same content', () => {
		const record: ItemRecord = { kind: 'choice', hash: 'h2', choice: 1, correct: true, ...base };
		expect(itemState(progressOf({ q: record }), item)).toEqual({ state: 'current', record });
	});

	it('is changed when the item was edited since the reader answered', () => {
		const record: ItemRecord = { kind: 'choice', hash: 'h1', choice: 1, correct: true, ...base };
		expect(itemState(progressOf({ q: record }), item)).toEqual({ state: 'changed', record });
	});
});

describe('what counts as done', () => {
	it('is a known card, a right answer, a compared explanation', () => {
		expect(isDone('cards', { kind: 'card', hash: 'h', known: true, ...base })).toBe(true);
		expect(isDone('cards', { kind: 'card', hash: 'h', known: false, ...base })).toBe(false);
		expect(isDone('quiz', { kind: 'choice', hash: 'h', choice: 0, correct: true, ...base })).toBe(true);
		expect(isDone('problems', { kind: 'choice', hash: 'h', choice: 0, correct: false, ...base })).toBe(false);
		expect(isDone('explain', { kind: 'explain', hash: 'h', at: 1, draft: '', covered: [], done: true })).toBe(true);
	});

	it('is never a record of the wrong kind', () => {
		expect(isDone('quiz', { kind: 'card', hash: 'h', known: true, ...base })).toBe(false);
	});
});

describe('a lesson summary', () => {
	const set = setStub;
	const sets = [
		set('aget/cards', 'cards', ['c1', 'c2']),
		set('aget/quiz', 'quiz', ['q1', 'q2', 'q3']),
		set('guide/quiz', 'quiz', ['g1']),
	];

	it('groups the items of sets by type, in set order', () => {
		const items = itemsOf(sets.slice(0, 2));
		expect(items.quiz.map((item) => item.id)).toEqual(['q1', 'q2', 'q3']);
		expect(items.cards).toEqual([
			{ id: 'c1', hash: 'c1-h' },
			{ id: 'c2', hash: 'c2-h' },
		]);
	});

	it('counts done items, leaves changed ones out, and ignores ids it does not know', () => {
		const items = itemsOf(sets.slice(0, 2));
		const progress = progressOf({
			c1: { kind: 'card', hash: 'c1-h', known: true, ...base },
			c2: { kind: 'card', hash: 'c2-h', known: false, ...base },
			q1: { kind: 'choice', hash: 'old', choice: 0, correct: true, ...base },
			q2: { kind: 'choice', hash: 'q2-h', choice: 0, correct: true, ...base },
			removed: { kind: 'choice', hash: 'x', choice: 0, correct: true, ...base },
		});
		const summary = summarize(items, progress);
		expect(summary.cards).toEqual({ done: 1, total: 2, changed: 0 });
		expect(summary.quiz).toEqual({ done: 1, total: 3, changed: 1 });
		expect(summary.all).toEqual({ done: 2, total: 5, changed: 1 });
	});
});
