import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { useTheme } from './site.ts';
import {
	axeViolations,
	blockStorage,
	fillStorageQuota,
	GUIDE,
	GUIDE_SET_PAGES,
	rightOption,
	staticWidget,
	storedProgress,
	storeRaw,
	tabTo,
	widget,
} from './practice.ts';

/** The list item of question `number`; `has` takes a locator relative to the item, so it starts from the page. */
const question = (quiz: Locator, number: number) =>
	quiz.locator('li').filter({ has: quiz.page().getByRole('group', { name: new RegExp(`Question ${number} of`) }) });

async function answer(quiz: Locator, number: number, right: boolean) {
	const item = question(quiz, number);
	const correct = await rightOption(item);
	const options = item.getByRole('radio');
	await options.nth(right ? correct : (correct + 1) % (await options.count())).check();
	await item.getByRole('button', { name: 'Unsure' }).click();
}

test.describe('the quiz', () => {
	test('a reader can take the whole quiz with the keyboard only', async ({ page }) => {
		// Tabs through the whole page above the quiz (the guide's sidebar, code blocks and links): 17 s alone on a
		// loaded machine, over 30 s in a run beside other suites.
		test.slow();
		await page.goto(GUIDE);
		const quiz = await widget(page, 'quiz');
		const total = await quiz.getByRole('group', { name: /Question \d+ of/ }).count();
		expect(total).toBeGreaterThanOrEqual(2);
		for (let number = 1; number <= total; number++) {
			const item = question(quiz, number);
			const correct = await rightOption(item);
			const first = item.getByRole('radio').first();
			await tabTo(page, first);
			// Arrow keys move through a radio group and select as they go.
			for (let step = 0; step < correct; step++) await page.keyboard.press('ArrowDown');
			await expect(item.getByRole('radio').nth(correct)).toBeChecked();
			if (number % 2 === 0) {
				// One key press checks: G, U or S says how sure the reader is.
				await page.keyboard.press(['g', 'u', 'S'][number % 3] ?? 'u');
			} else {
				// Or Tab to the buttons: Guess, Unsure, Sure.
				await page.keyboard.press('Tab');
				await expect(item.getByRole('button', { name: 'Guess' })).toBeFocused();
				await page.keyboard.press('Tab');
				await expect(item.getByRole('button', { name: 'Unsure' })).toBeFocused();
				await page.keyboard.press(number % 4 === 1 ? 'Space' : 'Enter');
			}
			const feedback = item.locator('.aw-feedback');
			await expect(feedback).toBeFocused();
			await expect(feedback).toContainText('Correct.');
		}
		const stored = Object.values((await storedProgress(page))?.items ?? {});
		expect(stored.map((record) => record['conf'])).toEqual(
			Array.from({ length: total }, (_, index) => (index % 2 === 1 ? [0, 1, 2][(index + 1) % 3] : 1)),
		);
		await expect(quiz.locator('.aw-result')).toContainText(`You scored ${total} of ${total}.`);
		await expect(quiz.locator('.aw-status')).toHaveText(`Finished: you scored ${total} of ${total}.`);
	});

	test('gives feedback on the chosen option and explains every option after answering', async ({ page }) => {
		await page.goto(GUIDE);
		const quiz = await widget(page, 'quiz');
		const first = question(quiz, 1);
		await expect(first.locator('details.aw-reveal')).not.toHaveAttribute('open');
		await answer(quiz, 1, false);
		await expect(first.locator('.aw-feedback')).toContainText('Incorrect.');
		await expect(first.getByText('Your answer: incorrect')).toBeVisible();
		await expect(first.getByText('The right answer')).toBeVisible();
		const review = first.locator('details.aw-reveal');
		await expect(review).toHaveAttribute('open');
		const options = await first.getByRole('radio').count();
		await expect(review.locator('.aw-review__item')).toHaveCount(options);
		await expect(quiz.getByText(/^Score: 0 of \d+ \(1 answered\)\.$/)).toBeVisible();
	});

	test('shows the score at the end and retries only the wrong questions', async ({ page }) => {
		await page.goto(GUIDE);
		const quiz = await widget(page, 'quiz');
		const total = await quiz.getByRole('group', { name: /Question \d+ of/ }).count();
		await answer(quiz, 1, false);
		for (let number = 2; number <= total; number++) await answer(quiz, number, true);
		await expect(quiz.locator('.aw-result')).toContainText(`You scored ${total - 1} of ${total}.`);
		await quiz.getByRole('button', { name: 'Retry the 1 wrong question' }).click();
		await expect(quiz.getByRole('group', { name: /Question \d+ of/ })).toHaveCount(1);
		await expect(question(quiz, 1).getByRole('radio').first()).toBeFocused();
		await answer(quiz, 1, true);
		await expect(quiz.locator('.aw-result')).toContainText(`You scored ${total} of ${total}.`);
	});

	test('restores the answers after a reload', async ({ page }) => {
		await page.goto(GUIDE);
		let quiz = await widget(page, 'quiz');
		await answer(quiz, 1, true);
		await answer(quiz, 2, false);
		const stored = await storedProgress(page);
		expect(Object.values(stored?.items ?? {}).map((record) => [record['kind'], record['correct']])).toEqual([
			['choice', true],
			['choice', false],
		]);
		await page.reload();
		quiz = await widget(page, 'quiz');
		await expect(question(quiz, 1).locator('.aw-feedback')).toContainText('Correct.');
		await expect(question(quiz, 2).locator('.aw-feedback')).toContainText('Incorrect.');
	});

	test('keeps working when localStorage throws on every access', async ({ page }) => {
		await blockStorage(page);
		await page.goto(GUIDE);
		const quiz = await widget(page, 'quiz');
		await answer(quiz, 1, true);
		await expect(question(quiz, 1).locator('.aw-feedback')).toContainText('Correct.');
	});

	test('keeps working when storage is full', async ({ page }) => {
		await fillStorageQuota(page);
		await page.goto(GUIDE);
		const quiz = await widget(page, 'quiz');
		await answer(quiz, 1, false);
		await expect(question(quiz, 1).locator('.aw-feedback')).toContainText('Incorrect.');
	});

	test('keeps working when the stored value is corrupted', async ({ page }) => {
		await page.goto(GUIDE);
		await storeRaw(page, '{"v":1,"items":{"guide-quiz-count-published":{"kind":"choice","hash":42}},"tests":');
		const quiz = await widget(page, 'quiz');
		await expect(question(quiz, 1).locator('.aw-feedback')).toHaveCount(0);
		await answer(quiz, 1, true);
		await expect(question(quiz, 1).locator('.aw-feedback')).toContainText('Correct.');
		expect((await storedProgress(page))?.items['guide-quiz-count-published']).toMatchObject({
			kind: 'choice',
			correct: true,
		});
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`has no axe violations unanswered, answered right, answered wrong and finished (${theme})`, async ({
			page,
		}) => {
			test.slow(); // axe runs several times
			await useTheme(page, theme);
			await page.goto(GUIDE);
			const quiz = await widget(page, 'quiz');
			expect(await axeViolations(page), 'unanswered').toEqual([]);
			await answer(quiz, 1, true);
			expect(await axeViolations(page), 'answered right').toEqual([]);
			await answer(quiz, 2, false);
			await expect(quiz.locator('.aw-result')).toBeVisible();
			expect(await axeViolations(page), 'answered wrong, finished').toEqual([]);
		});
	}
});

test.describe('the quiz without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('shows every question and no answer until a details element is opened', async ({ page }) => {
		await page.goto(GUIDE_SET_PAGES.quiz);
		const quiz = staticWidget(page, 'quiz');
		const first = question(quiz, 1);
		await expect(quiz.getByRole('group', { name: /Question \d+ of/ })).not.toHaveCount(0);
		await expect(quiz.getByRole('radio', { checked: true })).toHaveCount(0);
		await expect(quiz.locator('.aw-feedback')).toHaveCount(0);
		await expect(quiz.getByRole('group', { name: 'Check: how sure are you?' }).first()).toBeHidden();
		const review = first.locator('details.aw-reveal');
		await expect(review.locator('.aw-review__item').first()).toBeHidden();
		await expect(review.getByText(/^✓ Right/)).toBeHidden();
		await review.locator('summary').click();
		await expect(review.locator('.aw-review__item').first()).toBeVisible();
		await expect(review.getByText(/Right/).first()).toBeVisible();
	});
});
