/**
 * The browser runner (issue 13) on the production build: Run executes a lesson's sample on real Django in
 * Pyodide in a Web Worker, Edit/Reset change and restore it, the watchdog ends runaway code, bad input ends with a
 * clear message, nothing of Pyodide loads before the first Run, and the buttons cost at most 1 KB gzip at load.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { BrowserError } from './allowed-errors.ts';
import { expect, test, unexpectedErrors, watchErrors } from './fixtures.ts';
import { gzipSize } from '../scripts/quality/transfer.ts';
import { cachedFetch, measurePage } from './budgets/measure-page.ts';
import { sitemapPaths } from './site.ts';

const AGET = '/lessons/aget/';
/** A cold start (about 15 MB from the local server, Python and Django starting) on a busy 2-core machine. */
const COLD = 90_000;

test.describe.configure({ timeout: 180_000 });

/** The first runnable sample of the page: its marker holds the Run, Edit and Reset buttons and the output. */
function firstSample(page: Page): Locator {
	return page.locator('div.runner').first();
}

async function runAndWait(sample: Locator): Promise<string> {
	const status = sample.getByRole('status');
	// The previous run's status ("Finished …") must not be taken for this run's: Run replaces it, after the click
	// returns when the buttons' module hands the click to ui.ts.
	const previous = (await status.count()) > 0 ? await status.elementHandle() : null;
	await sample.getByRole('button', { name: 'Run' }).click();
	await previous?.waitForElementState('hidden');
	await expect(status).toHaveText(/^(Finished|Raised|Stopped|Could not|Python)/, { timeout: COLD });
	return (await status.textContent()) ?? '';
}

function output(sample: Locator): Locator {
	return sample.locator('figure.runner-result pre');
}

async function edit(sample: Locator, code: string): Promise<void> {
	await sample.getByRole('button', { name: 'Edit' }).click();
	const editor = sample.page().getByRole('textbox', { name: 'Code of this sample (editable)' });
	await expect(editor).toBeFocused();
	await editor.fill(code);
}

/*
 * One page for the whole story, in order, so Pyodide starts cold once (and once more after the watchdog), not
 * once per test: the suite stays a small part of CI's time.
 */
