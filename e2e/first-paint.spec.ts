/**
 * A page that arrives in parts (a slow network, a busy machine) is painted before it is whole. What the first
 * paint shows must already be in its final place: Starlight's right sidebar comes before the main pane in the
 * HTML, and a paint made before the main pane arrived drew it in the content column, then jumped 680 px (a
 * layout shift of 0.41, on some loads only). A small proxy in front of the preview server sends each page's
 * HTML in two parts, cut just before its main pane, with a pause between them long enough for a paint.
 *
 * Nothing but the document comes before the main text paints (src/lib/site/after-paint.ts): Lighthouse counts
 * every request that ends before the largest paint as holding it, and on the build machine a script or an image
 * came back well before a lesson's main text had painted (issue 15: 0.15–0.3 s of each page's LCP).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures.ts';
import { GUIDE_PRACTICE } from './practice.ts';
import { islandsReady } from './site.ts';

const PAUSE_MS = 700;
/** Where the HTML is cut: before the main pane, after everything Starlight lays out beside it. */
const CUT_BEFORE = '<div class="main-pane';

async function splittingProxy(origin: string): Promise<{ server: Server; url: string }> {
	const server = createServer((request, response) => {
		void (async () => {
			const upstream = await fetch(new URL(request.url ?? '/', origin));
			const type = upstream.headers.get('content-type') ?? '';
			const body = Buffer.from(await upstream.arrayBuffer());
			response.writeHead(upstream.status, { 'content-type': type });
			const cut = type.includes('text/html') ? body.indexOf(CUT_BEFORE) : -1;
			if (cut <= 0) {
				response.end(body);
				return;
			}
			response.write(body.subarray(0, cut));
			setTimeout(() => response.end(body.subarray(cut)), PAUSE_MS);
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

for (const path of ['/lessons/aget/', GUIDE_PRACTICE]) {
	test(`${path} painted before its main pane arrives shifts nothing once it does`, async ({ page, baseURL }) => {
		const { server, url } = await splittingProxy(baseURL ?? '');
		try {
			await page.addInitScript(() => {
				const view = window as unknown as { shifted: string[] };
				view.shifted = [];
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as (PerformanceEntry & {
						value: number;
						sources: { node?: Node | null }[];
					})[]) {
						if (entry.value < 0.0005) continue;
						const nodes = entry.sources.map((source) => (source.node as Element | null)?.className ?? '?');
						view.shifted.push(`${entry.value.toFixed(3)} (${nodes.join(', ')})`);
					}
				}).observe({ type: 'layout-shift', buffered: true });
			});
			await page.goto(`${url}${path}`);
			// The second part has arrived and been laid out.
			await expect(page.locator('.main-pane h1')).toBeVisible();
			await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
			expect(await page.evaluate(() => (window as unknown as { shifted: string[] }).shifted)).toEqual([]);
		} finally {
			server.close();
		}
	});
}

/**
 * Pages whose largest paint is server-rendered text: a page whose largest paint is an island's own render (the
 * progress board, the review queue) paints it after that island's code has arrived, by design. The practice
 * page's and the test's islands hydrate when visible (Astro's `client:visible`), right after the first layout.
 */
const PAGE_TYPES = ['/', '/lessons/blocking/', '/guide/authoring/', '/no-such-page/'];

for (const path of PAGE_TYPES) {
	// What Lighthouse counts: a file that has arrived before the paint (its end, not its start: the loader starts
	// them in the frame after the one that paints, which the browser may still be presenting).
	test(`${path} receives nothing but its document before its main text has painted`, async ({ page }) => {
		await page.goto(path);
		await islandsReady(page);
		const { requests, mainPaints } = await page.evaluate(async () => {
			const paints = await new Promise<PerformanceEntryList>((resolve) =>
				new PerformanceObserver((list, observer) => {
					observer.disconnect();
					resolve(list.getEntries());
				}).observe({ type: 'largest-contentful-paint', buffered: true }),
			);
			return {
				requests: performance
					.getEntriesByType('resource')
					.map((entry) => entry as PerformanceResourceTiming)
					.filter((entry) => !entry.name.startsWith('data:'))
					.map((entry) => ({ url: new URL(entry.name).pathname, at: Math.round(entry.responseEnd) })),
				// Largest paints of the main pane's text (the header's title is painted first on some loads).
				mainPaints: (paints as (PerformanceEntry & { element: Element | null })[])
					.filter((entry) => entry.element?.closest('main') !== null && entry.element !== null)
					.map((entry) => Math.round(entry.startTime)),
			};
		});
		expect(mainPaints.length, 'a largest paint in the main pane').toBeGreaterThan(0);
		const painted = Math.min(...mainPaints);
		expect(
			requests.filter((request) => request.at <= painted),
			`main text painted at ${painted} ms`,
		).toEqual([]);
	});
}

test("a lesson's runner markers are in their final place before the runner's script arrives", async ({ browser }) => {
	// The runner's script loads after the first paint: what it shows must not move the text (src/styles/site.css).
	const layout = async (withScript: boolean) => {
		const page = await browser.newPage();
		if (!withScript) await page.route('**/RunnerScript.astro_*', (route) => route.abort());
		await page.goto('/lessons/blocking/');
		if (withScript) await expect(page.getByRole('button', { name: 'Run' }).first()).toBeVisible();
		else await page.waitForLoadState('load');
		// Off-screen code blocks stand at a placeholder height until the browser lays them out
		// (`content-visibility: auto`, site.css), which it may do sooner or later: laid out, every block is at
		// its real height, and the positions compared are those a reader scrolling down will meet.
		await page
			.locator('.sl-markdown-content .expressive-code')
			.evaluateAll((blocks) => blocks.forEach((block) => ((block as HTMLElement).style.contentVisibility = 'visible')));
		const positions = await page.locator('.runner, .runner-no').evaluateAll((markers) =>
			markers.map((marker) => {
				const next = marker.nextElementSibling?.getBoundingClientRect();
				return `${marker.getBoundingClientRect().height} ${next ? next.top + window.scrollY : ''}`;
			}),
		);
		await page.close();
		return positions;
	};
	const final = await layout(true);
	expect(final.length, 'markers on the lesson').toBeGreaterThan(0);
	expect(await layout(false)).toEqual(final);
});
