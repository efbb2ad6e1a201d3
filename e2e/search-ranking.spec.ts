import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';

/** The lesson that teaches each term: a search for it must list that lesson first. */
const TEACHES = {
	afilter: '/lessons/no-afilter/',
	aupdate: '/lessons/aupdate/',
	asave: '/lessons/asave/',
	SynchronousOnlyOperation: '/lessons/event-loop/',
	aiterator: '/lessons/no-afilter/',
} as const;

const normalize = (text: string) =>
	text
		.replace(/<[^>]+>/g, '')
		.replace(/\s+/g, ' ')
		.trim();

/** Every `{ html, correct: false }` choice anywhere in a parsed JSON value. */
function wrongChoicesIn(value: unknown, found: string[]): void {
	if (Array.isArray(value)) for (const entry of value) wrongChoicesIn(entry, found);
	else if (value && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		if (record['correct'] === false && typeof record['html'] === 'string') found.push(normalize(record['html']));
		for (const entry of Object.values(record)) wrongChoicesIn(entry, found);
	}
}

/**
 * Every wrong choice of every practice set, as text, from the practice data in the build (`dist/practice/`,
 * whatever its layout). Short ones ("no", "None", a bare name such as `unittest.IsolatedAsyncioTestCase`) also
 * appear in right prose and code; a wrong sentence or statement of 35 characters or more is distinctive.
 */
function wrongChoices(): string[] {
	const root = path.resolve(import.meta.dirname, '../dist/practice');
	const texts: string[] = [];
	for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
		if (entry.isFile() && entry.name.endsWith('.json'))
			wrongChoicesIn(JSON.parse(readFileSync(path.join(entry.parentPath, entry.name), 'utf8')), texts);
	}
	return [...new Set(texts)].filter((text) => text.length >= 35);
}

test.describe('search ranks the lesson that teaches a term first and never shows a wrong choice', () => {
	const wrong = wrongChoices();

	test('the build has wrong choices to look for', () => {
		expect(wrong.length).toBeGreaterThan(50);
	});

	for (const [term, lesson] of Object.entries(TEACHES)) {
		test(`searching "${term}" lists ${lesson} first, with no wrong choice in any excerpt`, async ({ page }) => {
			await page.goto('/');
			await page.getByRole('button', { name: 'Search' }).click();
			const dialog = page.getByRole('dialog');
			await dialog.getByRole('textbox', { name: 'Search' }).fill(term);
			const results = dialog.locator('.pagefind-ui__result');
			await expect(results.first()).toBeVisible();
			await expect(results.first().locator('.pagefind-ui__result-link').first()).toHaveAttribute('href', lesson);

			const excerpts = (await dialog.locator('.pagefind-ui__result-excerpt').allTextContents()).map(normalize);
			expect(excerpts.length).toBeGreaterThan(0);
			for (const excerpt of excerpts) {
				expect(excerpt).not.toMatch(/✗|\bWrong\b/);
				// The whole choice (its first 60 characters when longer): a shorter prefix of a code choice, such as
				// `await Post.objects.aget(pk=2).`, also begins right code in the lessons.
				const shown = wrong.filter((choice) => excerpt.includes(choice.slice(0, 60)));
				expect(shown, `excerpt "${excerpt}" shows a wrong choice`).toEqual([]);
			}
		});
	}
});
