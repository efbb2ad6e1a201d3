/**
 * The Content-Security-Policy holds and the site still works under it: every island, Expressive Code's copy
 * button and Pagefind's search do their job. The policy is the `<meta>` Astro writes (see astro.config.mjs and
 * src/integrations/csp-headers.ts). A violation fails any test it happens in (e2e/fixtures.ts logs each
 * `securitypolicyviolation` as a console error); every page loading without one, and carrying a strict
 * policy, is checked page by page by the sweep (e2e/sweep.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bytesOf, eventHandlerNames, eventHandlerNamesByPattern, WIDE_SPACE } from '../src/integrations/csp-policy.ts';
import { expect, test } from './fixtures.ts';
import { GUIDE, widget } from './practice.ts';

test('the built _headers file has the policy with frame-ancestors, Referrer-Policy and X-Content-Type-Options', () => {
	// `astro preview` does not serve extensionless files, so read the build's copy (the one a host reads).
	const headers = readFileSync('dist/_headers', 'utf8');
	const rule = headers.split(/\n(?=\S)/).find((block) => block.startsWith('/*')) ?? '';
	const header = (name: string) => new RegExp(`^\\s+${name}: (.*)$`, 'm').exec(rule)?.[1];
	const policy = header('Content-Security-Policy') ?? '';
	expect(policy).toMatch(/frame-ancestors 'none'/);
	expect(policy).toMatch(/object-src 'none'/);
	const script = /(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1] ?? '';
	expect(script).toContain("'self'");
	expect(script).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
	expect(header('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
	expect(header('X-Content-Type-Options')).toBe('nosniff');
});

test("the build's event-handler scan finds on every built page what the regular expressions it replaced find", () => {
	// The check of every page (csp-policy.ts) reads tags in one pass; the patterns it replaced are its fallback.
	// Each page as built, and with a handler added to its <body> and to its first link, the way a mistake would;
	// and the scan of the page's bytes, as the build reads it (csp-audit.ts), finds what the scan of its text finds.
	const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
	expect(pages.length).toBeGreaterThan(10);
	const names = (found: { tag: string; name: string }[]) =>
		found.filter(({ name }) => /^on[a-z]+$/i.test(name)).map(({ tag, name }) => `${name}= on <${tag}>`);
	for (const page of pages) {
		const built = readFileSync(path.join('dist', page), 'utf8');
		const broken = built.replace(/<body\b/, '<body onload="go()"').replace(/<a\b/, "<a\tONCLICK='go()'");
		for (const html of [built, broken]) {
			expect(names(eventHandlerNames(html)), page).toEqual(names(eventHandlerNamesByPattern(html)));
			const bytes = bytesOf(html);
			if (!WIDE_SPACE.test(bytes)) expect(eventHandlerNames(bytes, true), page).toEqual(eventHandlerNames(html));
		}
		expect(names(eventHandlerNames(broken)), page).toEqual(
			expect.arrayContaining(['onload= on <body>', ...(/<a\b/.test(built) ? ['ONCLICK= on <a>'] : [])]),
		);
	}
});

test('every practice island works under the policy', async ({ page }) => {
	await page.goto(GUIDE);

	const cards = await widget(page, 'cards');
	await cards.getByText('Show the answer').first().click();
	await cards.getByRole('button', { name: 'I knew it' }).first().click();
	await expect(cards.locator('.aw-status')).toContainText('1 known');

	const quiz = await widget(page, 'quiz');
	await quiz.getByRole('radio').first().check();
	await quiz.getByRole('button', { name: 'Unsure' }).first().click();
	await expect(quiz.locator('.aw-feedback').first()).toBeVisible();

	const explain = await widget(page, 'explain');
	await explain
		.getByRole('textbox')
		.first()
		.fill('filter() builds a lazy QuerySet; only methods that query need an a-version.');
	await explain.getByText('Hint').first().click();
	await explain.getByText('Show the model answer').first().click();
	await explain.getByRole('checkbox').first().check();
	await expect(explain.getByRole('checkbox').first()).toBeChecked();

	const practice = await widget(page, 'practice');
	await practice.getByRole('radio').first().check();
	await practice.getByRole('button', { name: 'Unsure' }).first().click();
	await expect(practice.locator('.aw-feedback').first()).toBeVisible();
});

test('the test and progress pages work under the policy', async ({ page }) => {
	await page.goto('/test/');
	const testWidget = await widget(page, 'test');
	const groups = testWidget.getByRole('group', { name: /Question \d+ of/ });
	const total = await groups.count();
	expect(total).toBeGreaterThan(0);
	for (let index = 0; index < total; index++) await groups.nth(index).getByRole('radio').first().check();
	await testWidget.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(testWidget.getByRole('status')).toContainText(`of ${total}.`);

	await page.goto('/progress/');
	const progress = await widget(page, 'progress');
	await expect(progress).toContainText(/Test results/);
	await expect(progress.getByRole('button', { name: 'Reset my progress' })).toBeVisible();
});

test("Expressive Code's copy button copies under the policy", async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto(GUIDE);
	const block = page.locator('.expressive-code').first();
	await block.scrollIntoViewIfNeeded();
	await block.hover();
	await block.getByRole('button', { name: /copy/i }).click();
	// The block's lines as shown, one `.ec-line` each (the `<pre>`'s innerText doubles its blank lines).
	const expected = (await block.locator('.ec-line').allInnerTexts())
		.map((line) => line.replace(/\n$/, ''))
		.join('\n')
		.trim();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied.trim()).toBe(expected);
});

test('search finds a lesson under the policy, WebAssembly included', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Search' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByRole('textbox').fill('aupdate');
	await expect(dialog.locator('a[href*="/lessons/"]').first()).toBeVisible();
	await dialog.getByRole('textbox').press('Enter');
	await expect(dialog.locator('a[href*="/lessons/"]').first()).toBeVisible();
});