test.describe.serial('on the aget lesson', () => {
	let page: Page;
	let sample: Locator;
	const errors: BrowserError[] = [];
	const requested: string[] = [];

	test.beforeAll(async ({ browser }) => {
		const context = await browser.newContext();
		await watchErrors(context, errors);
		page = await context.newPage();
		// A worker gets its Content-Security-Policy from its own response: serve it with the production header
		// (dist/_headers), which `astro preview` does not send, so every run below happens under the strict policy.
		const policy = /Content-Security-Policy: (.*)/.exec(readFileSync('dist/_headers', 'utf8'))?.[1] ?? '';
		expect(policy).toContain("'wasm-unsafe-eval'");
		await page.route('**/_astro/worker*.js', async (route) => {
			const response = await route.fetch();
			await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
		});
		page.on('worker', (worker) => {
			worker.on('console', (message) => {
				if (message.type() === 'error')
					errors.push({ kind: 'console', text: message.text(), url: worker.url(), stack: '' });
			});
		});
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		await page.goto(AGET);
		sample = firstSample(page);
	});
	test.afterAll(async () => {
		expect(unexpectedErrors(errors)).toEqual([]);
		await page.context().close();
	});

	test('no Pyodide byte is requested before the first Run, and Run prints the recorded output', async () => {
		await page.mouse.wheel(0, 4000);
		await page.waitForLoadState('networkidle');
		const runtime = (path: string) => /\/runner\/|pyodide|\/_astro\/(ui|worker)/.test(path);
		expect(requested.filter(runtime), 'requested before the first Run').toEqual([]);

		// The caveats are said once, where readers first meet Run.
		const caveat = sample.locator(':scope > p');
		await expect(caveat).toContainText('One thread: a blocking call stalls everything');
		await expect(caveat).toContainText('Python 3.14');
		await expect(page.locator('div.runner > p')).toHaveCount(1);
		const recorded =
			// textContent: a code block off screen may skip rendering (content-visibility), and innerText then is "".
			(
				await sample.locator('xpath=following-sibling::div[contains(@class,"expressive-code")][1]//pre').textContent()
			)?.trim();
		expect(recorded).toBe('Hello');

		// A slower network, so the progress bar of the first Run can be seen moving.
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: 20,
			downloadThroughput: 4_000_000,
			uploadThroughput: 4_000_000,
		});
		await sample.getByRole('button', { name: 'Run' }).click();
		const progress = sample.getByRole('progressbar', { name: /^Loading Python 3\.14 and Django 5\.2/ });
		await expect(progress).toBeVisible({ timeout: 20_000 });
		await expect(progress).toHaveAttribute('max', /^\d{7,}$/);
		await expect(sample.getByRole('status')).toHaveText(/^Finished in \d+ ms\.$/, { timeout: COLD });
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: 0,
			downloadThroughput: -1,
			uploadThroughput: -1,
		});
		expect((await output(sample).innerText()).trim()).toBe(recorded);
		// The first Run's payload, gzip as a host would serve it, within its 7.5 MB budget.
		const firstRun = [...new Set(requested.filter(runtime))];
		expect(firstRun.filter((path) => path.includes('/runner/')).length).toBeGreaterThan(4);
		const gzip = firstRun.reduce((sum, path) => sum + gzipSize(readFileSync(`dist${decodeURIComponent(path)}`)), 0);
		console.log(`first Run: ${firstRun.length} files, ${(gzip / 1e6).toFixed(2)} MB gzip`);
		expect(gzip).toBeLessThanOrEqual(7_500_000);
	});

	test('editing the sample to a sync get() shows SynchronousOnlyOperation, and Reset restores it', async () => {
		await edit(sample, 'post = Post.objects.get(pk=1)\nprint(post.title)');
		expect(await runAndWait(sample)).toBe('Raised SynchronousOnlyOperation.');
		await expect(output(sample)).toContainText(
			'SynchronousOnlyOperation: You cannot call this from an async context - use a thread or sync_to_async.',
		);
		await expect(output(sample)).toContainText('line 1, in <module>');

		await sample.getByRole('button', { name: 'Reset' }).click();
		await expect(page.getByRole('textbox', { name: 'Code of this sample (editable)' })).toHaveCount(0);
		await expect(sample.getByRole('button', { name: 'Edit' })).toBeFocused();
		expect(await runAndWait(sample)).toMatch(/^Finished/);
		expect((await output(sample).innerText()).trim()).toBe('Hello');
	});

	test('bad input ends with a clear message and the next Run works', async () => {
		const cases: [code: string, status: RegExp, shown: RegExp][] = [
			['raise ValueError("nope")', /^Raised ValueError\.$/, /ValueError: nope/],
			['import numpy', /^Raised ModuleNotFoundError\.$/, /No module named 'numpy'/],
			['print("x" * 10_000_000)', /^Stopped: the sample printed too much\.$/, /printed more than 100,000 characters/],
			['import os\nos.remove("/tmp/awaitable/db.sqlite3")\nprint("deleted")', /^Finished/, /^deleted\s*$/],
			['print(await Post.objects.acount())', /^Finished/, /^3\s*$/],
			['import os\nos._exit(0)', /^Raised SystemExit\.$/, /os\._exit\(0\) was called/],
			['print(await Post.objects.acount())', /^Finished/, /^3\s*$/],
		];
		await sample.getByRole('button', { name: 'Edit' }).click();
		const editor = page.getByRole('textbox', { name: 'Code of this sample (editable)' });
		for (const [code, status, shown] of cases) {
			await editor.fill(code);
			expect(await runAndWait(sample), code).toMatch(status);
			await expect(output(sample), code).toHaveText(shown);
		}
		await sample.getByRole('button', { name: 'Reset' }).click();
	});

	test('the buttons, editor and output have no axe violations, light and dark', async () => {
		const testInfo = test.info();
		await page.locator('div.runner').nth(1).getByRole('button', { name: 'Edit' }).click();
		for (const theme of ['light', 'dark'] as const) {
			await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
			await sample.scrollIntoViewIfNeeded();
			await page.screenshot({ path: testInfo.outputPath(`runner-${theme}.png`) });
			const results = await new AxeBuilder({ page })
				.include('div.runner')
				.include('textarea.runner-editor')
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
				.analyze();
			const violations = results.violations.map(
				(violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
			);
			expect(violations, theme).toEqual([]);
		}
		await page.locator('div.runner').nth(1).getByRole('button', { name: 'Reset' }).click();
	});

	test('Run and Edit work from the keyboard', async () => {
		const run = sample.getByRole('button', { name: 'Run' });
		await run.focus();
		await page.keyboard.press('Tab');
		await expect(sample.getByRole('button', { name: 'Edit' })).toBeFocused();
		await page.keyboard.press('Enter');
		const editor = page.getByRole('textbox', { name: 'Code of this sample (editable)' });
		await expect(editor).toBeFocused();
		await page.keyboard.press('ControlOrMeta+End');
		await page.keyboard.type('\nprint("typed")');
		await run.focus();
		await page.keyboard.press('Enter');
		await expect(sample.getByRole('status')).toHaveText(/^Finished/, { timeout: COLD });
		await expect(output(sample)).toHaveText(/^Hello\s+typed\s*$/);
		await sample.getByRole('button', { name: 'Reset' }).click();
	});

	test('a runaway loop is stopped by the watchdog, and the next Run works', async () => {
		await edit(sample, 'while True:\n    pass');
		expect(await runAndWait(sample)).toMatch(/^Stopped after 10 s: the sample was still running/);
		await sample.getByRole('button', { name: 'Reset' }).click();
		expect(await runAndWait(sample)).toMatch(/^Finished/);
		expect((await output(sample).innerText()).trim()).toBe('Hello');
	});
});

