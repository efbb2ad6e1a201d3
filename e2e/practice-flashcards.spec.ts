import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { useTheme } from './site.ts';
import {
	axeViolations,
	blockStorage,
	GUIDE,
	GUIDE_SET_PAGES,
	staticWidget,
	storedProgress,
	widget,
} from './practice.ts';

const card = (cards: Locator, number: number) => cards.locator('li.aw-card').nth(number - 1);

test.describe('the flashcards', () => {
	test('show each card’s position and level', async ({ page }) => {
		await page.goto(GUIDE);
		const cards = await widget(page, 'cards');
		const count = await cards.locator('li.aw-card').count();
		await expect(card(cards, 1)).toContainText(`Card 1 of ${count}`);
		await expect(card(cards, 1).locator('.aw-tag')).toHaveText(/Level: (beginner|intermediate|advanced)/);
	});

	test('reveal the answer by click, Enter or Space', async ({ page }) => {
		await page.goto(GUIDE);
		const cards = await widget(page, 'cards');
		const details = (number: number) => card(cards, number).locator('details');
		await card(cards, 1).getByText('Show the answer').click();
		await expect(details(1)).toHaveAttribute('open');
		await card(cards, 2).locator('summary').focus();
		await page.keyboard.press('Enter');
		await expect(details(2)).toHaveAttribute('open');
		await page.keyboard.press('Space');
		await expect(details(2)).not.toHaveAttribute('open');
		await page.keyboard.press('Space');
		await expect(details(2)).toHaveAttribute('open');
	});

	test('mark a card, move focus to the next one and remember the mark after a reload', async ({ page }) => {
		await page.goto(GUIDE);
		let cards = await widget(page, 'cards');
		await card(cards, 1).getByText('Show the answer').click();
		await card(cards, 1)
			.getByRole('button', { name: /I knew it/ })
			.click();
		await expect(card(cards, 1)).toContainText('Knew it');
		await expect(card(cards, 2).locator('summary')).toBeFocused();
		await page.keyboard.press('Enter');
		await card(cards, 2)
			.getByRole('button', { name: /I didn't/ })
			.click();
		await expect(cards.locator('.aw-result')).toContainText('You knew 1 of');
		const stored = await storedProgress(page);
		expect(Object.values(stored?.items ?? {}).map((record) => record['known'])).toEqual([true, false]);

		await page.reload();
		cards = await widget(page, 'cards');
		await expect(card(cards, 1)).toContainText('Knew it');
		await expect(card(cards, 2)).toContainText("Didn't know it yet");
	});

	test('review only the cards the reader did not know', async ({ page }) => {
		await page.goto(GUIDE);
		const cards = await widget(page, 'cards');
		const count = await cards.locator('li.aw-card').count();
		for (let number = 1; number <= count; number++) {
			await card(cards, number).getByText('Show the answer').click();
			await card(cards, number)
				.getByRole('button', { name: number === 1 ? /I didn't/ : /I knew it/ })
				.click();
		}
		await cards.getByRole('button', { name: "Review the 1 card you didn't know" }).click();
		await expect(cards.locator('li.aw-card')).toHaveCount(1);
		await expect(card(cards, 1)).toContainText('Card 1 of 1');
		await expect(card(cards, 1).locator('summary')).toBeFocused();
	});

	test('keep working when localStorage throws on every access', async ({ page }) => {
		await blockStorage(page);
		await page.goto(GUIDE);
		const cards = await widget(page, 'cards');
		await card(cards, 1).getByText('Show the answer').click();
		await card(cards, 1)
			.getByRole('button', { name: /I knew it/ })
			.click();
		await expect(card(cards, 1)).toContainText('Knew it');
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`have no axe violations before, while and after marking (${theme})`, async ({ page }) => {
			test.slow(); // axe runs several times
			await useTheme(page, theme);
			await page.goto(GUIDE);
			const cards = await widget(page, 'cards');
			expect(await axeViolations(page, '.aw-cards'), 'unrevealed').toEqual([]);
			await card(cards, 1).getByText('Show the answer').click();
			expect(await axeViolations(page, '.aw-cards'), 'revealed').toEqual([]);
			await card(cards, 1)
				.getByRole('button', { name: /I knew it/ })
				.click();
			await card(cards, 2).getByText('Show the answer').click();
			await card(cards, 2)
				.getByRole('button', { name: /I didn't/ })
				.click();
			expect(await axeViolations(page, '.aw-cards'), 'marked').toEqual([]);
		});
	}
});

test.describe('the flashcards without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('show every card with its answer closed until opened, and no marking buttons', async ({ page }) => {
		await page.goto(GUIDE_SET_PAGES.cards);
		const cards = staticWidget(page, 'cards');
		const first = card(cards, 1);
		const back = first.locator('details .aw-md').first();
		await expect(back).toBeHidden();
		await first.getByText('Show the answer').click();
		await expect(back).toBeVisible();
		await expect(first.getByRole('button', { name: /I knew it/ })).toBeHidden();
	});
});
