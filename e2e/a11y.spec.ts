/**
 * Axe in every theme × viewport combination on one page of each template. Every page, templates included,
 * is checked in the light theme at desktop width by the sweep (e2e/sweep.ts); the other three combinations
 * change colours and layout, not what a template is made of, so one page per template covers them here.
 */
import { expect, test } from './fixtures.ts';
import { builtPagePaths, islandsReady, MISSING_PAGE, useTheme, VIEWPORTS, type Theme } from './site.ts';
import { pageAxeViolations } from './sweep.ts';

/** One page per template: the longest lesson, where code blocks and tables overflow first on a phone. */
const TEMPLATES = {
	home: '/',
	lesson: '/lessons/blocking/',
	practice: '/practice/blocking/',
	test: '/test/',
	progress: '/progress/',
	guide: '/guide/authoring/',
	'404': MISSING_PAGE,
} as const;

const built = new Set(builtPagePaths());

for (const [template, path] of Object.entries(TEMPLATES)) {
	for (const theme of ['light', 'dark'] as Theme[]) {
		for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
			if (theme === 'light' && viewportName === 'desktop') continue; // the sweep's combination, on every page
			test(`the ${template} page (${path}) has no axe violations (${theme}, ${viewportName})`, async ({ page }) => {
				test.slow(); // axe over the longest lesson takes over 30 s on a loaded 2-core machine
				expect(
					path === MISSING_PAGE || built.has(path),
					`${path} is in the sitemap; pick another ${template} page`,
				).toBe(true);
				await page.setViewportSize(viewport);
				await useTheme(page, theme);
				await page.goto(path);
				// Islands already in view hydrate after `load`: let them hydrate before axe reads the page.
				await islandsReady(page);
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
				expect(await pageAxeViolations(page), `${path} (${theme}, ${viewportName})`).toEqual([]);
			});
		}
	}
}
