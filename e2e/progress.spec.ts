import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { useTheme } from './site.ts';
import {
	axeViolations,
	blockStorage,
	GUIDE,
	rightOption,
	STORAGE_KEY,
	storedProgress,
	storeRaw,
	widget,
} from './practice.ts';

const PROGRESS = '/progress/';

/** The overview's entry for a lesson, found by its link. */
const lessonEntry = (root: Locator, href: string) =>
	root.locator('li.aw-pg__lesson').filter({ has: root.page().locator(`a[href="${href}"]`) });
/** The count beside one pattern's bar ("Quiz questions right … 1 of 8"). */
const countOf = (entry: Locator, label: string) =>
	entry.locator('.aw-bar', { hasText: label }).locator('.aw-bar__count');

async function answerFirstQuizQuestion(page: Page, lesson: string, right: boolean) {
	await page.goto(lesson);
	const quiz = await widget(page, 'quiz');
	const item = quiz.locator('ol.aw-list > li').first();
	const correct = await rightOption(item);
	const options = item.getByRole('radio');
	await options.nth(right ? correct : (correct + 1) % (await options.count())).check();
	await item.getByRole('button', { name: 'Unsure' }).click();
	await expect(item.locator('.aw-feedback')).toBeVisible();
}

interface Question {
	id: string;
	hash: string;
}

/** A lesson's slug (from its link) and its quiz questions, from the data its pages load. */
async function quizOf(page: Page, href: string): Promise<{ slug: string; quiz: Question[] }> {
	const slug = href.split('/').filter(Boolean).at(-1) ?? '';
	const data = (await (await page.request.get(`/practice/${slug}.json`)).json()) as {
		sets: { type: string; items: Question[] }[];
	};
	return { slug, quiz: data.sets.filter((set) => set.type === 'quiz').flatMap((set) => set.items) };
}

/** A stored document (version 2) with a right answer to each of these questions, as stored with `hash`. */
const storedAnswers = (questions: readonly (Question | undefined)[]) => ({
	v: 2,
	items: Object.fromEntries(
		questions.flatMap((question) =>
			question
				? [
						[
							question.id,
							{ kind: 'choice', hash: question.hash, at: 1_767_225_600_000, attempts: 1, choice: 0, correct: true },
						],
					]
				: [],
		),
	),
	tests: [],
	review: {},
	aside: {},
});