test('a failed download says so and offers a retry that works', async ({ page }) => {
	await page.goto(AGET);
	await page.route('**/runner/**', (route) => route.abort('internetdisconnected'));
	const sample = firstSample(page);
	expect(await runAndWait(sample)).toMatch(
		/^Could not download Python \(.+\)\. Check your connection and try again\.$/,
	);
	await page.unroute('**/runner/**');
	await sample.getByRole('button', { name: 'Retry' }).click();
	await expect(sample.getByRole('status')).toHaveText(/^Finished/, { timeout: COLD });
	expect((await output(sample).innerText()).trim()).toBe('Hello');
});

test('a sample that cannot run in the browser says why instead of offering Run', async ({ page }) => {
	await page.goto('/lessons/blocking/');
	const why = page.locator('p.runner-no').first();
	await expect(why).toBeVisible();
	await expect(why).toHaveText(
		/^Not runnable here: (needs real threads|timing differs|Python 3\.14|differs in the browser)/,
	);
	await expect(why.getByRole('button')).toHaveCount(0);
	await expect(why.locator('xpath=preceding-sibling::*[1]')).toHaveClass(/expressive-code/);
});

/**
 * What the runner adds to a lesson at load, gzip: its module and stylesheet, its script tag and the markers under
 * runnable samples. Its text, the caveats (one sentence, above the first Run) and the notes under samples that
 * cannot run (one sentence each, saying why), is reported beside it.
 */
async function runnerShareAtLoad(
	page: Page,
	request: APIRequestContext,
	path: string,
): Promise<{ buttons: number; text: number }> {
	const fetch = cachedFetch(async (urlPath) => {
		const response = await request.get(urlPath);
		return response.ok()
			? { body: await response.body(), contentType: response.headers()['content-type'] ?? '' }
			: undefined;
	});
	const measured = await measurePage(page, path, fetch);
	const files = measured.figures.totalAtLoad.filter((transfer) =>
		/\/_astro\/(RunnerScript|runner)\./.test(transfer.url),
	);
	expect(files.map((file) => file.url.replace(/\..*$/, ''))).toEqual(
		expect.arrayContaining(['/_astro/RunnerScript', '/_astro/runner']),
	);
	const html = (await fetch(path))?.body.toString('utf8') ?? '';
	const withoutText = html
		.replace(/(<div class="runner" hidden(?: data-run="sync")?>)\s*<p>[^<]*<\/p>/, '$1')
		.replace(/<p class="runner-no" hidden>[^<]*<\/p>\n?/g, '');
	const withoutEither = withoutText
		.replace(/<div class="runner" hidden(?: data-run="sync")?>\s*<\/div>\n?/g, '')
		.replace(/<script type="module" src="[^"]*RunnerScript[^"]*"><\/script>/, '');
	expect(withoutEither).not.toMatch(/class="runner(-no)?"/);
	return {
		buttons: files.reduce((sum, file) => sum + file.gzip, 0) + gzipSize(withoutText) - gzipSize(withoutEither),
		text: gzipSize(html) - gzipSize(withoutText),
	};
}

test('the Run buttons add at most 1 KB gzip at load to every lesson page', async ({ page, request }) => {
	const lessons = (await sitemapPaths(request)).filter((path) => /\/lessons\/[^/]+\/$/.test(path));
	expect(lessons.length).toBeGreaterThan(3);
	const lines: string[] = [];
	for (const lesson of lessons) {
		const { buttons, text } = await runnerShareAtLoad(page, request, lesson);
		lines.push(`${lesson}: ${buttons} B (+ ${text} B of caveats and notes)`);
		expect(buttons, lesson).toBeLessThanOrEqual(1000);
	}
	console.log(`runner bytes at load (gzip): ${lines.join(', ')}`);
});
