/**
 * The byte budgets of DESIGN.md as tests, on the production build: the JavaScript at load before any island,
 * the JavaScript of all its islands, and everything at load, gzip. Every page of the sitemap is measured by
 * the sweep (e2e/sweep.ts, one test per page); this file holds the checks that are not per page.
 * Bytes are deterministic for a given build, so these are exact checks, not timings. The pure parts (module
 * graph, gzip totals, budget comparison and its message) live in scripts/quality/ with unit tests.
 */
import type { APIRequestContext } from '@playwright/test';
import { overBudget, summaryLine } from '../scripts/quality/budgets.ts';
import { cachedFetch, measurePage, type Fetch } from './budgets/measure-page.ts';
import { expect, test } from './fixtures.ts';
import { builtPagePaths, settle } from './site.ts';

/** The four learning patterns every lesson ends with (CONTRIBUTING.md, "Add a lesson"), by their section headings. */
const PATTERN_HEADINGS = ['Recall & review', 'Quiz', 'Explain it', 'Practice'];

function fetcher(request: APIRequestContext): Fetch {
	return cachedFetch(async (urlPath) => {
		const response = await request.get(urlPath);
		if (!response.ok()) return undefined;
		return { body: await response.body(), contentType: response.headers()['content-type'] ?? '' };
	});
}

test.describe('byte budgets', () => {
	test('a lesson page with all four practice patterns is within its byte budgets', async ({ page, request }) => {
		const fetch = fetcher(request);
		const lessons = builtPagePaths().filter((path) => /\/lessons\/[^/]+\/$/.test(path));
		let lesson: string | undefined;
		for (const path of lessons) {
			await page.goto(path);
			const headings = await page.locator('main h2').allInnerTexts();
			if (PATTERN_HEADINGS.every((heading) => headings.some((text) => text.trim() === heading))) {
				lesson = path;
				break;
			}
		}
		expect(lesson, `no lesson page has all four sections: ${PATTERN_HEADINGS.join(', ')}`).toBeDefined();
		const measured = await measurePage(page, lesson ?? '', fetch);
		// The page really has the four patterns' islands, so the islands figure covers them all.
		expect(
			measured.islands.length,
			`${lesson} islands: ${measured.islands.map((island) => island.name).join(', ')}`,
		).toBeGreaterThanOrEqual(4);
		expect(
			measured.figures.islands.some((transfer) => /preact/i.test(transfer.url)),
			'Preact counts toward the islands',
		).toBe(true);
		console.log(summaryLine(lesson ?? '', measured.figures));
		const failures = overBudget(lesson ?? '', measured.figures);
		expect(failures, failures.join('\n')).toEqual([]);
	});

	test('search code loads only when the reader opens search', async ({ page, request }) => {
		const fetch = fetcher(request);
		const measured = await measurePage(page, '/', fetch);
		// The search UI is the code the page's scripts only import() on demand (Pagefind's UI), plus Pagefind.
		const isSearchCode = (url: string) => url.includes('/pagefind/') || measured.lazy.includes(url);
		expect(measured.lazy.length, 'the page scripts import() a lazy search UI').toBeGreaterThan(0);
		// Give idle-time loading its chance before checking: Starlight's own search imports Pagefind in an idle
		// callback after load. After `settle` (two frames, two idle callbacks), whatever an earlier one started
		// has been requested.
		const late: string[] = [];
		page.on('request', (request) => late.push(new URL(request.url()).pathname));
		await settle(page);
		const loadedEarly = [...measured.requested, ...late].filter(isSearchCode);
		expect(loadedEarly, `search code loaded before search was opened: ${loadedEarly.join(', ')}`).toEqual([]);

		const searchRequest = page.waitForRequest((request) => isSearchCode(new URL(request.url()).pathname));
		await page.getByRole('button', { name: 'Search' }).click();
		await searchRequest;
		await expect(page.getByRole('dialog').getByRole('textbox')).toBeVisible();
	});
});
