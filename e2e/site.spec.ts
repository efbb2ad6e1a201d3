import { expect, test } from './fixtures.ts';
import { MISSING_PAGE } from './site.ts';

test.describe('home page', () => {
	test('shows what the site teaches and its two doors', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText("Django's async ORM, learned by doing");
		await expect(page.getByText('Django 5.2 LTS').first()).toBeVisible();
		const doors = page.getByRole('navigation', { name: 'Where to start' });
		await expect(doors.getByRole('link', { name: /Check what you know first/ })).toHaveAttribute('href', '/test/');
		await expect(doors.getByRole('link', { name: /Start with lesson 1/ })).toHaveAttribute(
			'href',
			'/lessons/event-loop/',
		);
	});

	test('the recommended door opens the test and the other opens lesson 1', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: /Check what you know first/ }).click();
		await expect(page).toHaveURL(/\/test\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check what you know');
		await page.goto('/');
		await page.getByRole('link', { name: /Start with lesson 1/ }).click();
		await expect(page).toHaveURL(/\/lessons\/event-loop\/$/);
	});
});

test.describe('navigation', () => {
	test('the sidebar lists the six lessons in order and links to them', async ({ page }) => {
		await page.goto('/lessons/aget/');
		const sidebar = page.getByRole('navigation', { name: 'Main' });
		const lessons = sidebar.locator('a[href^="/lessons/"]');
		await expect(lessons).toHaveCount(6);
		await expect(lessons.nth(0)).toHaveAttribute('href', '/lessons/event-loop/');
		await expect(lessons.nth(5)).toHaveAttribute('href', '/lessons/blocking/');
		await expect(sidebar.locator('a[aria-current="page"]')).toHaveAttribute('href', '/lessons/aget/');
	});

	test('search finds a lesson by the method it teaches', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('button', { name: 'Search' }).click();
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('textbox', { name: 'Search' }).fill('aupdate');
		const result = dialog.locator('a[href*="/lessons/aupdate/"]').first();
		await expect(result).toBeVisible();
		await result.click();
		await expect(page).toHaveURL(/\/lessons\/aupdate\//);
	});

	test('the keyboard reaches every link on the home page', async ({ page }) => {
		await page.goto('/');
		const links = await page
			.locator('a[href]:visible')
			.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
		const reached = new Set<string>();
		for (let step = 0; step < links.length * 3 && reached.size < new Set(links).size; step++) {
			await page.keyboard.press('Tab');
			const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href ?? '');
			if (href) reached.add(href);
		}
		expect([...new Set(links)].filter((href) => !reached.has(href))).toEqual([]);
	});

	test('an unknown path serves the 404 page', async ({ page }) => {
		const response = await page.goto(MISSING_PAGE);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await page.getByRole('link', { name: 'Go to the home page' }).click();
		await expect(page).toHaveURL(/\/$/);
	});
});
