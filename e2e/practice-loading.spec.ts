/**
 * How practice loads. A lesson's HTML carries each set's summary and a link to the set on the lesson's
 * practice page; with JavaScript the lesson's practice data is fetched once, right after the page loads, and
 * every set island renders its set from it. The practice page renders every set on the server.
 */
import { expect, test, type Page } from '@playwright/test';
import { GUIDE, GUIDE_PRACTICE, GUIDE_SET_PAGES, widget } from './practice.ts';
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
	test("the lesson's practice data is fetched once, at load, and every set renders from it", async ({ page }) => {
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		const lesson = await firstLesson(page);
		await page.goto(lesson);
		await expect(page.locator('[data-pending]')).toHaveCount(0);
		for (const name of ['cards', 'quiz', 'explain', 'practice']) {
			await expect(page.locator(`.aw-${name} li`).first()).toBeAttached();
		}
		const slug = lesson.split('/').at(-2) ?? '';
		expect(requested.filter((path) => path.endsWith('.json'))).toEqual([`/practice/${slug}.json`]);
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

	test('sets whose data cannot be loaded say so and keep the link to the practice page', async ({ page }) => {
		await page.route('**/practice/guide.json', (route) => route.fulfill({ status: 503, body: '' }));
		await page.goto(GUIDE);
		const quiz = page.locator('.aw-quiz').first();
		await quiz.scrollIntoViewIfNeeded();
		await expect(quiz.getByRole('alert')).toContainText('could not be loaded');
		await expect(quiz.getByRole('link', { name: 'Open the quiz on the practice page' })).toHaveAttribute(
			'href',
			GUIDE_SET_PAGES.quiz,
		);
		await expect(page.locator('.aw-explain').first().getByRole('alert')).toContainText('could not be loaded');
	});
});

test.describe("loading a lesson's practice page", () => {
	for (const name of Object.keys(GUIDE_SET_PAGES)) {
		test(`hydrating the ${name} island shifts nothing`, async ({ page }) => {
			await countShifts(page);
			// Hold the lesson's data back until the server-rendered preview is measured.
			let release = () => {};
			const held = new Promise<void>((resolve) => (release = resolve));
			await page.route('**/practice/guide.json', async (route) => {
				await held;
				await route.continue();
			});
			await page.goto(GUIDE_PRACTICE);
			const root = page.locator(`.aw-${name}`).first();
			await root.scrollIntoViewIfNeeded();
			await expect(root).toHaveAttribute('data-pending');
			const before = await root.boundingBox();
			release();
			await widget(page, name as keyof typeof GUIDE_SET_PAGES);
			expect((await root.boundingBox())?.height).toBe(before?.height);
			await expectNoShift(page, `${GUIDE_PRACTICE}: layout shift while hydrating the ${name}`);
		});
	}
});
