// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cardItems, storedProgress } from './test-fixtures.ts';

async function load() {
	vi.resetModules();
	const { default: FlashcardsIsland } = await import('./FlashcardsIsland.tsx');
	return render(<FlashcardsIsland setId="aget/cards" items={cardItems} />);
}

const card = (front: string) => screen.getByText(front).closest('li') as HTMLElement;
const reveal = (item: HTMLElement) => {
	const details = item.querySelector('details') as HTMLDetailsElement;
	fireEvent.click(within(item).getByText('Show the answer'));
	details.open = true;
	return details;
};

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

describe('the flashcards island', () => {
	it('shows each card’s position and level, with its answer closed', async () => {
		await load();
		const second = card('Front of c-two?');
		expect(within(second).getByText('Card 2 of 3')).toBeTruthy();
		expect(within(second).getByText('intermediate')).toBeTruthy();
		expect((second.querySelector('details') as HTMLDetailsElement).open).toBe(false);
		expect(second.querySelector('summary')?.textContent).toBe('Show the answer');
	});

	it('reveals the answer from a native summary, so click, Enter and Space all work', async () => {
		await load();
		const summary = card('Front of c-one?').querySelector('details > summary');
		expect(summary?.tagName).toBe('SUMMARY');
		expect(within(card('Front of c-one?')).getByText('Back of c-one.')).toBeTruthy();
	});

	it('marks a card, moves focus to the next unmarked card and counts it', async () => {
		await load();
		reveal(card('Front of c-one?'));
		fireEvent.click(within(card('Front of c-one?')).getByRole('button', { name: /I knew it/ }));
		expect(within(card('Front of c-one?')).getByText('Knew it')).toBeTruthy();
		expect(screen.getByText('1 known, 0 to review, 2 not yet marked.')).toBeTruthy();
		await vi.waitFor(() => expect(document.activeElement).toBe(card('Front of c-two?').querySelector('summary')));
		expect(storedProgress().items['c-one']).toMatchObject({ kind: 'card', hash: 'c-one-v1', known: true, attempts: 1 });
	});

	it('offers a review of the cards the reader did not know once every card is marked', async () => {
		await load();
		for (const [front, button] of [
			['Front of c-one?', /I knew it/],
			['Front of c-two?', /I didn't/],
			['Front of c-three?', /I didn't/],
		] as const) {
			reveal(card(front));
			fireEvent.click(within(card(front)).getByRole('button', { name: button }));
		}
		expect(await screen.findByText('You knew 1 of 3.')).toBeTruthy();
		fireEvent.click(screen.getByRole('button', { name: "Review the 2 cards you didn't know" }));
		expect(screen.queryByText('Front of c-one?')).toBeNull();
		expect(within(card('Front of c-three?')).getByText('Card 2 of 2')).toBeTruthy();
		expect((card('Front of c-two?').querySelector('details') as HTMLDetailsElement).open).toBe(false);
	});

	it('restores marks after a reload', async () => {
		await load();
		reveal(card('Front of c-two?'));
		fireEvent.click(within(card('Front of c-two?')).getByRole('button', { name: /I didn't/ }));
		cleanup();
		await load();
		expect(await within(card('Front of c-two?')).findByText("Didn't know it yet")).toBeTruthy();
		expect(screen.getByText('0 known, 1 to review, 2 not yet marked.')).toBeTruthy();
	});

	it('shows a card edited since it was marked as not done', async () => {
		localStorage.setItem(
			'awaitable:progress',
			JSON.stringify({
				v: 1,
				items: { 'c-one': { kind: 'card', hash: 'old', at: 1, attempts: 1, known: true } },
				tests: [],
			}),
		);
		await load();
		expect(await within(card('Front of c-one?')).findByText(/changed since you marked it/)).toBeTruthy();
		expect(screen.getByText('0 known, 0 to review, 3 not yet marked.')).toBeTruthy();
	});
});
