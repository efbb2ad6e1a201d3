import { describe, expect, it } from 'vitest';
import { cardRecord, choiceRecord, earlierChoices, earlierExplains, earlierMarks, explainRecord } from './answers.ts';
import type { ItemRecord } from './schema.ts';
import type { Progress } from './store.ts';

// Shown in the order 2, 0, 3, 1 (authored indices), as `choiceOrder` might shuffle them.
const item = { id: 'q', hash: 'h2', choices: [2, 0, 3, 1].map((index) => ({ index })) };
const progressOf = (entries: Record<string, ItemRecord>): Progress => ({
	items: new Map(Object.entries(entries)),
	tests: [],
	review: {},
});

describe('records of answers', () => {
	it('stores the authored index of the chosen option, the outcome, the confidence, the time and the item hash', () => {
		// The option shown third is the fourth one authored.
		expect(choiceRecord(undefined, item, 2, false, 99, 2)).toEqual({
			kind: 'choice',
			hash: 'h2',
			at: 99,
			attempts: 1,
			choice: 3,
			correct: false,
			conf: 2,
		});
	});

	it('counts attempts on the same version of an item and restarts after an edit', () => {
		const first = cardRecord(undefined, item, false, 1);
		expect(cardRecord(first, item, true, 2).attempts).toBe(2);
		expect(cardRecord({ ...first, hash: 'h1' }, item, true, 2).attempts).toBe(1);
	});

	it('merges explain-it changes, and keeps only the draft when the question was edited', () => {
		const draft = explainRecord(undefined, item, { draft: 'mine' }, 1);
		expect(explainRecord(draft, item, { covered: [1] }, 2)).toEqual({
			kind: 'explain',
			hash: 'h2',
			at: 2,
			draft: 'mine',
			covered: [1],
			done: false,
		});
		expect(explainRecord({ ...draft, hash: 'old', covered: [0], done: true }, item, {}, 3)).toEqual({
			kind: 'explain',
			hash: 'h2',
			at: 3,
			draft: 'mine',
			covered: [],
			done: false,
		});
	});
});

describe('restoring earlier answers', () => {
	const plain = [0, 1, 2, 3].map((index) => ({ index }));
	const items = [item, { id: 'p', hash: 'p1', choices: plain }, { id: 'n', hash: 'n1', choices: plain }];
	const progress = progressOf({
		q: { kind: 'choice', hash: 'h2', at: 1, attempts: 1, choice: 3, correct: true },
		p: { kind: 'choice', hash: 'p0', at: 1, attempts: 1, choice: 1, correct: true },
	});

	it('restores answers to unchanged items, at the position their option is shown, and reports edited ones', () => {
		// Authored index 3 is shown third (position 2).
		expect(earlierChoices(progress, items)).toEqual({ values: { q: 2 }, changed: ['p'] });
	});

	it('gives back the position the reader chose, whatever the shown order', () => {
		for (let shown = 0; shown < 4; shown++) {
			const record = choiceRecord(undefined, item, shown, false, 1, 1);
			expect(earlierChoices(progressOf({ q: record }), [item]).values).toEqual({ q: shown });
		}
	});

	it('restores nothing from a record of another kind', () => {
		expect(earlierMarks(progress, items).values).toEqual({});
		expect(earlierExplains(progress, items).values).toEqual({});
	});

	it('gives back only the draft of an explain-it question edited since', () => {
		const stored = progressOf({
			q: { kind: 'explain', hash: 'h1', at: 5, draft: 'my words', covered: [0, 1], done: true },
		});
		expect(earlierExplains(stored, [item])).toEqual({
			values: { q: { kind: 'explain', hash: 'h2', at: 5, draft: 'my words', covered: [], done: false } },
			changed: ['q'],
		});
	});

	it('restores card marks as known or unknown', () => {
		const cards = progressOf({ q: { kind: 'card', hash: 'h2', at: 1, attempts: 1, known: false } });
		expect(earlierMarks(cards, [item]).values).toEqual({ q: 'unknown' });
	});
});
