/**
 * A flashcard deck: which cards are in the current pass, where each sits ("Card 2 of 6"), which card comes
 * next after the reader marks one, and a second pass over the cards they did not know.
 */

export type Mark = 'known' | 'unknown';

export interface Deck {
	/** Ids of the cards in this pass, in deck order. */
	cards: readonly string[];
	/** The reader's mark per card id, in this pass or restored from an earlier visit. */
	marks: Readonly<Record<string, Mark>>;
	/** 0 for the first pass, then 1, 2… for each review pass; keys views that must start fresh. */
	pass: number;
}

export function startDeck(ids: readonly string[], marks: Readonly<Record<string, Mark>> = {}): Deck {
	return { cards: [...ids], marks: { ...marks }, pass: 0 };
}

/** "Card 2 of 6": the 1-based position of a card in the current pass and the pass's length. */
export function position(deck: Deck, id: string): { index: number; of: number } {
	return { index: deck.cards.indexOf(id) + 1, of: deck.cards.length };
}

export function mark(deck: Deck, id: string, value: Mark): Deck {
	if (!deck.cards.includes(id)) return deck;
	return { ...deck, marks: { ...deck.marks, [id]: value } };
}

/**
 * The card to move to after `id`: the next unmarked card after it, wrapping around; `undefined` when every
 * card of the pass is marked.
 */
export function nextUnmarked(deck: Deck, id: string): string | undefined {
	const start = deck.cards.indexOf(id);
	for (let step = 1; step <= deck.cards.length; step++) {
		const candidate = deck.cards[(start + step) % deck.cards.length];
		if (candidate !== undefined && deck.marks[candidate] === undefined) return candidate;
	}
	return undefined;
}

export interface Tally {
	known: number;
	unknown: number;
	unmarked: number;
	total: number;
}

export function tally(deck: Deck): Tally {
	let known = 0;
	let unknown = 0;
	for (const id of deck.cards) {
		if (deck.marks[id] === 'known') known++;
		else if (deck.marks[id] === 'unknown') unknown++;
	}
	return { known, unknown, unmarked: deck.cards.length - known - unknown, total: deck.cards.length };
}

export function isDone(deck: Deck): boolean {
	return deck.cards.length > 0 && tally(deck).unmarked === 0;
}

/** A new pass over the cards marked "didn't know", unmarked again; the same deck when there are none. */
export function reviewUnknown(deck: Deck): Deck {
	const cards = deck.cards.filter((id) => deck.marks[id] === 'unknown');
	if (cards.length === 0) return deck;
	const marks = Object.fromEntries(Object.entries(deck.marks).filter(([id]) => !cards.includes(id)));
	return { cards, marks, pass: deck.pass + 1 };
}
