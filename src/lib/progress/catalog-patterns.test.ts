import { describe, expect, it } from 'vitest';
import { emptyItems, patternsIn } from './catalog.ts';

describe('the patterns of a lesson', () => {
	it('are those it has items of, in lesson order', () => {
		const items = emptyItems();
		items.problems.push({ id: 'p', hash: 'h' });
		items.cards.push({ id: 'c', hash: 'h' });
		expect(patternsIn(items)).toEqual(['cards', 'problems']);
	});

	it('are none for a lesson without practice', () => {
		expect(patternsIn(emptyItems())).toEqual([]);
	});
});
