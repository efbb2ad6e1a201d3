import { describe, expect, it } from 'vitest';
import { choiceOrder } from '../practice/choice-order.ts';
import { reviewOrder } from './order.ts';

describe('the order of choices in a review', () => {
	it('never repeats the order the reader saw last, for any item and round', () => {
		for (let item = 0; item < 300; item++) {
			const id = `question-${item}`;
			const count = 2 + (item % 4);
			let previous = choiceOrder(id, count);
			for (let round = 0; round < 5; round++) {
				const order = reviewOrder(id, count, round, previous);
				expect([...order].sort()).toEqual(Array.from({ length: count }, (_, index) => index));
				expect(order).not.toEqual(previous);
				previous = order;
			}
		}
	});

	it('is the same for the same item and round, so a reload shows what was shown', () => {
		expect(reviewOrder('q', 4, 2, [])).toEqual(reviewOrder('q', 4, 2, []));
	});
});
