/**
 * The order a question's choices are shown in: shuffled at build time, deterministically from the item id, so
 * every build, every reader and the no-JavaScript page show the same order, and authors can write the right
 * answer wherever it reads best without making the position guessable.
 *
 * Stored progress keys a choice by its authored index, never by its shown position, so a change of this
 * order (or of the salt below) never invalidates a reader's answers.
 */
import { seededRandom, shuffle } from '../test-draw/prng.ts';

/** Part of the seed: changing it reshuffles every question on the site at once. */
const SALT = 'choices:v1:';

/** Authored indices in the order they are shown: `order[position] = authoredIndex`. */
export function choiceOrder(itemId: string, count: number): number[] {
	return shuffle(
		Array.from({ length: count }, (_, index) => index),
		seededRandom(SALT + itemId),
	);
}
