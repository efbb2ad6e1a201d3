/**
 * The byte budgets of DESIGN.md as tests, on the production build: for every page in the sitemap, the
 * JavaScript at load before any island, the JavaScript of all its islands, and everything at load, gzip.
 * Bytes are deterministic for a given build, so these are exact checks, not timings. The pure parts (module
 * graph, gzip totals, budget comparison and its message) live in scripts/quality/ with unit tests.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { overBudget, summaryLine } from '../scripts/quality/budgets.ts';
import { cachedFetch, measurePage, type Fetch } from './budgets/measure-page.ts';
import { sitemapPaths } from './site.ts';

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
	test('every page in the sitemap is within its byte budgets', async ({ page, request }) => {
		test.setTimeout(300_000);
		const fetch = fetcher(request);
		const paths = await sitemapPaths(request);
		expect(paths.length).toBeGreaterThan(8);
		const failures: string[] = [];
		const lines: string[] = [];
		for (const path of paths) {
			const measured = await measurePage(page, path, fetch);
			lines.push(summaryLine(path, measured.figures));
			failures.push(...overBudget(path, measured.figures));
		}
		await test.info().attach('budgets.txt', { body: lines.join('\n'), contentType: 'text/plain' });
		console.log(lines.join('\n'));
		expect(failures, failures.join('\n')).toEqual([]);
	});

	test('a lesson page with all four practice patterns is within its byte budgets', async ({ page, request }) => {
		const fetch = fetcher(request);
		const lessons = (await sitemapPaths(request)).filter((path) => /\/lessons\/[^/]+\/$/.test(path));
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
		// Give idle-time loading (requestIdleCallback after load) its chance before checking.
		const late: string[] = [];
		page.on('request', (request) => late.push(new URL(request.url()).pathname));
		await page.waitForTimeout(1500);
		const loadedEarly = [...measured.requested, ...late].filter(isSearchCode);
		expect(loadedEarly, `search code loaded before search was opened: ${loadedEarly.join(', ')}`).toEqual([]);

		const searchRequest = page.waitForRequest((request) => isSearchCode(new URL(request.url()).pathname));
		await page.getByRole('button', { name: 'Search' }).click();
		await searchRequest;
		await expect(page.getByRole('dialog').getByRole('textbox')).toBeVisible();
	});
});
