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
	// Notes each `client:visible` island that comes into view on the way, for `islandsReady` at the end.
	await page.evaluate(() => {
		const seen = new Set<Element>();
		(window as unknown as { islandsSeen: Set<Element> }).islandsSeen = seen;
		for (const island of document.querySelectorAll('astro-island[ssr][client="visible"]')) {
			const observer = new IntersectionObserver((entries) => {
				if (!entries.some((entry) => entry.isIntersecting)) return;
				seen.add(island);
				observer.disconnect();
			});
			for (const child of island.children) observer.observe(child);
		}
	});
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
	await islandsReady(page);
}

/**
 * Waits until the page has loaded and every island due by now has hydrated: each `client:load` (afterpaint, idle,
 * media, only) island, and each `client:visible` island the browser sees in view (asked of an
 * IntersectionObserver, as Astro's own directive does) or saw during `scrollThrough`; then for the web fonts
 * and `settle`. A condition where `networkidle` waits a fixed 500 ms after the last request.
 */
export async function islandsReady(page: Page): Promise<void> {
	await page.waitForLoadState('load');
	// Polled, not awaited as events: an island that never hydrates fails here by name, not as a hung test.
	await expect
		.poll(
			() =>
				page.evaluate(async () => {
					const inView = (island: Element) =>
						new Promise<boolean>((resolve) => {
							if (island.children.length === 0) return resolve(false);
							const observer = new IntersectionObserver((entries) => {
								observer.disconnect();
								resolve(entries.some((entry) => entry.isIntersecting));
							});
							for (const child of island.children) observer.observe(child);
						});
					const seen = (window as unknown as { islandsSeen?: Set<Element> }).islandsSeen ?? new Set();
					const waiting = [...document.querySelectorAll('astro-island[ssr]')];
					const due = await Promise.all(
						waiting.map(
							async (island) => island.getAttribute('client') !== 'visible' || seen.has(island) || inView(island),
						),
					);
					return waiting
						.filter((_, index) => due[index])
						.map((island) => island.getAttribute('component-url') ?? island.getAttribute('uid'));
				}),
			{ message: 'islands due to hydrate by now that have not', timeout: 60_000 },
		)
		.toEqual([]);
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
	await settle(page);
}

/**
 * Waits until the browser has rendered twice and run its idle-time work: what a page started at load or
 * after the last action (observers' callbacks, idle imports, hydration triggered by visibility) has started
 * by then. A condition, where a fixed delay would be too short on a loaded machine and wasted on a quiet one.
 * Each idle callback has a 1 s cap: headless Chromium, with nothing left to paint, sometimes starts no idle
 * period at all, and a second uncapped `requestIdleCallback` then never ran (3 sweeps in 20 hung until the
 * test's timeout, the page visible and focused).
 */
export async function settle(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const idle = (then: () => void) => requestIdleCallback(then, { timeout: 1000 });
				requestAnimationFrame(() => requestAnimationFrame(() => idle(() => idle(resolve))));
			}),
	);
}
