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

/** Where a box sits, rounded to the pixel. */
interface Box {
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/**
 * The header's site title and its "Review" link with a two-digit due count: the title's text and whether it is
 * cut, both boxes, and the box they are clipped to (Starlight's title wrapper clips what overflows it).
 */
async function headerTitle(page: Page) {
	const header = page.locator('header');
	const title = header.getByRole('link', { name: /^Awaitable/ });
	const review = header.getByRole('link', { name: /^Review/ });
	return {
		title: await title.evaluate((link) => {
			const text = link.querySelector('[translate="no"]') ?? link;
			const box = text.getBoundingClientRect();
			const clip = link.closest('.title-wrapper')?.getBoundingClientRect() ?? document.body.getBoundingClientRect();
			const round = (b: DOMRect) => ({
				left: Math.round(b.left),
				right: Math.round(b.right),
				top: Math.round(b.top),
				bottom: Math.round(b.bottom),
			});
			return {
				text: text.textContent?.trim() ?? '',
				cut: text.scrollWidth > text.clientWidth,
				box: round(box),
				clip: round(clip),
			};
		}),
		review: await review.evaluate((link) => {
			const round = (b: DOMRect) => ({
				left: Math.round(b.left),
				right: Math.round(b.right),
				top: Math.round(b.top),
				bottom: Math.round(b.bottom),
			});
			const badge = link.querySelector('[data-aw-due-n]');
			return {
				box: round(link.getBoundingClientRect()),
				badge: badge ? round(badge.getBoundingClientRect()) : undefined,
				count: badge?.textContent ?? '',
			};
		}),
	};
}

const inside = (inner: Box, outer: Box) =>
	inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top && inner.bottom <= outer.bottom;
const apart = (a: Box, b: Box) => a.right <= b.left || b.right <= a.left;

/** The progress store's key, with twelve answers long past due: the header's badge shows "12". */
const DUE_KEY = 'awaitable:progress';
const TWELVE_DUE = JSON.stringify({
	items: Object.fromEntries(
		Array.from({ length: 12 }, (_, index) => [`screens-${index}`, { at: 0, due: 0, kind: 'quiz', correct: true }]),
	),
});

export const SCREEN_CHECKS: PageCheck[] = [
	{
		name: 'shows the site title and the Review link with its due count whole at 320 and 375 px',
		run: async (page, path) => {
			const stored = await page.evaluate((key) => localStorage.getItem(key), DUE_KEY);
			const setStored = (value: string | null) =>
				page.evaluate(
					([key, json]) => {
						if (json === null) localStorage.removeItem(key);
						else localStorage.setItem(key, json);
						dispatchEvent(new Event('awaitable:progress'));
					},
					[DUE_KEY, value] as const,
				);
			await setStored(TWELVE_DUE);
			try {
				for (const width of [320, 375]) {
					await page.setViewportSize({ width, height: 640 });
					const { title, review } = await headerTitle(page);
					const at = `${path} at ${width} px`;
					expect(title.text, at).toBe('Awaitable');
					expect(title.cut, `${at}: the site title is cut off`).toBe(false);
					expect(inside(title.box, title.clip), `${at}: the title ${JSON.stringify(title)}`).toBe(true);
					expect(review.count, at).toBe('12');
					for (const box of [review.box, review.badge ?? review.box]) {
						expect(
							inside(box, title.clip),
							`${at}: Review ${JSON.stringify(review)} in ${JSON.stringify(title.clip)}`,
						).toBe(true);
						expect(apart(box, title.box), `${at}: Review ${JSON.stringify(review)} over the title`).toBe(true);
					}
				}
			} finally {
				await setStored(stored);
				await page.setViewportSize(VIEWPORTS.desktop);
			}
		},
	},
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
