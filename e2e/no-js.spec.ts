/**
 * Without JavaScript every page reads fully and gives nothing away: the islands' server-rendered HTML shows
 * every question, every answer sits in a closed <details>, and opening one shows what it holds. A lesson
 * shows each practice set's summary and links to the set on the lesson's practice page, where the set is whole.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { builtPagePaths } from './site.ts';

test.use({ javaScriptEnabled: false });

/** What must never be visible before the reader opens a <details>: verdicts, feedback, scores. */
const ANSWER_SELECTORS = [
	'.aw-feedback',
	'.aw-verdict',
	'.aw-result',
	'.aw-review',
	'[data-state="right"]',
	'[data-state="wrong"]',
];

async function visibleAnswers(page: Page): Promise<string[]> {
	return page
		.locator(ANSWER_SELECTORS.join(', '))
		.evaluateAll((elements) =>
			elements
				.filter((element) => element.checkVisibility())
				.map((element) => `${element.className}: ${(element.textContent ?? '').trim().slice(0, 80)}`),
		);
}

for (const path of builtPagePaths()) {
	test(`${path} reads fully without JavaScript and shows no answer before it is asked for`, async ({ page }) => {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
		const main = page.locator('main');
		expect((await main.innerText()).trim().length, `${path} has readable text`).toBeGreaterThan(200);

		// Every code block can be scrolled by keyboard from the HTML (src/lib/site/code-block-focus-plugin.ts).
		const unfocusable = page.locator('main .expressive-code pre:not([tabindex="0"])');
		expect(await unfocusable.count(), `${path}: code blocks without tabindex="0"`).toBe(0);

		// Nothing is answered or revealed yet.
		expect(await page.locator('main details[open]').count(), `${path}: every <details> is closed`).toBe(0);
		expect(await page.locator('main input:checked').count(), `${path}: no option is ticked`).toBe(0);
		expect(await visibleAnswers(page), `${path}: answers visible before any <details> is opened`).toEqual([]);

		// Every <details> has content behind its summary; one of each kind is opened as a reader would.
		const details = page.locator('main details');
		const kinds = await details.evaluateAll((elements) =>
			elements.map((element) => ({
				kind: element.className || 'details',
				content: (element.textContent ?? '').replace(element.querySelector('summary')?.textContent ?? '', '').trim()
					.length,
			})),
		);
		kinds.forEach(({ content }, index) =>
			expect(content, `${path}: <details> ${index + 1} has content`).toBeGreaterThan(0),
		);
		const firstOfKind = new Map<string, number>();
		kinds.forEach(({ kind }, index) => {
			if (!firstOfKind.has(kind)) firstOfKind.set(kind, index);
		});
		for (const index of firstOfKind.values()) {
			const item = details.nth(index);
			await item.locator('summary').first().click();
			await expect(item, `${path}: <details> ${index + 1} opens`).toHaveAttribute('open', '');
			await expect(
				item.locator(':scope > :not(summary)').first(),
				`${path}: <details> ${index + 1} shows its content`,
			).toBeVisible();
		}
	});
}

test('a lesson links each of its four practice sets to its practice page, which shows it whole, answers behind <details>', async ({
	page,
}) => {
	const lesson = builtPagePaths().find((path) => /\/lessons\/[^/]+\/$/.test(path));
	expect(lesson).toBeDefined();
	for (const name of ['cards', 'quiz', 'explain', 'practice']) {
		await page.goto(lesson ?? '');
		// On the lesson: the set's summary, and the link to its page.
		const set = page.locator(`.aw-${name}`).first();
		await expect(set, `${lesson}: .aw-${name}`).toBeVisible();
		await expect(set.locator('.aw-status').first()).toHaveText(/^\d+ \w+/);
		await set.getByRole('link', { name: /on the practice page/ }).click();
		// On the lesson's practice page, at the set's anchor: every item, answers closed.
		await expect(page).toHaveURL(/\/practice\/[^/]+\/#[a-z-]+$/);
		const widget = page.locator(`.aw-${name}`).first();
		await expect(widget).toBeInViewport();
		await expect(widget.locator('li').first(), `${page.url()}: .aw-${name} lists its items`).toBeVisible();
		// …and a way back to the set on the lesson, by its stable anchor.
		await expect(page.locator(`main a[href^="${lesson ?? ''}#set-"]`).first()).toBeVisible();
	}
	await page.goto(lesson ?? '');
	await page.locator('.aw-quiz').getByRole('link').click();
	const quiz = page.locator('.aw-quiz li').first();
	// The question and its options are readable; the answer is behind a closed <details>.
	await expect(quiz.getByRole('radio').first()).toBeVisible();
	const reveal = quiz.locator('details.aw-reveal');
	await expect(reveal.locator('.aw-review')).toBeHidden();
	await reveal.locator('summary').click();
	await expect(reveal.locator('.aw-review')).toBeVisible();
	await expect(reveal.locator('.aw-verdict', { hasText: 'Right' }).first()).toBeVisible();
});

test('the test and progress pages explain what needs JavaScript', async ({ page }) => {
	// Chromium with scripts disabled by the test still parses <noscript> as text, so read the markup.
	const response = await page.goto('/test/');
	expect(await response?.text()).toMatch(/<noscript>.*Without JavaScript you see one fixed set of questions/);
	await expect(page.locator('.aw-test').getByRole('radio').first()).toBeVisible();
	const progress = await page.goto('/progress/');
	expect(await progress?.text()).toMatch(
		/<noscript>.*Your progress is stored in this browser and shown with JavaScript/,
	);
});
