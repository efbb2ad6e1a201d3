/**
 * Whole-site checks for every screen (issue 15), run by the sweep (e2e/sweep.ts) on each page it has loaded:
 * no sideways scrolling on a 320 px phone, and a phone's menu with the theme switch. Each sets the viewport it
 * needs and puts the sweep's desktop viewport back before it ends.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { VIEWPORTS } from './site.ts';
import type { PageCheck } from './sweep.ts';

/** How far a page scrolls sideways, and what sticks out past its right edge (to name in a failure). */
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

export const SCREEN_CHECKS: PageCheck[] = [
	{
		name: 'does not scroll sideways at 320 px, with every practice set loaded',
		when: 'hydrated',
		run: async (page, path) => {
			await page.setViewportSize({ width: 320, height: 640 });
			try {
				const { width, culprits } = await overflow(page);
				expect(width, `${path} scrolls sideways by ${width}px: ${culprits.join('; ')}`).toBe(0);
			} finally {
				await page.setViewportSize(VIEWPORTS.desktop);
			}
		},
	},
	{
		name: 'has the menu and the theme switch on a phone',
		run: async (page, path) => {
			await page.setViewportSize({ width: 375, height: 812 });
			try {
				const menu = page.getByRole('button', { name: 'Menu' });
				await menu.click();
				await expect(page.getByRole('combobox', { name: 'Select theme' }), path).toBeVisible();
				await page.keyboard.press('Escape');
				const menuOpen = () => page.locator('#starlight__sidebar').evaluate((pane) => pane.matches(':popover-open'));
				await expect.poll(menuOpen, `${path}: Escape closes the menu`).toBe(false);
			} finally {
				await page.setViewportSize(VIEWPORTS.desktop);
			}
		},
	},
];
