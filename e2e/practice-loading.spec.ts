/**
 * How practice loads. A lesson's HTML carries each set's summary and a link to the set on the lesson's
 * practice page; with JavaScript the lesson's practice data is fetched once, right after the page loads, and
 * every set island renders its set from it as the set comes near the viewport (all at once when a link points
 * into the lesson: e2e/landing.spec.ts). The practice page renders every set on the server.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { GUIDE, GUIDE_PRACTICE, GUIDE_SET_PAGES, widget } from './practice.ts';
import { RENDER_MARGIN } from '../src/components/practice/islands/landing.ts';
import { scrollThrough, settle, sitemapPaths } from './site.ts';

type ShiftWindow = Window & { shifts: number; shiftObserver: PerformanceObserver };

/** Adds up layout shifts not caused by input, as CLS does, from the first paint on. */
async function countShifts(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const view = window as unknown as ShiftWindow;
		view.shifts = 0;
		const add = (entries: PerformanceEntryList) => {
			for (const entry of entries as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
				if (!entry.hadRecentInput) view.shifts += entry.value;
			}
		};
		view.shiftObserver = new PerformanceObserver((list) => add(list.getEntries()));
		view.shiftObserver.observe({ type: 'layout-shift', buffered: true });
	});
}

/**
 * Cumulative layout shift as Lighthouse reports it (three decimals) must be 0.000. A sub-pixel rounding
 * difference while a slow machine hydrates has measured 0.0002; a real shift of one line is ~0.01. Entries
 * the observer has not delivered yet are taken too, once the page has rendered.
 */
async function expectNoShift(page: Page, where: string): Promise<void> {
	await settle(page);
	const shifts = await page.evaluate(() => {
		const view = window as unknown as ShiftWindow;
		for (const entry of view.shiftObserver.takeRecords() as (PerformanceEntry & {
			value: number;
			hadRecentInput: boolean;
		})[]) {
			if (!entry.hadRecentInput) view.shifts += entry.value;
		}
		return view.shifts;
	});
	expect(shifts, where).toBeLessThan(0.0005);
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
		const slug = lesson.split('/').at(-2) ?? '';
		// At load, before any scrolling.
		await expect.poll(() => requested.filter((path) => path.endsWith('.json'))).toEqual([`/practice/${slug}.json`]);
		await scrollThrough(page);
		for (const name of ['cards', 'quiz', 'explain', 'practice']) {
			await expect(page.locator(`.aw-${name} li`).first()).toBeAttached();
		}
		expect(requested.filter((path) => path.endsWith('.json'))).toEqual([`/practice/${slug}.json`]);
	});

	test('on a plain visit, a set far below the viewport waits; sets render as the reader comes near them', async ({
		page,
	}) => {
		await page.goto(GUIDE);
		await expect(page.locator('.aw-widget').first()).toBeAttached();
		await settle(page);
		const far = () =>
			page
				.locator('.aw-widget')
				.evaluateAll(
					(sets, margin) =>
						sets
							.filter((set) => set.getBoundingClientRect().top > window.innerHeight + margin * 1.1)
							.map((set) => set.hasAttribute('data-pending')),
					RENDER_MARGIN,
				);
		const farAtLoad = await far();
		expect(farAtLoad.length, 'the guide has sets far below the first screen').toBeGreaterThan(0);
		expect(farAtLoad.every(Boolean), 'sets far below wait').toBe(true);
		await scrollThrough(page);
		await expect(page.locator('[data-pending]')).toHaveCount(0);
	});

	test('scrolling down a lesson shifts nothing on screen: each set arrives before it comes into view', async ({
		page,
	}) => {
		test.slow(); // a long page, most of a screen at a time
		await countShifts(page);
		await page.goto(await firstLesson(page));
		// Down to the end of the page (it grows as the sets arrive), 600 px at a time. A set starts rendering when
		// it comes within RENDER_MARGIN of the viewport (landing.ts); after each step the test waits until every
		// set that near has arrived, however long a loaded machine takes. What is checked is that sets are swapped
		// in ahead of the viewport and that nothing shifts, not that a machine keeps up with a fixed scrolling speed.
		for (let step = 0; step < 500; step++) {
			const { y, atEnd } = await page.evaluate(() => ({
				y: window.scrollY,
				atEnd: window.scrollY + window.innerHeight >= document.body.scrollHeight - 2,
			}));
			if (atEnd) break;
			await page.mouse.wheel(0, 600);
			await page.waitForFunction((before) => window.scrollY > before, y);
			await expect
				.poll(
					() =>
						page.locator('.aw-widget[data-pending]').evaluateAll(
							(sets, margin) =>
								sets
									// Within 90 % of the margin, the observer has surely fired.
									.filter((set) => set.getBoundingClientRect().top < window.innerHeight + 0.9 * margin)
									.map((set) => set.getAttribute('data-set')),
							RENDER_MARGIN,
						),
					{ timeout: 30_000, message: 'sets within their rendering margin that have not arrived' },
				)
				.toEqual([]);
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
