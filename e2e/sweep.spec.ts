/**
 * Every page of the built site, one test each: byte budgets, no console error, exception or CSP violation
 * with every island hydrated, a strict policy, no axe violation. What each test does is in e2e/sweep.ts.
 */
import { test } from './fixtures.ts';
import { builtPagePaths, MISSING_PAGE } from './site.ts';
import { sweepPage } from './sweep.ts';

for (const path of [...builtPagePaths(), MISSING_PAGE]) {
	test(`${path} is within budget, error-free under the CSP and accessible`, async ({ page }) => {
		test.slow(); // a long lesson: its budgets, a scroll to the end, and axe over every hydrated set
		await sweepPage(page, path);
	});
}
