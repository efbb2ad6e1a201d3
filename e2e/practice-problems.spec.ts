import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { useTheme } from './site.ts';
import { axeViolations, blockStorage, GUIDE, GUIDE_SET_PAGES, rightOption, staticWidget, widget } from './practice.ts';

const problem = (practice: Locator, number: number) => practice.locator('li.aw-list__item').nth(number - 1);

async function solve(item: Locator, right: boolean) {
	const correct = await rightOption(item);
	const options = item.getByRole('radio');
	await options.nth(right ? correct : (correct + 1) % (await options.count())).check();
	await item.getByRole('button', { name: 'Unsure' }).click();
}

test.describe('practice problems', () => {
	test('show a counter, the difficulty, the options and a hint on request', async ({ page }) => {
		await page.goto(GUIDE);
		const practice = await widget(page, 'practice');
		const count = await practice.locator('li.aw-list__item').count();
		const first = problem(practice, 1);
		await expect(first.getByRole('group', { name: new RegExp(`^Problem 1 of ${count}`) })).toBeVisible();
		await expect(first.locator('.aw-tag')).toHaveText(/Difficulty: (easy|medium|hard)/);
		const hint = first.locator('details.aw-hint');
		await expect(hint.locator('.aw-md')).toBeHidden();
		await hint.getByText('Hint').click();
		await expect(hint.locator('.aw-md')).toBeVisible();
	});

	test('after checking, show the steps, the final answer, a quick check and the common mistakes', async ({ page }) => {
		await page.goto(GUIDE);
		const practice = await widget(page, 'practice');
		const first = problem(practice, 1);
		await solve(first, true);
		await expect(first.locator('.aw-feedback')).toBeFocused();
		await expect(first.locator('.aw-feedback')).toContainText('Correct.');
		const solution = first.locator('details.aw-reveal');
		await expect(solution).toHaveAttribute('open');
		for (const heading of ['Solution, step by step', 'Final answer', 'Quick check', 'Common mistakes']) {
			await expect(solution.getByText(heading, { exact: true })).toBeVisible();
		}
		await expect(solution.locator('ol.aw-steps > li').first()).toBeVisible();
		await expect(practice.locator('.aw-status')).toHaveText(/^Solved 1 of \d+\.$/);
	});

	test('let the reader try again after a wrong answer, and remember the result after a reload', async ({ page }) => {
		await page.goto(GUIDE);
		let practice = await widget(page, 'practice');
		await solve(problem(practice, 1), false);
		await expect(problem(practice, 1).locator('.aw-feedback')).toContainText('Incorrect.');
		await problem(practice, 1).getByRole('button', { name: 'Try again' }).click();
		await expect(problem(practice, 1).getByRole('radio').first()).toBeFocused();
		await solve(problem(practice, 1), true);
		await page.reload();
		practice = await widget(page, 'practice');
		await expect(problem(practice, 1).locator('.aw-feedback')).toContainText('Correct.');
	});

	test('keep working when localStorage throws on every access', async ({ page }) => {
		await blockStorage(page);
		await page.goto(GUIDE);
		const practice = await widget(page, 'practice');
		await solve(problem(practice, 1), true);
		await expect(problem(practice, 1).locator('.aw-feedback')).toContainText('Correct.');
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`have no axe violations unanswered, wrong and right (${theme})`, async ({ page }) => {
			test.slow(); // axe runs several times
			await useTheme(page, theme);
			await page.goto(GUIDE);
			const practice = await widget(page, 'practice');
			expect(await axeViolations(page, '.aw-practice'), 'unanswered').toEqual([]);
			await solve(problem(practice, 1), false);
			expect(await axeViolations(page, '.aw-practice'), 'wrong').toEqual([]);
			await problem(practice, 1).getByRole('button', { name: 'Try again' }).click();
			await solve(problem(practice, 1), true);
			expect(await axeViolations(page, '.aw-practice'), 'right').toEqual([]);
		});
	}
});

test.describe('practice problems without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('show every problem with hint and solution closed', async ({ page }) => {
		await page.goto(GUIDE_SET_PAGES.practice);
		const practice = staticWidget(page, 'practice');
		const first = problem(practice, 1);
		await expect(first.getByRole('radio', { checked: true })).toHaveCount(0);
		const solution = first.locator('details.aw-reveal');
		await expect(solution.getByText('Final answer', { exact: true })).toBeHidden();
		await solution.getByText('Show the solution').click();
		await expect(solution.getByText('Final answer', { exact: true })).toBeVisible();
	});
});
