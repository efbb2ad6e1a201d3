/**
 * The authoring guide explains every author error: each code of the one author-error module
 * (src/lib/practice/author-errors.ts) has a section, reached by the link every message prints.
 */
import { AUTHOR_ERRORS, guideLink, type AuthorErrorCode } from '../src/lib/practice/author-errors.ts';
import { expect, test } from './fixtures.ts';

const CODES = Object.keys(AUTHOR_ERRORS) as AuthorErrorCode[];

test.describe('the authoring guide', () => {
	test('has one section per author-error code, and none for a code the build does not know', async ({ page }) => {
		await page.goto('/guide/authoring/');
		const headings = page.getByRole('heading', { name: /^AW\d{3} / });
		await expect(headings).toHaveText(CODES.map((code) => `${code} ${AUTHOR_ERRORS[code].title}`));
	});

	test('opens at the section a message links to, which says the fix', async ({ page }) => {
		for (const code of ['AW101', 'AW201', 'AW304', 'AW401'] as const) {
			await page.goto(guideLink(code));
			const heading = page.getByRole('heading', { name: `${code} ${AUTHOR_ERRORS[code].title}` });
			await expect(heading).toBeInViewport();
			await expect(heading).toHaveAttribute('id', code.toLowerCase());
			// The section's text up to the next heading names the fix.
			const section = await heading.evaluate((element) => {
				let text = '';
				for (let next = element.parentElement?.nextElementSibling; next; next = next.nextElementSibling) {
					if (next.matches('.sl-heading-wrapper, h2, h3, h4')) break;
					text += `${next.textContent ?? ''}\n`;
				}
				return text;
			});
			expect(section).toContain('Fix: ');
		}
	});
});
