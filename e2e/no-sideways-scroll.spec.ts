import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { builtPagePaths } from './built-pages.ts';
import { scrollThrough } from './site.ts';

/** What sticks out past the right edge of a page that is wider than its viewport, to name in a failure. */
async function overflow(page: Page): Promise<{ width: number; culprits: string[] }> {
	return page.evaluate(() => {
		const root = document.documentElement;
		const culprits: string[] = [];
		for (const element of document.body.querySelectorAll('*')) {
			const box = element.getBoundingClientRect();
			if (box.right <= root.clientWidth + 0.5 || box.width === 0) continue;
			// Inside a region that scrolls sideways on its own (a code block, a table region): that is allowed.
			let scroller = element.parentElement;
			while (scroller && scroller !== document.body && getComputedStyle(scroller).overflowX === 'visible')
				scroller = scroller.parentElement;
			if (scroller && scroller !== document.body) continue;
			const name = `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`;
			culprits.push(`${name} "${(element.textContent ?? '').trim().slice(0, 40)}" ends at ${Math.round(box.right)}px`);
		}
		return { width: root.scrollWidth - root.clientWidth, culprits: culprits.slice(0, 5) };
	});
}

test.describe('no page scrolls sideways on a 320 px phone', () => {
	test.use({ viewport: { width: 320, height: 640 } });

	for (const path of builtPagePaths()) {
		test(`${path} fits 320 px, with its practice loaded`, async ({ page }) => {
			await page.goto(path);
			await scrollThrough(page); // practice sets load as the reader approaches them
			const { width, culprits } = await overflow(page);
			expect(width, `scrolls sideways by ${width}px: ${culprits.join('; ')}`).toBe(0);
		});
	}
});
