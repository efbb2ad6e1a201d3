import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { MISSING_PAGE } from './site.ts';

/** The lessons' paths in reading order, read from the lesson files' `sidebar.order`: what every list must show. */
const LESSON_DIRECTORY = 'src/content/docs/lessons';
const lessonPaths = readdirSync(LESSON_DIRECTORY)
	.filter((name) => name.endsWith('.mdx'))
	.map((name) => ({
		path: `/lessons/${name.replace(/\.mdx$/, '')}/`,
		order: Number(/^\s+order:\s*(\d+)/m.exec(readFileSync(`${LESSON_DIRECTORY}/${name}`, 'utf8'))?.[1] ?? Infinity),
	}))
	.sort((a, b) => a.order - b.order)
	.map((lesson) => lesson.path);

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
	test('the sidebar lists every lesson in order and links to them', async ({ page }) => {
		expect(lessonPaths).toHaveLength(7);
		await page.goto('/lessons/aget/');
		const sidebar = page.getByRole('navigation', { name: 'Main' });
		const lessons = sidebar.locator('a[href^="/lessons/"]');
		await expect(lessons).toHaveCount(lessonPaths.length);
		for (const [index, path] of lessonPaths.entries()) await expect(lessons.nth(index)).toHaveAttribute('href', path);
		await expect(sidebar.locator('a[aria-current="page"]')).toHaveAttribute('href', '/lessons/aget/');
	});

	test('the home page lists every lesson in the same order, with its summary', async ({ page }) => {
		await page.goto('/');
		const list = page
			.getByRole('main')
			.getByRole('list')
			.filter({ has: page.locator('a[href^="/lessons/"]') });
		const links = list.getByRole('link');
		await expect(links).toHaveCount(lessonPaths.length);
		for (const [index, path] of lessonPaths.entries()) await expect(links.nth(index)).toHaveAttribute('href', path);
		await expect(list.getByRole('listitem').last()).toContainText('Async views end to end: the logged-in user');
	});

	test('search finds the seventh lesson by the API it teaches', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('button', { name: 'Search' }).click();
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('textbox', { name: 'Search' }).fill('auser');
		const result = dialog.locator('a[href*="/lessons/async-views/"]').first();
		await expect(result).toBeVisible();
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
