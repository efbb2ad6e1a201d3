/**
 * Shared helpers for the end-to-end tests: the pages the sitemap lists, colour schemes and viewports, and a
 * console-error watcher. Tests select by role and accessible name, as a reader's assistive technology would.
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** Every page path (with the base) the production sitemap lists. */
export async function sitemapPaths(request: APIRequestContext, base = '/'): Promise<string[]> {
	const index = await (await request.get(`${base}sitemap-index.xml`)).text();
	const paths: string[] = [];
	for (const [, sitemapUrl] of index.matchAll(/<loc>(.*?)<\/loc>/g)) {
		const sitemap = await (await request.get(new URL(sitemapUrl ?? '').pathname)).text();
		for (const [, pageUrl] of sitemap.matchAll(/<loc>(.*?)<\/loc>/g)) paths.push(new URL(pageUrl ?? '').pathname);
	}
	return paths;
}

export type Theme = 'light' | 'dark';

/** Starlight reads the reader's theme choice from `localStorage['starlight-theme']` before first paint. */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
	await page.addInitScript((value) => {
		try {
			localStorage.setItem('starlight-theme', value);
		} catch {
			// A test that blocks storage still gets the default theme.
		}
	}, theme);
	await page.emulateMedia({ colorScheme: theme });
}

export const VIEWPORTS = {
	desktop: { width: 1280, height: 800 },
	phone: { width: 360, height: 740 },
} as const;

/** Collects console errors and uncaught exceptions; call `expectNone` at the end of the test. */
export function watchConsole(page: Page): { errors: string[] } {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return { errors };
}

/**
 * Scrolls a page to its end the way a reader does, so every island comes into view and hydrates, and every
 * practice set a lesson loads on approach has arrived (the page grows as they do).
 */
export async function scrollThrough(page: Page): Promise<void> {
	const atEnd = () => page.evaluate(() => window.scrollY + window.innerHeight >= document.body.scrollHeight - 2);
	for (let step = 0; step < 500 && !(await atEnd()); step++) {
		await page.mouse.wheel(0, 800);
		await page.waitForTimeout(20);
	}
	await expect(page.locator('[data-pending]')).toHaveCount(0);
	await page.waitForLoadState('networkidle');
}
