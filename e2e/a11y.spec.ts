import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sitemapPaths, useTheme, VIEWPORTS, type Theme } from './site.ts';

const THEMES: Theme[] = ['light', 'dark'];

for (const theme of THEMES) {
	for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
		test(`every page in the sitemap has no axe violations (${theme}, ${viewportName})`, async ({ page, request }) => {
			test.setTimeout(420_000);
			await page.setViewportSize(viewport);
			await useTheme(page, theme);
			const paths = await sitemapPaths(request);
			expect(paths.length).toBeGreaterThan(8);
			for (const path of paths) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
				const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
				const summary = results.violations.map((violation) => ({
					rule: violation.id,
					nodes: violation.nodes.map((node) => node.target.join(' ')),
				}));
				expect(summary, `${path} (${theme}, ${viewportName})`).toEqual([]);
			}
		});
	}
}