test.describe('progress', () => {
	test('the overview counts what the reader did in each lesson', async ({ page }) => {
		await page.goto(PROGRESS);
		let root = await widget(page, 'progress');
		const first = root.locator('li.aw-pg__lesson').first();
		const href = (await first.locator('a').first().getAttribute('href')) ?? '';
		const total = Number((await countOf(first, 'Quiz questions right').textContent())?.match(/of (\d+)/)?.[1]);
		await expect(countOf(first, 'Quiz questions right')).toHaveText(`0 of ${total}`);

		await answerFirstQuizQuestion(page, href, true);
		await page.goto(PROGRESS);
		root = await widget(page, 'progress');
		await expect(countOf(lessonEntry(root, href), 'Quiz questions right')).toHaveText(`1 of ${total}`);
	});

	test('the overview loads the data of only the lessons the reader answered, and tells a changed answer from a current one', async ({
		page,
	}) => {
		const requested: string[] = [];
		page.on('request', (request) => {
			const path = new URL(request.url()).pathname;
			if (/^\/practice\/[^/]+\.json$/.test(path)) requested.push(path);
		});
		await page.goto(PROGRESS);
		let root = await widget(page, 'progress');
		const first = root.locator('li.aw-pg__lesson').first();
		const href = (await first.locator('a').first().getAttribute('href')) ?? '';
		expect(requested, 'with nothing stored, no lesson data is fetched').toEqual([]);

		const { slug, quiz } = await quizOf(page, href);
		const [current, edited] = quiz;
		expect(edited, 'the lesson has two quiz questions').toBeDefined();
		await storeRaw(
			page,
			JSON.stringify(storedAnswers([current, { id: edited?.id ?? '', hash: 'an-earlier-version' }])),
		);
		root = await widget(page, 'progress');
		await expect(countOf(lessonEntry(root, href), 'Quiz questions right')).toHaveText(
			`1 of ${quiz.length} (1 changed since you answered)`,
		);
		expect(requested).toEqual([`/practice/${slug}.json`]);
	});

	test("when a lesson's data cannot be loaded the overview says so, shows the rest, and imports nothing", async ({
		page,
	}) => {
		await page.goto(PROGRESS);
		let root = await widget(page, 'progress');
		const href = (await root.locator('li.aw-pg__lesson').first().locator('a').first().getAttribute('href')) ?? '';
		const { slug, quiz } = await quizOf(page, href);
		const stored = JSON.stringify(storedAnswers(quiz.slice(0, 1)));
		await page.route(`**/practice/${slug}.json`, (route) => route.fulfill({ status: 503, body: '' }));
		await storeRaw(page, stored);
		root = await widget(page, 'progress');
		await expect(root.getByRole('alert')).toHaveText(
			'Your answers in 1 lesson could not be loaded. Check your connection and reload the page.',
		);
		await expect(lessonEntry(root, href)).toContainText('Your answers in this lesson could not be loaded.');
		await expect(root.getByRole('heading', { name: 'Test results' })).toBeVisible();
		await expect(root.locator('li.aw-pg__lesson').nth(1).locator('.aw-bar').first()).toBeVisible();

		await root.getByLabel('Import from a file').setInputFiles({
			name: 'progress.json',
			mimeType: 'application/json',
			buffer: Buffer.from(
				JSON.stringify({ app: 'awaitable-progress', exported: 1, ...storedAnswers(quiz.slice(0, 2)) }),
			),
		});
		await expect(root.getByRole('status').filter({ hasText: 'Nothing was imported' })).toHaveText(
			'Nothing was imported: the questions to check it against could not be loaded. Check your connection and try again.',
		);
		expect(JSON.stringify(await storedProgress(page))).toBe(stored);
	});

	test('each lesson page shows a small status of its practice', async ({ page }) => {
		await page.goto(GUIDE);
		const status = page.locator('.aw-lesson-status');
		await status.scrollIntoViewIfNeeded();
		await expect(status).toHaveText(/^Your progress on this page: 0 of \d+ done$/);
		const total = Number((await status.textContent())?.match(/of (\d+)/)?.[1]);
		const quiz = await widget(page, 'quiz');
		const item = quiz.locator('ol.aw-list > li').first();
		await item
			.getByRole('radio')
			.nth(await rightOption(item))
			.check();
		await item.getByRole('button', { name: 'Unsure' }).click();
		await expect(status).toHaveText(`Your progress on this page: 1 of ${total} done`);
		await expect(status.getByRole('link', { name: 'Your progress' })).toHaveAttribute('href', PROGRESS);
	});

	test('test results appear with a link to take the same questions again', async ({ page }) => {
		await page.goto('/test/?seed=prog42');
		const test = await widget(page, 'test');
		// The seed's questions load after hydration; submitting before they arrive submits another draw.
		await expect(test).toHaveAttribute('data-seed', 'prog42');
		await test.getByRole('button', { name: 'Submit my answers' }).click();
		await expect(test.locator('.aw-result')).toContainText('You scored 0 of 10.');
		await page.goto(PROGRESS);
		const root = await widget(page, 'progress');
		const result = root.locator('ol.aw-tests > li').first();
		await expect(result).toContainText('0 of 10');
		await expect(result.getByRole('link')).toHaveAttribute('href', '/test/?seed=prog42');
	});

	test('reset deletes everything after a confirmation, including answers to ids that no longer exist', async ({
		page,
	}) => {
		await page.goto(PROGRESS);
		const gone = { kind: 'choice', hash: 'x', at: 1, attempts: 1, choice: 0, correct: true };
		await storeRaw(page, JSON.stringify({ v: 1, items: { 'a-removed-question': gone }, tests: [] }));
		const root = await widget(page, 'progress');
		await expect(root.getByText('No test taken yet.')).toBeVisible();
		// Unknown ids are ignored, not deleted.
		expect((await storedProgress(page))?.items['a-removed-question']).toEqual(gone);

		await root.getByRole('button', { name: 'Reset my progress' }).click();
		await expect(root.getByRole('button', { name: 'Cancel' })).toBeFocused();
		await root.getByRole('button', { name: 'Cancel' }).click();
		expect(await storedProgress(page)).not.toBeNull();

		await root.getByRole('button', { name: 'Reset my progress' }).click();
		await root.getByRole('button', { name: 'Yes, reset my progress' }).click();
		await expect(root.getByText('Your progress was reset.')).toBeVisible();
		expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
	});

	test('a corrupted, an outdated or a huge stored value leaves the pages working', async ({ page }) => {
		test.slow(); // four values, two pages each
		for (const raw of [
			'{"v":1,"items":',
			'{"v":0,"answers":[1,2]}',
			'"just a string"',
			`{"v":1,"items":{},"pad":"${'x'.repeat(1_200_000)}"}`,
		]) {
			await page.goto(PROGRESS);
			await storeRaw(page, raw);
			const root = await widget(page, 'progress');
			await expect(root.locator('li.aw-pg__lesson .aw-bar__count').first()).toHaveText(/^0 of \d+$/);
			await page.goto(GUIDE);
			const quiz = await widget(page, 'quiz');
			const item = quiz.locator('ol.aw-list > li').first();
			await item.getByRole('radio').first().check();
			await item.getByRole('button', { name: 'Unsure' }).click();
			await expect(item.locator('.aw-feedback')).toBeVisible();
		}
	});

	test('without storage the overview says progress is kept only until the page is left', async ({ page }) => {
		await blockStorage(page);
		await page.goto(PROGRESS);
		const root = await widget(page, 'progress');
		await expect(root.getByText(/lasts only until you leave the page/)).toBeVisible();
		await root.getByRole('button', { name: 'Reset my progress' }).click();
		await root.getByRole('button', { name: 'Yes, reset my progress' }).click();
		await expect(root.getByText('Your progress was reset.')).toBeVisible();
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`the overview has no axe violations, empty, filled and confirming a reset (${theme})`, async ({ page }) => {
			test.slow(); // axe runs three times
			await useTheme(page, theme);
			await page.goto(PROGRESS);
			await widget(page, 'progress');
			expect(await axeViolations(page, '.aw-progress'), 'empty').toEqual([]);
			await storeRaw(
				page,
				JSON.stringify({
					v: 1,
					items: {},
					tests: [{ seed: 'abc123', at: Date.now(), score: 7, total: 10, missed: [] }],
				}),
			);
			const root = await widget(page, 'progress');
			await expect(root.locator('ol.aw-tests > li')).toHaveCount(1);
			expect(await axeViolations(page, '.aw-progress'), 'filled').toEqual([]);
			await root.getByRole('button', { name: 'Reset my progress' }).click();
			expect(await axeViolations(page, '.aw-progress'), 'confirming').toEqual([]);
		});
	}
});

