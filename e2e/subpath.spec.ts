/**
 * The site built under a sub-path (`BASE=/awaitable/`, as a GitHub Pages project site), served by the
 * `subpath` project's web server. The same pages as `dist/`, each checked on its own.
 */
import { expect, test } from './fixtures.ts';
import { builtPagePaths, islandsReady } from './site.ts';
import { SUBPATH_BASE as BASE } from './subpath-build.ts';

test('the home page and its doors work under a sub-path', async ({ page }) => {
	await page.goto(BASE);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Django's async ORM, learned by doing");
	await page.getByRole('link', { name: /Start with lesson 1/ }).click();
	await expect(page).toHaveURL(`${BASE}lessons/event-loop/`);
	await page.goto(BASE);
	await page.getByRole('link', { name: /Check what you know first/ }).click();
	await expect(page).toHaveURL(new RegExp(`${BASE}test/`));
});

/** Link targets already requested by this worker: each is checked once, on the first page linking to it. */
const checked = new Set<string>();

for (const path of builtPagePaths('dist', BASE)) {
	test(`every internal link and asset of ${path} resolves under the sub-path`, async ({ page, request }) => {
		const broken: string[] = [];
		page.on('response', (response) => {
			if (response.status() >= 400) broken.push(`${response.status()} ${response.url()}`);
		});
		expect((await page.goto(path))?.status(), path).toBe(200);
		await islandsReady(page);
		const hrefs = await page
			.locator('a[href^="/"]')
			.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
		for (const href of hrefs) {
			const target = href.split('#')[0] ?? '';
			expect(target.startsWith(BASE), `${path} links to ${href}`).toBe(true);
			if (checked.has(target)) continue;
			checked.add(target);
			expect((await request.get(target)).status(), `${path} links to ${href}`).toBe(200);
		}
		expect(broken).toEqual([]);
	});
}

test('search works under the sub-path', async ({ page }) => {
	await page.goto(BASE);
	await page.getByRole('button', { name: 'Search' }).click();
	await page.getByRole('dialog').getByRole('textbox', { name: 'Search' }).fill('asave');
	const result = page.getByRole('dialog').locator(`a[href*="${BASE}lessons/asave/"]`).first();
	await expect(result).toBeVisible();
});
