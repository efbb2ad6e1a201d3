import { describe, expect, it } from 'vitest';
import { choiceOrder } from './choice-order.ts';

describe('choiceOrder', () => {
	it('is a permutation of the authored indices', () => {
		for (const count of [2, 3, 4, 5, 6]) {
			expect([...choiceOrder('aget-quiz-returns', count)].sort()).toEqual(
				Array.from({ length: count }, (_, index) => index),
			);
		}
	});

	it('gives the same order for the same id, every time', () => {
		expect(choiceOrder('no-afilter-quiz-lazy', 4)).toEqual(choiceOrder('no-afilter-quiz-lazy', 4));
	});

	it('spreads the first authored choice over every position across many ids', () => {
		const positions = [0, 0, 0, 0];
		for (let index = 0; index < 4000; index++) {
			const position = choiceOrder(`item-${index}`, 4).indexOf(0);
			positions[position] = (positions[position] ?? 0) + 1;
		}
		for (const count of positions) expect(count / 4000).toBeGreaterThan(0.22);
	});
});
