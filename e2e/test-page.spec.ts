import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { useTheme } from './site.ts';
import { axeViolations, blockStorage, rightOption, staticWidget, storedProgress, widget } from './practice.ts';

const TEST = '/test/';

const questions = (root: Locator) => root.locator('ol.aw-list > li');

/** The prompts of the drawn questions, in order: what identifies a draw. */
async function prompts(root: Locator): Promise<string[]> {
	return root.locator('.aw-q__prompt').allTextContents();
}

async function difficulties(root: Locator): Promise<string[]> {
	return (await root.locator('.aw-q__legend .aw-tag').allTextContents()).map((text) =>
		text.replace('Difficulty: ', ''),
	);
}

/** Answers every question: right for the first `right` questions, wrong for the rest. */
async function answerAll(root: Locator, right: number) {
	const count = await questions(root).count();
	for (let index = 0; index < count; index++) {
		const item = questions(root).nth(index);
		const correct = await rightOption(item);
		const options = item.getByRole('radio');
		await options.nth(index < right ? correct : (correct + 1) % (await options.count())).check();
	}
}

async function openTest(page: Page, search = '') {
	await page.goto(`${TEST}${search}`);
	const root = await widget(page, 'test');
	await expect(root).toHaveAttribute('data-seed', new URLSearchParams(search).get('seed') ?? 'start');
	return root;
}

test.describe('the test page', () => {
	test('draws ten questions: 3 easy, 4 medium and 3 hard', async ({ page }) => {
		const root = await openTest(page);
		await expect(questions(root)).toHaveCount(10);
		expect(await difficulties(root)).toEqual([
			...Array(3).fill('easy'),
			...Array(4).fill('medium'),
			...Array(3).fill('hard'),
		]);
	});

	test('draws the same questions for the same seed and other questions for another seed', async ({ page }) => {
		const first = await prompts(await openTest(page, '?seed=share1'));
		expect(first).toHaveLength(10);
		expect(await prompts(await openTest(page, '?seed=share1'))).toEqual(first);
		expect(await prompts(await openTest(page, '?seed=other2'))).not.toEqual(first);
		expect(await prompts(await openTest(page))).not.toEqual(first);
	});

	test('scores the test, reviews every option with a link to the lesson section, and suggests lessons', async ({
		page,
		request,
	}) => {
		const root = await openTest(page, '?seed=review');
		await answerAll(root, 6);
		await root.getByRole('button', { name: 'Submit my answers' }).click();
		const result = root.locator('.aw-result');
		await expect(result).toBeFocused();
		await expect(result).toContainText('You scored 6 of 10.');

		for (let index = 0; index < 10; index++) {
			const item = questions(root).nth(index);
			await expect(item.locator('.aw-feedback')).toContainText(index < 6 ? 'Correct.' : 'Incorrect.');
			const review = item.locator('details.aw-reveal');
			await expect(review).toHaveAttribute('open');
			await expect(review.locator('.aw-review__item')).toHaveCount(await item.getByRole('radio').count());
			const link = review.locator('.aw-lesson-link a');
			const href = (await link.getAttribute('href')) ?? '';
			expect(href).toMatch(/^\/lessons\/[a-z0-9-]+\/(#[a-z0-9-]+)?$/);
			const [path, anchor] = href.split('#');
			const html = await (await request.get(path ?? '')).text();
			if (anchor) expect(html, `${href} has the section`).toContain(`id="${anchor}"`);
		}

		// The lessons to read are those of the missed questions, in the sidebar's lesson order.
		const missedLessons = new Set<string>();
		for (let index = 6; index < 10; index++) {
			const href = (await questions(root).nth(index).locator('.aw-lesson-link a').getAttribute('href')) ?? '';
			missedLessons.add(href.split('#')[0] ?? '');
		}
		const suggested = await result
			.locator('ul:not(.aw-missed) a')
			.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
		expect(new Set(suggested)).toEqual(missedLessons);
		await page.goto('/lessons/event-loop/');
		const order = await page
			.getByRole('navigation', { name: 'Main' })
			.locator('a[href^="/lessons/"]')
			.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
		expect(suggested).toEqual(order.filter((href) => missedLessons.has(href ?? '')));
	});

	test('records the result and each answer as a test result, leaving lesson practice untouched', async ({ page }) => {
		const root = await openTest(page, '?seed=record');
		await answerAll(root, 10);
		await root.getByRole('button', { name: 'Submit my answers' }).click();
		await expect(root.locator('.aw-result')).toContainText('You scored 10 of 10.');
		const stored = await storedProgress(page);
		expect(stored?.tests).toEqual([expect.objectContaining({ seed: 'record', score: 10, total: 10, missed: [] })]);
		const [run] = (stored?.tests ?? []) as { answers: { correct: boolean }[] }[];
		expect(run?.answers.filter((answer) => answer.correct)).toHaveLength(10);
		expect(stored?.items).toEqual({});
	});

	test('a retake draws a new set under a new seed in the URL', async ({ page }) => {
		const root = await openTest(page);
		const before = await prompts(root);
		await root.getByRole('button', { name: 'Submit my answers' }).click();
		await root.getByRole('button', { name: 'Retake with new questions' }).click();
		await expect(page).toHaveURL(/\?seed=[a-z0-9]{6}$/);
		const seed = new URL(page.url()).searchParams.get('seed') ?? '';
		await expect(root).toHaveAttribute('data-seed', seed);
		expect(await prompts(root)).not.toEqual(before);
		await expect(root.getByRole('radio', { checked: true })).toHaveCount(0);
		await expect(root.locator('.aw-result')).toHaveCount(0);
		// The URL reproduces the new draw.
		const drawn = await prompts(root);
		expect(await prompts(await openTest(page, `?seed=${seed}`))).toEqual(drawn);
	});

	test('works when localStorage throws on every access', async ({ page }) => {
		await blockStorage(page);
		const root = await openTest(page);
		await answerAll(root, 3);
		await root.getByRole('button', { name: 'Submit my answers' }).click();
		await expect(root.locator('.aw-result')).toContainText('You scored 3 of 10.');
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`has no axe violations unanswered and after submitting (${theme})`, async ({ page }) => {
			test.slow(); // axe runs twice over a long page
			await useTheme(page, theme);
			const root = await openTest(page);
			expect(await axeViolations(page, '.aw-test'), 'unanswered').toEqual([]);
			await answerAll(root, 5);
			await root.getByRole('button', { name: 'Submit my answers' }).click();
			await expect(root.locator('.aw-result')).toBeVisible();
			expect(await axeViolations(page, '.aw-test'), 'finished').toEqual([]);
		});
	}
});

test.describe('the test page without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('shows the default draw with every answer in a closed details element', async ({ page }) => {
		await page.goto(TEST);
		const root = staticWidget(page, 'test');
		await expect(questions(root)).toHaveCount(10);
		expect(await difficulties(root)).toEqual([
			...Array(3).fill('easy'),
			...Array(4).fill('medium'),
			...Array(3).fill('hard'),
		]);
		await expect(root.getByRole('radio', { checked: true })).toHaveCount(0);
		await expect(root.locator('.aw-feedback')).toHaveCount(0);
		await expect(root.getByRole('button', { name: 'Submit my answers' })).toBeHidden();
		const first = questions(root).first().locator('details.aw-reveal');
		await expect(first.locator('.aw-review__item').first()).toBeHidden();
		await first.locator('summary').click();
		await expect(first.locator('.aw-review__item').first()).toBeVisible();
		await expect(first.locator('.aw-lesson-link a')).toHaveAttribute('href', /^\/lessons\//);
	});
});
