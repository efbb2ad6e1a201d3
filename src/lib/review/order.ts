/**
 * The order a review shows a question's choices in: new at every review and every retry, so the reader recalls
 * the answer rather than its place. Choices stay identified by their authored index (what progress stores).
 */
import { seededRandom, shuffle } from '../test-draw/prng.ts';

/**
 * Authored indices in the order to show them (`order[position] = authoredIndex`) for the `round`-th showing
 * of an item, never the same as `previous` (the order the reader saw last) when there is another.
 */
export function reviewOrder(itemId: string, count: number, round: number, previous: readonly number[]): number[] {
	const order = shuffle(
		Array.from({ length: count }, (_, index) => index),
		seededRandom(`review:${itemId}:${round}`),
	);
	const same = order.length === previous.length && order.every((value, index) => value === previous[index]);
	return same && count > 1 ? [...order.slice(1), order[0] as number] : order;
}
