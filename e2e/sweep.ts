/**
 * The whole-site sweep: one pass per page, shared by every check that must hold on every page.
 * `e2e/sweep.spec.ts` generates one test per page of the sitemap (read from `dist/` when Playwright loads the
 * spec) plus the 404 page, so the two workers balance and a failure names its page. Each test:
 *
 * 1. measures the page's bytes against the budgets (its own navigation: the islands are held back);
 * 2. loads the page in the light theme at desktop width and runs the `PAGE_CHECKS` that want the page as it
 *    loads (`when: 'loaded'`: islands in view hydrated, practice sets further down still summaries);
 * 3. scrolls it to the end as a reader does, so every island hydrates and every practice set arrives, and
 *    runs the checks that want it so (`when: 'hydrated'`).
 *
 * Any console error, uncaught exception or CSP violation on the way fails the test (e2e/fixtures.ts). Each
 * check is a step named after what it proves.
 *
 * To add a whole-site check, add a `PageCheck` to `PAGE_CHECKS` rather than a new loop over the sitemap: it
 * then costs one step on a page that is already loaded, not another visit of every page. A check that
 * changes the page (viewport, theme) puts it back before it ends, so the next check starts from the same
 * state. Checks that need JavaScript off (e2e/no-js.spec.ts) or another build (e2e/subpath.spec.ts) have
 * their own per-page tests.
 */
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { overBudget, summaryLine } from '../scripts/quality/budgets.ts';
import { measurePage, type Fetch } from './budgets/measure-page.ts';
import { expect, test } from './fixtures.ts';
import { islandsReady, MISSING_PAGE, scrollThrough, useTheme, VIEWPORTS } from './site.ts';
import { SCREEN_CHECKS } from './screens.ts';

export interface PageCheck {
	/** What the check proves, as a sentence: the step's title in the report. */
	name: string;
	/** Whether the check applies to a page; every page when absent. */
	appliesTo?: (path: string) => boolean;
	/** On the page as it loads (the default), or once every island has hydrated and it is scrolled to the end. */
	when?: 'loaded' | 'hydrated';
	/** Runs on the page in the light theme at desktop width. */
	run: (page: Page, path: string) => Promise<void>;
}

/** The WCAG 2.0 and 2.1 A and AA rules, the bar DESIGN.md sets. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Axe's violations on the whole page, one readable line per rule with the elements it failed on. */
export async function pageAxeViolations(page: Page): Promise<{ rule: string; nodes: string[] }[]> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	return results.violations.map((violation) => ({
		rule: violation.id,
		nodes: violation.nodes.map((node) => node.target.join(' ')),
	}));
}

export const PAGE_CHECKS: PageCheck[] = [
	{
		name: 'carries a strict Content-Security-Policy',
		run: async (page, path) => {
			const policy = (await page.locator('meta[http-equiv="content-security-policy" i]').getAttribute('content')) ?? '';
			expect(policy, `${path} has a CSP meta tag`).not.toBe('');
			const script = /(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1] ?? '';
			expect(script, path).toContain("'self'");
			expect(script, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
			expect(policy, path).toMatch(/object-src 'none'/);
			expect(policy, path).toMatch(/base-uri 'self'/);
			// Ignored (and logged as an error) in a <meta>; it belongs in the headers.
			expect(policy, path).not.toMatch(/frame-ancestors/);
		},
	},
	{
		// The other three theme × viewport combinations: one page per template, e2e/a11y.spec.ts.
		name: 'has no axe violations (light, desktop)',
		run: async (page, path) => {
			expect(await pageAxeViolations(page), path).toEqual([]);
		},
	},
	// Phones: no sideways scrolling at 320 px, the menu and the theme switch (issue 15).
	...SCREEN_CHECKS,
];

/** Response bodies for the budgets, fetched once per worker whatever the test. */
const bodies = new Map<string, ReturnType<Fetch>>();
function fetcher(request: APIRequestContext): Fetch {
	return (urlPath) => {
		let body = bodies.get(urlPath);
		if (!body) {
			body = request
				.get(urlPath)
				.then(async (response) =>
					response.ok()
						? { body: await response.body(), contentType: response.headers()['content-type'] ?? '' }
						: undefined,
				);
			bodies.set(urlPath, body);
		}
		return body;
	};
}

async function runChecks(page: Page, path: string, when: 'loaded' | 'hydrated'): Promise<void> {
	for (const check of PAGE_CHECKS) {
		if ((check.when ?? 'loaded') !== when || (check.appliesTo && !check.appliesTo(path))) continue;
		await test.step(check.name, () => check.run(page, path));
	}
}

/** The whole sweep of one page; see the top of this file. */
export async function sweepPage(page: Page, path: string): Promise<void> {
	const missing = path === MISSING_PAGE;
	if (!missing) {
		await test.step('is within its byte budgets', async () => {
			const measured = await measurePage(page, path, fetcher(page.request));
			test.info().annotations.push({ type: 'budgets', description: summaryLine(path, measured.figures) });
			const failures = overBudget(path, measured.figures);
			expect(failures, failures.join('\n')).toEqual([]);
		});
	}
	await test.step('loads in the light theme at desktop width', async () => {
		await page.setViewportSize(VIEWPORTS.desktop);
		await useTheme(page, 'light');
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(missing ? 404 : 200);
		// Islands already in view hydrate after `load`: let them hydrate before checks read the page.
		await islandsReady(page);
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	});
	await runChecks(page, path, 'loaded');
	await test.step('hydrates every island and loads every set, scrolled to the end', () => scrollThrough(page));
	await runChecks(page, path, 'hydrated');
}
