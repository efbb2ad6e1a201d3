import { expect, test } from '@playwright/test';
import { sitemapPaths } from './site.ts';

// This project's web server builds the site with BASE=/awaitable/, as a GitHub Pages project site would.
const BASE = '/awaitable/';

test('the home page and its doors work under a sub-path', async ({ page }) => {
	await page.goto(BASE);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Django's async ORM, learned by doing");
	await page.getByRole('link', { name: /Start with lesson 1/ }).click();
	await expect(page).toHaveURL(`${BASE}lessons/event-loop/`);
	await page.goto(BASE);
	await page.getByRole('link', { name: /Check what you know first/ }).click();
	await expect(page).toHaveURL(new RegExp(`${BASE}test/`));
});

test('every internal link and asset on every page resolves under the sub-path', async ({ page, request }) => {
	test.setTimeout(180_000);
	const paths = await sitemapPaths(request, BASE);
	expect(paths.length).toBeGreaterThan(8);
	const broken: string[] = [];
	page.on('response', (response) => {
		if (response.status() >= 400) broken.push(`${response.status()} ${response.url()}`);
	});
	const checked = new Set<string>();
	for (const path of paths) {
		expect(path.startsWith(BASE), path).toBe(true);
		await page.goto(path);
		const hrefs = await page
			.locator('a[href^="/"]')
			.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
		for (const href of hrefs) {
			const target = href.split('#')[0] ?? '';
			if (checked.has(target)) continue;
			checked.add(target);
			expect(target.startsWith(BASE), `${path} links to ${href}`).toBe(true);
			expect((await request.get(target)).status(), `${path} links to ${href}`).toBe(200);
		}
	}
	expect(broken).toEqual([]);
});

test('search works under the sub-path', async ({ page }) => {
	await page.goto(BASE);
	await page.getByRole('button', { name: 'Search' }).click();
	await page.getByRole('dialog').getByRole('textbox', { name: 'Search' }).fill('asave');
	const result = page.getByRole('dialog').locator(`a[href*="${BASE}lessons/asave/"]`).first();
	await expect(result).toBeVisible();
});
