/**
 * The browser runner's figures for `npm run bench` (and `npm run bench -- --only runner`), on the aget lesson of
 * a production build served at `origin`:
 *
 * - first-run bytes: everything the first Run requests (the runner's page module, its worker, Pyodide and Django),
 *   with gzip (level 9) and brotli (quality 11), as a host that precompresses static files would serve them;
 * - time from the click to the first output, cold (empty HTTP cache) and cached (the same browser profile, a new
 *   page: the files come from the cache, Python starts again);
 * - a warm run's time (Python already started), the median of several.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';

export interface RunnerBench {
	requests: number;
	bytes: number;
	gzip: number;
	brotli: number;
	coldMs: number;
	cachedMs: number;
	warmMs: number[];
}

const LESSON = '/lessons/aget/';

async function firstOutput(page: Page): Promise<number> {
	const sample = page.locator('div.runner').first();
	const started = performance.now();
	await sample.getByRole('button', { name: 'Run' }).click();
	await sample.locator('figure.runner-result pre').waitFor({ timeout: 180_000 });
	const ms = performance.now() - started;
	await sample
		.getByRole('status')
		.filter({ hasText: /^Finished/ })
		.waitFor({ timeout: 60_000 });
	return ms;
}

async function warmRun(page: Page): Promise<number> {
	const sample = page.locator('div.runner').first();
	// Each run replaces the status line: mark the old one so the wait is for the new run's.
	await sample.getByRole('status').evaluate((status) => status.setAttribute('data-done', ''));
	const started = performance.now();
	await sample.getByRole('button', { name: 'Run' }).click();
	await sample.locator('[role="status"]:not([data-done])', { hasText: /^Finished/ }).waitFor({ timeout: 60_000 });
	return performance.now() - started;
}

/** `dist` is the served build's folder: the bodies are read from it, as the server sends them. */
export async function benchRunner(browser: Browser, origin: string, dist: string, warmRuns = 5): Promise<RunnerBench> {
	const context = await browser.newContext({ baseURL: origin, viewport: { width: 1280, height: 800 } });
	try {
		const page = await context.newPage();
		await page.goto(LESSON, { waitUntil: 'networkidle' });
		const requested: string[] = [];
		page.on('request', (request) => requested.push(request.url()));
		page.on('worker', (worker) => requested.push(worker.url()));
		const coldMs = await firstOutput(page);
		const warmMs: number[] = [];
		for (let run = 0; run < warmRuns; run++) warmMs.push(await warmRun(page));

		let bytes = 0;
		let gzip = 0;
		let brotli = 0;
		const urls = [...new Set(requested.filter((url) => url.startsWith(origin)).map((url) => url.split('?')[0] ?? url))];
		for (const url of urls) {
			const body = readFileSync(path.join(dist, decodeURIComponent(new URL(url).pathname)));
			bytes += body.byteLength;
			gzip += gzipSync(body, { level: 9 }).byteLength;
			brotli += brotliCompressSync(body, {
				params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
			}).byteLength;
		}

		const again = await context.newPage();
		await again.goto(LESSON, { waitUntil: 'networkidle' });
		const cachedMs = await firstOutput(again);
		return { requests: urls.length, bytes, gzip, brotli, coldMs, cachedMs, warmMs };
	} finally {
		await context.close();
	}
}

export function runnerTable(bench: RunnerBench): string {
	const mb = (value: number) => `${(value / 1e6).toFixed(2)} MB`;
	const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	const sorted = [...bench.warmMs].sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
	return [
		`first Run downloads: ${bench.requests} requests, ${mb(bench.bytes)} raw, ${mb(bench.gzip)} gzip, ${mb(bench.brotli)} brotli (budget 7.5 MB gzip)`,
		`click to first output: cold ${s(bench.coldMs)}, cached ${s(bench.cachedMs)}`,
		`a warm run (click to finished): median ${Math.round(median)} ms of ${bench.warmMs.length} (${bench.warmMs.map((ms) => Math.round(ms)).join(', ')} ms)`,
	].join('\n');
}