/**
 * Safari deletes script-writable storage after 7 days without a visit; the progress page says so to Safari
 * readers, with the export button in the same line. Detection reads the user agent (`isSafari` in
 * ProgressIsland.tsx): Safari names itself, and so do Chrome, Firefox and Edge on iOS and Chrome everywhere.
 */
const SAFARI_NOTICE = /^Safari deletes what a site stores after 7 days without a visit\. Export your progress/;
const USER_AGENTS = {
	'Safari on a Mac':
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
	'Safari on an iPhone':
		'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
	'Chrome on an iPhone':
		'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
	'Chrome on Android':
		'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
} as const;

for (const [browser, userAgent] of Object.entries(USER_AGENTS)) {
	const safari = browser.startsWith('Safari');
	test.describe(`the progress page in ${browser}`, () => {
		test.use({ userAgent });

		test(`${safari ? 'shows' : 'does not show'} the 7-day storage notice${safari ? ' with the export button next to it' : ''}`, async ({
			page,
		}) => {
			await page.goto(PROGRESS);
			const root = await widget(page, 'progress');
			// The board has rendered (its lessons), so a missing notice is not one still to come.
			await expect(root.locator('li.aw-pg__lesson').first()).toBeVisible();
			const notice = root.locator('p', { hasText: SAFARI_NOTICE });
			if (!safari) {
				await expect(notice).toHaveCount(0);
				return;
			}
			await expect(notice).toBeVisible();
			const download = page.waitForEvent('download');
			await notice.getByRole('button', { name: 'Export my progress' }).click();
			expect((await download).suggestedFilename()).toMatch(/\.json$/);
		});
	});
}

test('the progress page in Chromium does not show the Safari storage notice', async ({ page }) => {
	await page.goto(PROGRESS);
	const root = await widget(page, 'progress');
	await expect(root.locator('li.aw-pg__lesson').first()).toBeVisible();
	expect(await page.evaluate(() => navigator.userAgent)).toMatch(/Chrom/);
	await expect(root.getByText(SAFARI_NOTICE)).toHaveCount(0);
	await expect(root.getByRole('button', { name: 'Export my progress' })).toHaveCount(1);
});
