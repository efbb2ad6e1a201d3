/**
 * Shared helpers for the end-to-end tests: the pages the sitemap lists, colour schemes and viewports, and
 * scrolling a page through as a reader does. (Console errors fail every test by themselves: e2e/fixtures.ts.)
 * Tests select by role and accessible name, as a reader's assistive technology would.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * Every page path the build in `outDir` lists in its sitemap, read synchronously so a spec can generate one
 * test per page when Playwright loads it. `base` is prefixed to each path (the sub-path build lists the same
 * pages as `dist/`, under `BASE`).
 */
export function builtPagePaths(outDir = 'dist', base = '/'): string[] {
	const index = path.join(outDir, 'sitemap-index.xml');
	if (!existsSync(index)) {
		throw new Error(`${index} is missing: run \`npm run build\` first (the e2e tests are generated from its sitemap).`);
	}
	const locations = (xml: string) =>
		[...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map(([, url]) => new URL(url ?? '').pathname);
	const paths = locations(readFileSync(index, 'utf8')).flatMap((sitemap) =>
		locations(readFileSync(path.join(outDir, path.basename(sitemap)), 'utf8')),
	);
	if (paths.length < 8) throw new Error(`${index} lists only ${paths.length} pages; the build looks broken.`);
	return paths.map((pagePath) => `${base}${pagePath.replace(/^\//, '')}`);
}

/** A path no page has: the host serves the 404 page there. */
export const MISSING_PAGE = '/no-such-page/';

/** Every page path (with the base) the sitemap served at `base` lists. */
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

/**
 * Scrolls a page to its end the way a reader does, so every island comes into view and hydrates, and every
 * practice set a lesson loads on approach has arrived (the page grows as they do).
 */
export async function scrollThrough(page: Page): Promise<void> {
	for (let step = 0; step < 500; step++) {
		const { y, atEnd } = await page.evaluate(() => ({
			y: window.scrollY,
			atEnd: window.scrollY + window.innerHeight >= document.body.scrollHeight - 2,
		}));
		if (atEnd) break;
		await page.mouse.wheel(0, 800);
		// The wheel scrolls asynchronously: wait until the page has moved, not for a fixed time.
		await page.waitForFunction((before) => window.scrollY > before, y);
	}
	await expect(page.locator('[data-pending]')).toHaveCount(0);
	await page.waitForLoadState('networkidle');
}

/**
 * Waits until the browser has rendered twice and run its idle-time work: what a page started at load or
 * after the last action (observers' callbacks, idle imports, hydration triggered by visibility) has started
 * by then. A condition, where a fixed delay would be too short on a loaded machine and wasted on a quiet one.
 */
export async function settle(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve) =>
				requestAnimationFrame(() =>
					requestAnimationFrame(() => requestIdleCallback(() => requestIdleCallback(() => resolve()))),
				),
			),
	);
}
