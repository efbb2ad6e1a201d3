/**
 * How practice loads. A lesson's HTML carries each set's summary and a link to the set's own page; with
 * JavaScript the set's island hydrates as the reader scrolls towards it and fetches the set's data, ahead of
 * the viewport, so the widget is there before the reader is. A set's own page renders the set on the server.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { GUIDE, GUIDE_SET_PAGES, widget } from './practice.ts';
import { settle, sitemapPaths } from './site.ts';

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
	test('no island code and no set data load until the reader scrolls towards the practice', async ({ page }) => {
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		await page.goto(await firstLesson(page));
		await page.waitForLoadState('networkidle');
		await settle(page); // visibility observers have fired and idle-time work has run: anything due has started
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

	test('scrolling down a lesson shifts nothing on screen: each set arrives before it comes into view', async ({
		page,
	}) => {
		test.slow(); // a long page, most of a screen at a time
		await countShifts(page);
		await page.goto(await firstLesson(page));
		// Down to the end of the page (it grows as the sets arrive), 600 px at a time. A set starts loading when it
		// comes within its island's margin (client:visible's rootMargin, 2000 px); after each step the test waits
		// until every set that near has arrived, however long a loaded machine takes. What is checked is that
		// sets are swapped in ahead of the viewport and that nothing shifts, not that a machine keeps up with a
		// fixed scrolling speed: that race measured CLS 0.41 on a busy machine (a set arriving on screen).
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
						page.locator('astro-island[client="visible"]').evaluateAll((islands) =>
							islands
								.filter((island) => {
									const margin = /"rootMargin":"(\d+)px/.exec(island.getAttribute('opts') ?? '')?.[1];
									// Within 90 % of its margin, its visibility observer has surely fired.
									const reach = window.innerHeight + 0.9 * Number(margin ?? 0);
									// An island is `display: contents`: its box is its content's.
									const box = (island.firstElementChild ?? island).getBoundingClientRect();
									return margin !== undefined && box.top < reach;
								})
								.filter((island) => island.hasAttribute('ssr') || island.querySelector('[data-pending]'))
								.map(
									(island) =>
										/"setId":\[0,"([^"]*)"/.exec(island.getAttribute('props') ?? '')?.[1] ?? island.getAttribute('uid'),
								),
						),
					{ timeout: 30_000, message: 'sets within their loading margin that have not arrived' },
				)
				.toEqual([]);
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
