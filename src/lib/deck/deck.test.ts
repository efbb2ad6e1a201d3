import { describe, expect, it } from 'vitest';
import { isDone, mark, nextUnmarked, position, reviewUnknown, startDeck, tally } from './deck.ts';

const ids = ['a', 'b', 'c', 'd'];

describe('a flashcard deck', () => {
	it('gives each card its position in the deck', () => {
		const deck = startDeck(ids);
		expect(position(deck, 'a')).toEqual({ index: 1, of: 4 });
		expect(position(deck, 'c')).toEqual({ index: 3, of: 4 });
	});

	it('moves to the next unmarked card after a mark, wrapping around', () => {
		let deck = startDeck(ids);
		deck = mark(deck, 'b', 'known');
		expect(nextUnmarked(deck, 'b')).toBe('c');
		deck = mark(mark(deck, 'c', 'unknown'), 'd', 'known');
		expect(nextUnmarked(deck, 'd')).toBe('a');
		deck = mark(deck, 'a', 'known');
		expect(nextUnmarked(deck, 'a')).toBeUndefined();
		expect(isDone(deck)).toBe(true);
	});

	it('counts known, unknown and unmarked cards', () => {
		const deck = mark(mark(startDeck(ids), 'a', 'known'), 'b', 'unknown');
		expect(tally(deck)).toEqual({ known: 1, unknown: 1, unmarked: 2, total: 4 });
	});

	it('lets the reader change a mark', () => {
		const deck = mark(mark(startDeck(ids), 'a', 'unknown'), 'a', 'known');
		expect(tally(deck).known).toBe(1);
		expect(tally(deck).unknown).toBe(0);
	});

	it('ignores marks for cards outside the pass', () => {
		const deck = startDeck(ids);
		expect(mark(deck, 'zz', 'known')).toBe(deck);
	});

	it('reviews only the cards the reader did not know, unmarked, renumbered', () => {
		let deck = startDeck(ids, { a: 'known', b: 'unknown', c: 'known', d: 'unknown' });
		deck = reviewUnknown(deck);
		expect(deck.cards).toEqual(['b', 'd']);
		expect(deck.pass).toBe(1);
		expect(position(deck, 'd')).toEqual({ index: 2, of: 2 });
		expect(tally(deck)).toEqual({ known: 0, unknown: 0, unmarked: 2, total: 2 });
	});

	it('keeps the deck when there is nothing to review', () => {
		const deck = startDeck(ids, { a: 'known' });
		expect(reviewUnknown(deck)).toBe(deck);
	});
});
