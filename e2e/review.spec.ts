/**
 * The review queue and keeping progress, with Playwright's clock standing in for the days between visits:
 * a miss comes back the same day (and within the session, in a new order), a sure right answer stays away for
 * at least 3 days and comes back within 30, and the progress page survives export → clear → import and a
 * device link opened in a fresh browser.
 */
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { BrowserError } from './allowed-errors.ts';
import { expect, test, unexpectedErrors, watchErrors } from './fixtures.ts';
import { axeViolations, GUIDE, rightOption, STORAGE_KEY, storedProgress, widget } from './practice.ts';
import { useTheme } from './site.ts';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const T = Date.UTC(2026, 11, 2, 9, 0);
/** The guide's second quiz question: never touched by the lesson steps below. */
const FRESH = 'guide-quiz-await-queryset';

interface Choice {
	html: string;
	correct: boolean;
}

/** The plain text of a question's right choice and of a wrong one, from the data the review page loads. */
async function choicesOf(request: APIRequestContext, id: string): Promise<{ right: string; wrong: string }> {
	const practice = (await (await request.get('/practice/guide.json')).json()) as {
		sets: { items: { id: string; choices?: Choice[] }[] }[];
	};
	const items = practice.sets.flatMap((set) => set.items);
	const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };
	const text = (html: string) =>
		html
			.replace(/<[^>]+>/g, '')
			.replace(/&(lt|gt|amp|quot|#39);/g, (_, name: string) => entities[name] ?? '')
			.trim();
	const choices = items.find((item) => item.id === id)?.choices ?? [];
	return {
		right: text(choices.find((choice) => choice.correct)?.html ?? ''),
		wrong: text(choices.find((choice) => !choice.correct)?.html ?? ''),
	};
}

async function openReview(page: Page, query = ''): Promise<Locator> {
	await page.goto(`/review/${query}`);
	await expect(page.locator('astro-island[component-url*="ReviewIsland"]')).not.toHaveAttribute('ssr', /.*/);
	const root = page.locator('.aw-rv');
	await expect(root).toBeVisible();
	return root;
}

const choiceLabels = (root: Locator) => root.locator('label.aw-choice').allInnerTexts();
const pick = (root: Locator, text: string) => root.locator('label.aw-choice', { hasText: text }).getByRole('radio');

async function openBoard(page: Page): Promise<Locator> {
	await page.goto('/progress/');
	return widget(page, 'progress');
}

/** What the progress page shows, section by section, without the import/export controls and their messages. */
async function boardText(board: Locator): Promise<string[]> {
	await expect(board.locator('.aw-pg__due')).toBeVisible();
	const sections = ['Review', 'Lessons', 'Your common mistakes', 'Test results'];
	return [
		await board.locator('.aw-pg__next').innerText(),
		...(await Promise.all(sections.map((name) => board.getByRole('region', { name }).innerText()))),
	];
}

/** Some progress made through the site: a wrong lesson answer, a test run, a review. */
async function makeProgress(page: Page, request: APIRequestContext): Promise<void> {
	await page.goto(GUIDE);
	const quiz = await widget(page, 'quiz');
	const item = quiz.locator('ol.aw-list > li').first();
	const right = await rightOption(item);
	await item
		.getByRole('radio')
		.nth((right + 1) % (await item.getByRole('radio').count()))
		.check();
	await item.getByRole('button', { name: 'Unsure' }).click();
	await expect(item.locator('.aw-feedback')).toBeVisible();
	await page.goto('/test/?seed=keep42');
	const test = await widget(page, 'test');
	// The seed's questions load after hydration; submitting before they arrive submits another draw.
	await expect(test).toHaveAttribute('data-seed', 'keep42');
	await test.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(test.getByText('You scored 0 of 10.')).toBeVisible();
	const { right: text } = await choicesOf(request, FRESH);
	const root = await openReview(page, `?item=${FRESH}`);
	await pick(root, text).check();
	await root.getByRole('button', { name: 'Sure', exact: true }).click();
	await expect(root.getByText('Right.')).toBeVisible();
}

test.describe('the review queue', () => {
	test('an item missed in a lesson today is due again today, and a miss in review comes back in a new order', async ({
		page,
		request,
	}) => {
		await page.clock.install({ time: T });
		await page.goto(GUIDE);
		const quiz = await widget(page, 'quiz');
		const item = quiz.locator('ol.aw-list > li').first();
		const right = await rightOption(item);
		await item
			.getByRole('radio')
			.nth((right + 1) % (await item.getByRole('radio').count()))
			.check();
		await item.getByRole('button', { name: 'Unsure' }).click();
		await expect(item.locator('.aw-feedback')).toBeVisible();

		let root = await openReview(page);
		await expect(root.getByText('Nothing is due for review.')).toBeVisible();
		await expect(root.getByText('The next item is due in 1 minute.')).toBeVisible();

		// Later the same day.
		await page.clock.setSystemTime(T + 2 * MINUTE);
		root = await openReview(page);
		await expect(page.getByRole('link', { name: 'Review 1 due' })).toBeVisible();
		await expect(root.getByText('1 item left in this session')).toBeVisible();
		const prompt = await root.locator('#aw-review-prompt').innerText();
		const firstOrder = await choiceLabels(root);
		const { right: rightText, wrong: wrongText } = await choicesOf(request, 'guide-quiz-count-published');
		await pick(root, wrongText).check();
		await root.getByRole('button', { name: 'Unsure' }).click();
		await expect(root.locator('#aw-review-feedback')).toBeFocused();
		await expect(root.locator('#aw-review-feedback')).toContainText('It comes back later in this session.');
		await root.getByRole('button', { name: 'Next item' }).click();

		// The same question again, its choices in another order.
		await expect(root.locator('#aw-review-prompt')).toHaveText(prompt);
		expect(await choiceLabels(root)).not.toEqual(firstOrder);
		await pick(root, rightText).check();
		await root.getByRole('button', { name: 'Sure', exact: true }).click();
		await expect(root.getByText(/^Right\. Next review/)).toBeVisible();
		await root.getByRole('button', { name: 'Finish' }).click();
		await expect(root.getByText('Done: 2 reviews in this session. Nothing else is due.')).toBeVisible();
	});

	test('an item answered Sure and right is not due for 3 days and is due within 30', async ({ page, request }) => {
		await page.clock.install({ time: T });
		const { right } = await choicesOf(request, FRESH);
		let root = await openReview(page, `?item=${FRESH}`);
		// Its code is styled as on the lessons' pages (Expressive Code's stylesheet is on this page too): without
		// it the copy button is an empty sliver under the code.
		const copy = await root.locator('#aw-review-prompt button[title="Copy to clipboard"]').boundingBox();
		expect(copy?.width).toBeGreaterThanOrEqual(24);
		// Keyboard only: choose with the arrow keys, then S checks as "Sure" (one key press instead of Enter).
		await pick(root, right).focus();
		await page.keyboard.press('Space');
		await page.keyboard.press('s');
		await expect(root.locator('#aw-review-feedback')).toBeFocused();
		await expect(root.getByText(/^Right\. Next review in \d+ days\./)).toBeVisible();

		await page.clock.setSystemTime(T + 3 * DAY - MINUTE);
		root = await openReview(page);
		await expect(root.getByText('Nothing is due for review.')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Review', exact: true })).toBeVisible();

		await page.clock.setSystemTime(T + 30 * DAY);
		root = await openReview(page);
		await expect(root.getByText('1 item left in this session')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Review 1 due' })).toBeVisible();
	});

	test('lesson answers are scheduled by how sure the reader was: a confident error comes back first, a sure right answer stays away 3 to 30 days', async ({
		page,
	}) => {
		await page.clock.install({ time: T });
		await page.goto(GUIDE);
		const quiz = (await widget(page, 'quiz')).locator('ol.aw-list > li');
		const problems = (await widget(page, 'practice')).locator('ol.aw-list > li');
		const prompts: string[] = [];
		// Quiz question 1 wrong and unsure, question 2 wrong and sure (answered later), problem 1 right and sure.
		for (const [index, right, sure] of [
			[0, false, 'Unsure'],
			[1, false, 'Sure'],
			[2, true, 'Sure'],
		] as const) {
			const item = index < 2 ? quiz.nth(index) : problems.first();
			prompts.push(await item.locator('.aw-q__prompt').innerText());
			const correct = await rightOption(item);
			const option = item
				.getByRole('radio')
				.nth(right ? correct : (correct + 1) % (await item.getByRole('radio').count()));
			await option.check();
			if (index === 2) {
				// From the keyboard, one key press: S for Sure.
				await option.focus();
				await page.keyboard.press('s');
			} else {
				await item.getByRole('button', { name: sure, exact: true }).click();
			}
			await expect(item.locator('.aw-feedback')).toBeFocused();
			await page.clock.runFor(5_000);
		}
		const stored = await storedProgress(page);
		expect(Object.values(stored?.items ?? {}).map((record) => [record['correct'], record['conf']])).toEqual([
			[false, 1],
			[false, 2],
			[true, 2],
		]);

		// Later the same day: both misses are due, the confident one first although it was answered later.
		await page.clock.setSystemTime(T + 2 * MINUTE);
		let root = await openReview(page);
		await expect(page.getByRole('link', { name: 'Review 2 due' })).toBeVisible();
		await expect(root.getByText('2 items left in this session')).toBeVisible();
		await expect(root.locator('#aw-review-prompt')).toHaveText(prompts[1] ?? '');

		// The sure right answer is not due before 3 days have passed…
		await page.clock.setSystemTime(T + 3 * DAY - MINUTE);
		root = await openReview(page);
		await expect(root.getByText('2 items left in this session')).toBeVisible();
		// …and it is due within 30.
		await page.clock.setSystemTime(T + 30 * DAY);
		root = await openReview(page);
		await expect(root.getByText('3 items left in this session')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Review 3 due' })).toBeVisible();
	});

	test('when storage is full the review goes on and says progress is not being saved', async ({ page, request }) => {
		await page.clock.install({ time: T });
		// The quota is full for the progress store's writes (Starlight's own storage keeps working).
		await page.addInitScript((key) => {
			const setItem = Storage.prototype.setItem;
			Storage.prototype.setItem = function (name: string, value: string) {
				if (name === key) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				setItem.call(this, name, value);
			};
		}, STORAGE_KEY);
		const { wrong } = await choicesOf(request, FRESH);
		const root = await openReview(page, `?item=${FRESH}`);
		await pick(root, wrong).check();
		await root.getByRole('button', { name: 'Guess' }).click();
		await expect(root.getByText(/Your progress isn’t being saved/)).toBeVisible();
		await root.getByRole('button', { name: 'Next item' }).click();
		// The miss still comes back in this page's session.
		await expect(root.getByText('1 item left in this session')).toBeVisible();
	});
});

test.describe('the review page at any course size', () => {
	/** A wrong lesson answer to `FRESH` stored long ago: due now. */
	const missedLongAgo = JSON.stringify({
		v: 2,
		items: {
			[FRESH]: { kind: 'choice', hash: 'any', at: Date.UTC(2026, 0, 1), attempts: 1, choice: 0, correct: false },
		},
		tests: [],
		review: {},
		aside: {},
	});

	test('loads the practice data of only the lessons of the items due, and says when it cannot', async ({ page }) => {
		const requested: string[] = [];
		page.on('request', (request) => {
			const path = new URL(request.url()).pathname;
			if (/^\/practice\/[^/]+\.json$/.test(path)) requested.push(path);
		});
		await openReview(page);
		await expect(page.getByText('Nothing is due for review.')).toBeVisible();
		expect(requested, 'with nothing due, no lesson data is fetched').toEqual([]);

		await page.evaluate(([key, value]) => localStorage.setItem(key ?? '', value ?? ''), [STORAGE_KEY, missedLongAgo]);
		let root = await openReview(page);
		await expect(root.locator('#aw-review-prompt')).toBeVisible();
		await expect(root.locator('#aw-review-top')).toHaveText(/^1 item left in this session · from /);
		expect(requested).toEqual(['/practice/guide.json']);

		await page.route('**/practice/guide.json', (route) => route.fulfill({ status: 503, body: '' }));
		root = await openReview(page);
		await expect(root.getByRole('alert')).toHaveText(
			'This item could not be loaded. Check your connection and reload the page.',
		);
		await expect(root.locator('#aw-review-top')).toHaveText(/^1 item left in this session · from /);
	});
});

test.describe('the due count in the header', () => {
	for (const width of [360, 390]) {
		test(`leaves the site title whole on a ${width} px wide phone`, async ({ page }) => {
			await page.setViewportSize({ width, height: 740 });
			await page.clock.install({ time: T });
			await page.goto(GUIDE);
			const quiz = await widget(page, 'quiz');
			const item = quiz.locator('ol.aw-list > li').first();
			await item.getByRole('radio').first().check();
			await item.getByRole('button', { name: 'Guess' }).click();
			await page.clock.setSystemTime(T + 2 * MINUTE);
			await page.goto('/review/');
			await expect(page.getByRole('link', { name: 'Review 1 due' })).toBeVisible();
			// Starlight clips a title that does not fit (overflow: hidden on its text).
			const title = page.locator('header .site-title span').first();
			await expect(title).toHaveText('Awaitable');
			const { scroll, client } = await title.evaluate((element) => ({
				scroll: element.scrollWidth,
				client: element.clientWidth,
			}));
			expect(scroll).toBeLessThanOrEqual(client);
		});
	}
});

test.describe('the test is a test', () => {
	test('answers stay closed until submitting; then each missed question links to its review', async ({ page }) => {
		await page.goto('/test/?seed=miss42');
		const root = await widget(page, 'test');
		// The seed's questions load after hydration; submitting before they arrive submits another draw.
		await expect(root).toHaveAttribute('data-seed', 'miss42');
		const first = root.locator('ol.aw-list > li').first();
		await expect(first.getByText('Show the answer and explanations')).toBeHidden();
		await expect(first.getByText('The answer and explanations open once you submit.')).toHaveCount(0);
		await root.getByRole('button', { name: 'Submit my answers' }).click();
		await expect(first.getByText('Why each option is right or wrong')).toBeVisible();
		const missed = root.locator('ul.aw-missed a');
		await expect(missed).toHaveCount(10);
		await expect(missed.first()).toHaveText(/^Question 1 · /);
		const prompt = await first.locator('.aw-q__prompt').innerText();
		await missed.first().click();
		await expect(page).toHaveURL(/\/review\/\?item=/);
		const review = page.locator('.aw-rv');
		await expect(review.locator('#aw-review-prompt')).toHaveText(prompt);
	});
});

test.describe('progress you cannot lose', () => {
	test('export, clear storage, import restores the progress page exactly', async ({ page, request }) => {
		await page.clock.install({ time: T });
		await makeProgress(page, request);
		await page.clock.setSystemTime(T + DAY);
		let board = await openBoard(page);
		const before = await boardText(board);
		const stored = await storedProgress(page);
		expect(before.join('\n')).toMatch(/sure|await queryset|0 of 10/i);

		const download = page.waitForEvent('download');
		await board.getByRole('button', { name: 'Export my progress' }).first().click();
		const file = await (await download).path();

		await page.evaluate(() => localStorage.clear());
		board = await openBoard(page);
		expect(await boardText(board)).not.toEqual(before);

		await board.getByLabel('Import from a file').setInputFiles(file);
		await expect(board.getByText(/^Progress imported: \d+ items updated\.$/)).toBeVisible();
		expect(await boardText(board)).toEqual(before);
		expect(await storedProgress(page)).toEqual(stored);
		board = await openBoard(page);
		expect(await boardText(board)).toEqual(before);
	});

	test('a device link opened in a fresh browser restores the progress page', async ({ page, request, browser }) => {
		await page.clock.install({ time: T });
		await makeProgress(page, request);
		const board = await openBoard(page);
		const before = await boardText(board);
		await board.getByRole('button', { name: 'Continue on another device' }).click();
		const link = await board.getByLabel(/Open this link on the other device/).inputValue();
		expect(link).toMatch(/\/progress\/#progress=[\w-]+$/);

		const other = await browser.newContext();
		// A context of the test's own: the fixture does not see it, so watch it the same way.
		const errors: BrowserError[] = [];
		await watchErrors(other, errors);
		const fresh = await other.newPage();
		await fresh.clock.install({ time: T });
		await fresh.goto(link);
		const there = await widget(fresh, 'progress');
		await there.getByRole('button', { name: 'Add the linked progress' }).click();
		await expect(there.getByText(/^Progress imported/)).toBeVisible();
		expect(await boardText(there)).toEqual(before);
		expect(new URL(fresh.url()).hash).toBe('');
		expect(unexpectedErrors(errors)).toEqual([]);
		await other.close();
	});

	test('a bad file or a cut-off link changes nothing and says why', async ({ page }) => {
		await page.clock.install({ time: T });
		let board = await openBoard(page);
		const raw = JSON.stringify({ v: 2, items: {}, tests: [], review: {}, aside: { kept: 1 } });
		await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, raw] as const);
		await board.getByLabel('Import from a file').setInputFiles({
			name: 'notes.json',
			mimeType: 'application/json',
			buffer: Buffer.from('My notes on aget'),
		});
		await expect(board.getByText(/it is not JSON\. Nothing was changed\./)).toBeVisible();
		expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(raw);

		// A new document (not a jump within the page), as when the link is opened.
		await page.goto('/review/');
		await page.goto('/progress/#progress=q1YqSy0qzszPU7JSMlTSUcpMUbIyNNBRyk');
		board = await widget(page, 'progress');
		await expect(board.getByRole('alert')).toHaveText(/This link is incomplete/);
		expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(raw);
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`the review and progress pages have no axe violations (${theme})`, async ({ page, request }) => {
			test.slow();
			await useTheme(page, theme);
			await page.clock.install({ time: T });
			await makeProgress(page, request);
			await page.clock.setSystemTime(T + 2 * MINUTE);
			const root = await openReview(page);
			expect(await axeViolations(page, '.aw-rv'), 'a question').toEqual([]);
			await root.locator('label.aw-choice').first().getByRole('radio').check();
			await root.getByRole('button', { name: 'Guess' }).click();
			expect(await axeViolations(page, '.aw-rv'), 'checked').toEqual([]);
			await openBoard(page);
			expect(await axeViolations(page, '.aw-progress'), 'progress').toEqual([]);
			expect(await axeViolations(page, 'header'), 'due count in the header').toEqual([]);
		});
	}
});
