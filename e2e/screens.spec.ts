/**
 * Every screen (issue 15): tables keep every column in sight or cue that there is more, the home page shows
 * its doors above the fold, and pages without JavaScript follow the system's colour scheme. The checks that
 * hold on every page (no sideways scrolling at 320 px, the phone menu and theme switch) are in e2e/screens.ts,
 * run by the sweep.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Lessons whose tables have three or four columns, the ones that overflowed a phone. */
const TABLE_LESSONS = ['/lessons/aget/', '/lessons/asave/', '/lessons/aupdate/', '/lessons/blocking/'];

async function box(locator: Locator) {
	const found = await locator.boundingBox();
	if (!found) throw new Error('not rendered');
	return found;
}

/** Whether `locator` lies inside the viewport, whole. */
async function fullyInView(page: Page, locator: Locator): Promise<boolean> {
	const { x, y, width, height } = await box(locator);
	const viewport = page.viewportSize() ?? { width: 0, height: 0 };
	return x >= 0 && y >= 0 && x + width <= viewport.width + 0.5 && y + height <= viewport.height + 0.5;
}

test.describe('tables on a phone show every column or say there is more', () => {
	for (const width of [320, 375]) {
		test.describe(`at ${width} px, rows are cards with each cell labelled by its column`, () => {
			test.use({ viewport: { width, height: 800 } });
			for (const lesson of TABLE_LESSONS) {
				test(`${lesson}`, async ({ page }) => {
					await page.goto(lesson);
					const regions = page.getByRole('region', { name: /^Table: / });
					expect(await regions.count()).toBeGreaterThan(0);
					for (const region of await regions.all()) {
						await region.scrollIntoViewIfNeeded();
						const headers = await region.getByRole('columnheader').allTextContents();
						const cells = await region.getByRole('cell').all();
						expect(cells.length).toBeGreaterThan(0);
						for (const [index, cell] of cells.entries()) {
							const { x, width: cellWidth } = await box(cell);
							expect(x).toBeGreaterThanOrEqual(0);
							expect(x + cellWidth).toBeLessThanOrEqual(width);
							// The label the reader sees beside the value is the cell's column heading.
							const label = await cell.evaluate((element) => getComputedStyle(element, '::before').content);
							expect(label).toContain(headers[index % headers.length]?.trim() ?? '');
						}
						expect(await region.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(
							0,
						);
					}
				});
			}
		});
	}

	test.describe('at 768 px, a table shows all its columns, or its region scrolls with a shaded edge', () => {
		test.use({ viewport: { width: 768, height: 900 } });
		for (const lesson of TABLE_LESSONS) {
			test(`${lesson}`, async ({ page }) => {
				await page.goto(lesson);
				const regions = page.getByRole('region', { name: /^Table: / });
				for (const region of await regions.all()) {
					await region.scrollIntoViewIfNeeded();
					const { x, width } = await box(region);
					for (const header of await region.getByRole('columnheader').all()) {
						const headerBox = await box(header);
						const hidden = headerBox.x + headerBox.width > x + width + 0.5;
						if (!hidden) continue;
						// A column out of sight: the region must be reachable by keyboard and show its shade.
						await expect(region).toHaveAttribute('tabindex', '0');
						const shade = await region.evaluate((element) => getComputedStyle(element).backgroundImage);
						expect(shade).toContain('radial-gradient');
					}
					// Table semantics survive the restyling: rows of cells under column headers.
					await expect(region.getByRole('table')).toHaveCount(1);
					expect(await region.getByRole('row').count()).toBeGreaterThan(1);
				}
			});
		}
	});

	test('a table wider than its region is scrollable by keyboard and shaded at the edge with more', async ({ page }) => {
		await page.setViewportSize({ width: 700, height: 900 });
		await page.goto('/lessons/blocking/');
		const region = page.getByRole('region', { name: /^Table: In an async def view/ });
		await region.evaluate((element) => {
			// A narrow column forces the overflow a longer table would have.
			(element as HTMLElement).style.width = '400px';
		});
		expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
		await region.focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
	});
});

test.describe('home page above the fold', () => {
	test('at 1280 × 800 both doors are fully visible, and the first names what the test is for', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto('/');
		const doors = page.getByRole('navigation', { name: 'Where to start' });
		const test = doors.getByRole('link', { name: /Check what you know first/ });
		const lesson = doors.getByRole('link', { name: /Start with lesson 1/ });
		expect(await fullyInView(page, test)).toBe(true);
		expect(await fullyInView(page, lesson)).toBe(true);
		await expect(test).toContainText('10-question test');
		await expect(test).toContainText('which lessons to read');
	});

	test('at 375 × 812 the recommended door is fully visible', async ({ page }) => {
		await page.setViewportSize({ width: 375, height: 812 });
		await page.goto('/');
		const doors = page.getByRole('navigation', { name: 'Where to start' });
		expect(await fullyInView(page, doors.getByRole('link', { name: /Check what you know first/ }))).toBe(true);
	});

	test('links to the progress page and lists every lesson in order', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('link', { name: 'See your progress' })).toHaveAttribute('href', '/progress/');
		const sidebarLessons = await page
			.getByRole('navigation', { name: 'Main' })
			.locator('a[href^="/lessons/"]')
			.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
		const listed = await page
			.locator('main ol')
			.last()
			.locator('a')
			.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
		expect(listed).toEqual(sidebarLessons);
	});
});

test.describe('without JavaScript, pages follow the system colour scheme', () => {
	test.use({ javaScriptEnabled: false });

	/** Relative luminance of a computed `rgb(…)` colour, 0 (black) to 1 (white). */
	const luminance = (color: string) => {
		const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
		return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
	};

	for (const scheme of ['light', 'dark'] as const) {
		test(`a lesson is ${scheme}, code blocks included, when the system prefers ${scheme}`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto('/lessons/aget/');
			const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
			const code = await page
				.locator('.expressive-code pre')
				.first()
				.evaluate((element) => getComputedStyle(element).backgroundColor);
			for (const color of [background, code]) {
				if (scheme === 'light') expect(luminance(color)).toBeGreaterThan(0.8);
				else expect(luminance(color)).toBeLessThan(0.25);
			}
		});
	}
});
