import { expect, test } from './fixtures.ts';
import { useTheme } from './site.ts';
import { axeViolations, blockStorage, GUIDE, GUIDE_SET_PAGES, staticWidget, widget } from './practice.ts';

test.describe('explain it', () => {
	test('keeps the reader’s answer in the browser across a reload', async ({ page }) => {
		await page.goto(GUIDE);
		let explain = await widget(page, 'explain');
		const text = 'filter() only builds a lazy QuerySet, so there is nothing to await.';
		await explain.getByRole('textbox', { name: /Your answer/ }).fill(text);
		await explain.getByRole('textbox', { name: /Your answer/ }).blur();
		await page.reload();
		explain = await widget(page, 'explain');
		await expect(explain.getByRole('textbox', { name: /Your answer/ })).toHaveValue(text);
	});

	test('gives a hint on request, then the model answer and a checklist of key concepts', async ({ page }) => {
		await page.goto(GUIDE);
		const explain = await widget(page, 'explain');
		const hint = explain.locator('details.aw-hint');
		await expect(hint.locator('.aw-md')).toBeHidden();
		await hint.getByText('Hint').click();
		await expect(hint.locator('.aw-md')).toBeVisible();

		const model = explain.locator('details.aw-reveal');
		await model.getByText('Show the model answer').click();
		const concepts = model.getByRole('checkbox');
		const total = await concepts.count();
		expect(total).toBeGreaterThanOrEqual(2);
		await expect(model.locator('[aria-live]')).toHaveText(`You covered 0/${total} concepts.`);
		await concepts.nth(0).check();
		await concepts.nth(1).check();
		await expect(model.locator('[aria-live]')).toHaveText(`You covered 2/${total} concepts.`);
		await expect(explain).toContainText('compared with the model answer');

		await page.reload();
		const restored = await widget(page, 'explain');
		// The model answer is closed again after a reload; its ticks are kept.
		await expect(restored.locator('details.aw-reveal input[type="checkbox"]').nth(1)).toBeChecked();
		await expect(restored.locator('details.aw-reveal [aria-live]')).toHaveText(`You covered 2/${total} concepts.`);
	});

	test('keeps working when localStorage throws on every access', async ({ page }) => {
		await blockStorage(page);
		await page.goto(GUIDE);
		const explain = await widget(page, 'explain');
		await explain.getByRole('textbox', { name: /Your answer/ }).fill('Still typing.');
		await explain.getByText('Show the model answer').click();
		await explain.getByRole('checkbox').first().check();
		await expect(explain.locator('details.aw-reveal [aria-live]')).toContainText('You covered 1/');
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`has no axe violations before and after comparing (${theme})`, async ({ page }) => {
			test.slow(); // axe runs several times
			await useTheme(page, theme);
			await page.goto(GUIDE);
			const explain = await widget(page, 'explain');
			expect(await axeViolations(page, '.aw-explain'), 'empty').toEqual([]);
			await explain.getByRole('textbox', { name: /Your answer/ }).fill('An answer.');
			await explain.getByText('Hint').click();
			await explain.getByText('Show the model answer').click();
			await explain.getByRole('checkbox').first().check();
			expect(await axeViolations(page, '.aw-explain'), 'compared').toEqual([]);
		});
	}
});

test.describe('explain it without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('shows the question and a text area, with the model answer and its unticked checklist closed', async ({
		page,
	}) => {
		await page.goto(GUIDE_SET_PAGES.explain);
		const explain = staticWidget(page, 'explain');
		await expect(explain.getByRole('textbox', { name: /Your answer/ })).toBeVisible();
		const model = explain.locator('details.aw-reveal');
		await expect(model.locator('.aw-md').first()).toBeHidden();
		await expect(explain.getByRole('checkbox', { checked: true })).toHaveCount(0);
		await model.getByText('Show the model answer').click();
		await expect(model.locator('.aw-md').first()).toBeVisible();
	});
});
