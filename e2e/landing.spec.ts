/**
 * Links that land (issue 10): after a deep link, a click in "On this page" (a lesson's, or the practice page's
 * own list), a back-link from the practice page,
 * or the browser's back and forward buttons, the target sits at the top of the viewport (at most 100 px below
 * the header) once the page has settled, and nothing on screen moves after that (CLS 0). Every path, on every
 * lesson, at a desktop and a phone size: one test each, so workers share them evenly.
 */
import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { islandsReady } from './site.ts';

const LESSONS = readdirSync('src/content/docs/lessons')
	.filter((file) => /\.mdx?$/.test(file))
	.map((file) => file.replace(/\.mdx?$/, ''))
	.sort();

const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 812 } } as const;

/** Starts counting layout shifts not caused by input, from now on. */
async function countShiftsFromNow(page: Page): Promise<void> {
	await page.evaluate(() => {
		const view = window as unknown as { lateShifts: number };
		view.lateShifts = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
				if (!entry.hadRecentInput) view.lateShifts += entry.value;
			}
		}).observe({ type: 'layout-shift' });
	});
}

/**
 * Waits until the practice sets have rendered (every one on a lesson; on a practice page, whose sets hydrate
 * as they come into view, those in `scope`), the islands in view have hydrated and the page has settled.
 */
async function settled(page: Page, scope = 'body'): Promise<void> {
	await expect(page.locator(scope).locator('[data-pending]')).toHaveCount(0);
	await islandsReady(page);
}

/** The element `id` is at the top of the viewport, at most 100 px below the header; nothing moves after. */
async function expectLanded(page: Page, id: string, scope?: string): Promise<void> {
	await settled(page, scope);
	const where = () =>
		page.evaluate((target) => {
			const header = document.querySelector('header.header')?.getBoundingClientRect().bottom ?? 0;
			const top = document.getElementById(target)?.getBoundingClientRect().top ?? Number.NaN;
			return { header, top: Math.round(top) };
		}, id);
	const { header, top } = await where();
	expect(top, `#${id} is ${top - header} px below the header`).toBeGreaterThanOrEqual(Math.floor(header) - 1);
	expect(top, `#${id} is ${top - header} px below the header`).toBeLessThanOrEqual(header + 100);
	// Whatever landing set off (islands coming into view, a set arriving) has finished, and the browser has
	// rendered since: a condition, where a fixed wait would be too short on a loaded machine.
	await countShiftsFromNow(page);
	await settled(page, scope);
	const shifts = await page.evaluate(() => (window as unknown as { lateShifts: number }).lateShifts);
	expect(shifts, 'layout shift after landing').toBeLessThan(0.0005);
	expect((await where()).top, `#${id} stays where it landed`).toBe(top);
}

/**
 * Scrolls up `screens` screens, half a screen at a time (not input: the layout shifts on the way count), each
 * step once the browser has rendered twice. Code blocks above take their real height as they come near the viewport
 * (`content-visibility: auto`); the browser's scroll anchoring must hold what is on screen while they do.
 */
async function scrollUpBy(page: Page, screens: number): Promise<void> {
	for (let step = 0; step < screens * 2; step++) {
		await page.evaluate(
			() =>
				new Promise<void>((resolve) => {
					scrollBy({ top: -innerHeight / 2, behavior: 'instant' });
					requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
				}),
		);
	}
}

/** A heading in the middle of the lesson's prose (not one of its practice sections). */
async function middleHeading(page: Page): Promise<string> {
	const ids = await page
		.locator('.sl-markdown-content h2[id]')
		.evaluateAll((headings) => headings.map((heading) => heading.id));
	const prose = ids.slice(0, Math.max(1, ids.indexOf('recall--review')));
	const id = prose[Math.floor(prose.length / 2)];
	expect(id).toBeDefined();
	return id ?? '';
}

/** Clicks the "On this page" link to `id`: the sidebar's on a desktop, the drop-down's on a phone. */
async function clickOnThisPage(page: Page, id: string, phone: boolean): Promise<void> {
	if (phone) {
		await page.locator('mobile-starlight-toc summary').click();
		await page.locator(`mobile-starlight-toc a[href="#${id}"]`).click();
	} else {
		await page.locator(`starlight-toc a[href="#${id}"]`).click();
	}
}

for (const lesson of LESSONS) {
	const path = `/lessons/${lesson}/`;
	for (const [size, viewport] of Object.entries(SIZES)) {
		const phone = size === 'phone';
		test.describe(`${lesson} at ${size} size`, () => {
			test.use({ viewport });

			for (const id of ['quiz', 'practice']) {
				test(`a deep link to #${id} lands on its heading`, async ({ page }) => {
					await page.goto(`${path}#${id}`);
					await expectLanded(page, id);
				});

				test(`a click on "${id}" in "On this page" lands on its heading`, async ({ page }) => {
					await page.goto(path);
					await clickOnThisPage(page, id, phone);
					await expectLanded(page, id);
				});
			}

			test('a deep link to a heading in the middle of the lesson lands on it', async ({ page }) => {
				await page.goto(path);
				const id = await middleHeading(page);
				await page.goto('/');
				await page.goto(`${path}#${id}`);
				await expectLanded(page, id);
				// On a desktop, Starlight's right sidebar spans the page and was the scroll anchor: code above the
				// target moved it up by a block's placeholder at a time (site.css).
				await countShiftsFromNow(page);
				await scrollUpBy(page, 3);
				await settled(page);
				const shifts = await page.evaluate(() => (window as unknown as { lateShifts: number }).lateShifts);
				expect(shifts, 'layout shift while scrolling back up').toBeLessThan(0.0005);
			});

			test("the practice page's back-link to the quiz lands on the quiz", async ({ page }) => {
				await page.goto(`/practice/${lesson}/#quiz`);
				await page
					.locator('section', { has: page.locator('h2#quiz') })
					.getByRole('link', { name: 'Back to the lesson' })
					.click();
				await expect(page).toHaveURL(`${path}#set-quiz`);
				await expectLanded(page, 'set-quiz');
			});

			test("a click on the last set in the practice page's own contents list lands on it", async ({ page }) => {
				await page.goto(`/practice/${lesson}/`);
				await page
					.getByRole('navigation', { name: 'On this page' })
					.getByRole('link', { name: 'Practice', exact: true })
					.click();
				await expect(page).toHaveURL(`/practice/${lesson}/#problems`);
				await expectLanded(page, 'problems', 'section:has(> h2#problems)');
			});

			test('back and forward return to the heading the reader was on', async ({ page }) => {
				await page.goto(`${path}#quiz`);
				await expectLanded(page, 'quiz');
				await page.goto(`/practice/${lesson}/#problems`);
				await page.goBack();
				await expect(page).toHaveURL(`${path}#quiz`);
				await expectLanded(page, 'quiz');
				await page.goForward();
				await expect(page).toHaveURL(`/practice/${lesson}/#problems`);
				await page.goBack();
				await expectLanded(page, 'quiz');
			});
		});
	}
}
