/**
 * How practice loads. A lesson's HTML carries each set's summary and a link to the set's own page; with
 * JavaScript the set's island hydrates as the reader scrolls towards it and fetches the set's data, ahead of
 * the viewport, so the widget is there before the reader is. A set's own page renders the set on the server.
 */
import { expect, test, type Page } from '@playwright/test';
import { GUIDE, GUIDE_SET_PAGES, widget } from './practice.ts';
import { sitemapPaths } from './site.ts';

async function countShifts(page: Page): Promise<void> {
	await page.addInitScript(() => {
		(window as unknown as { shifts: number }).shifts = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
				if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
}

/**
 * Cumulative layout shift as Lighthouse reports it (three decimals) must be 0.000. A sub-pixel rounding
 * difference while a slow machine hydrates has measured 0.0002; a real shift of one line is ~0.01.
 */
async function expectNoShift(page: Page, where: string): Promise<void> {
	await page.waitForTimeout(300);
	expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts), where).toBeLessThan(0.0005);
}

async function firstLesson(page: Page): Promise<string> {
	const lesson = (await sitemapPaths(page.request)).find((path) => /\/lessons\/[^/]+\/$/.test(path));
	expect(lesson).toBeDefined();
	return lesson ?? '';
}

test.describe('loading the practice on a lesson', () => {
	test('no island code and no set data load until the reader scrolls towards the practice', async ({ page }) => {
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		await page.goto(await firstLesson(page));
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(500);
		const islandUrls = await page
			.locator('astro-island')
			.evaluateAll((islands) => islands.map((island) => island.getAttribute('component-url') ?? ''));
		expect(islandUrls.length).toBeGreaterThanOrEqual(5);
		expect(requested.filter((path) => islandUrls.includes(path) || path.endsWith('.json'))).toEqual([]);
		await widget(page, 'quiz');
		expect(requested.filter((path) => islandUrls.includes(path)).length).toBeGreaterThan(0);
		expect(requested.filter((path) => /^\/practice\/.+\/quiz\.json$/.test(path))).toHaveLength(1);
	});

	test('a set is loaded and shown before it scrolls into view', async ({ page }) => {
		await page.goto(await firstLesson(page));
		const heading = page.getByRole('heading', { name: 'Recall & review', level: 2 });
		// Bring the section to 500 px below the bottom of the viewport, inside the islands' 2000 px margin.
		const top = await heading.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
		const viewport = page.viewportSize()?.height ?? 720;
		await page.evaluate((y) => window.scrollTo(0, y), top - viewport - 500);
		const cards = page.locator('.aw-cards').first();
		await expect(cards).not.toHaveAttribute('data-pending');
		await expect(cards.getByText(/^Card 1 of \d+/)).toBeAttached();
		await expect(cards).not.toBeInViewport();
	});

	test('scrolling down a lesson, as a reader does, shifts nothing on screen', async ({ page }) => {
		test.setTimeout(90_000);
		await countShifts(page);
		await page.goto(await firstLesson(page));
		// Down to the end of the page, which grows as the sets arrive, at a brisk reader's 2000 px a second.
		const atEnd = () => page.evaluate(() => window.scrollY + window.innerHeight >= document.body.scrollHeight - 2);
		for (let step = 0; step < 500 && !(await atEnd()); step++) {
			await page.mouse.wheel(0, 300);
			await page.waitForTimeout(150);
		}
		await expect(page.locator('[data-pending]')).toHaveCount(0);
		await expectNoShift(page, 'layout shift while scrolling');
	});

	test('a set whose data cannot be loaded says so and keeps the link to its page', async ({ page }) => {
		await page.route('**/practice/guide/quiz.json', (route) => route.fulfill({ status: 503, body: '' }));
		await page.goto(GUIDE);
		const quiz = page.locator('.aw-quiz').first();
		await quiz.scrollIntoViewIfNeeded();
		await expect(quiz.getByRole('alert')).toContainText('could not be loaded');
		await expect(quiz.getByRole('link', { name: 'Open the quiz on its own page' })).toHaveAttribute(
			'href',
			GUIDE_SET_PAGES.quiz,
		);
		// The other sets are unaffected.
		await expect((await widget(page, 'explain')).locator('textarea').first()).toBeVisible();
	});
});

test.describe("loading a set's own page", () => {
	for (const [name, path] of Object.entries(GUIDE_SET_PAGES)) {
		test(`hydrating the ${name} island shifts nothing`, async ({ page }) => {
			await countShifts(page);
			await page.goto(path);
			const root = page.locator(`.aw-${name}`).first();
			const before = await root.boundingBox();
			await widget(page, name as keyof typeof GUIDE_SET_PAGES);
			expect((await root.boundingBox())?.height).toBe(before?.height);
			await expectNoShift(page, `${path}: layout shift while hydrating`);
		});
	}
});
