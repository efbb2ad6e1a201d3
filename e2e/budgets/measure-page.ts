/**
 * Measures what a page costs a reader, in a real browser, without scrolling:
 *
 * - at load: the document and every resource the page requested until the network was idle, without
 *   scrolling and with the islands held back: what a reader downloads before any island becomes visible.
 *   Islands in view at load would hydrate at once, and their code and the data they fetch are the islands
 *   figure's, budgeted apart (DESIGN.md); held back, the figure is the same on every run and machine, where
 *   "started before the `load` event" raced with the hydration of an island in view;
 * - islands: the modules every `<astro-island>` of the page needs (component, renderer, and the closure of
 *   their static imports), read from the built files whether or not the island has hydrated yet;
 * - JavaScript at load before any island: the JavaScript at load that is not an island's, plus what the
 *   page's inline scripts add to the gzipped HTML.
 *
 * Bodies are fetched again from the server and gzipped here (the preview server does not compress), so the
 * figures depend only on the build. Shared by `e2e/budgets.spec.ts` and `scripts/bench.ts`.
 */
import type { Page, Route } from '@playwright/test';
import {
	islandEntries,
	islandsOf,
	lazyModules,
	pageScripts,
	staticClosure,
	type Island,
} from '../../scripts/quality/module-graph.ts';
import { transferOf, type Transfer } from '../../scripts/quality/transfer.ts';
import { inlineScriptCost } from '../../scripts/quality/inline-scripts.ts';
import type { PageFigures } from '../../scripts/quality/budgets.ts';

/** Fetches a URL path from the site under test; `undefined` on a 4xx/5xx. */
export type Fetch = (urlPath: string) => Promise<{ body: Buffer; contentType: string } | undefined>;

export interface PageMeasurement {
	path: string;
	islands: Island[];
	/** Everything started before `load`, the document first. */
	atLoad: Transfer[];
	/** The budgeted figures. */
	figures: PageFigures;
	/** Modules the page loads only on demand (`import()`), such as Pagefind's UI. */
	lazy: string[];
	/** Every URL path requested from the start of navigation until the page was idle. */
	requested: string[];
}

/** A cached fetch: one download per URL for the whole run. */
export function cachedFetch(fetchOnce: Fetch): Fetch {
	const cache = new Map<string, ReturnType<Fetch>>();
	return (urlPath) => {
		let result = cache.get(urlPath);
		if (!result) {
			result = fetchOnce(urlPath);
			cache.set(urlPath, result);
		}
		return result;
	};
}

export async function measurePage(page: Page, path: string, fetch: Fetch): Promise<PageMeasurement> {
	const html = (await fetch(path))?.body.toString('utf8') ?? '';
	const islands = islandsOf(html);
	const held = new Set(islandEntries(islands));
	// Held, not aborted: an aborted module fails the island's import, which the page reports as an error. A
	// module whose top-level await never settles keeps the island waiting, quietly, until the page is left.
	const holdIslands = (route: Route) =>
		held.has(new URL(route.request().url()).pathname)
			? route.fulfill({ contentType: 'text/javascript', body: 'await new Promise(() => {});' })
			: route.fallback();
	// From a blank page: requests still coming from a page shown before (its islands hydrate after the first
	// paint, src/lib/site/after-paint.ts) would otherwise be counted as this page's.
	await page.goto('about:blank');
	const requested: string[] = [];
	const onRequest = (request: { url(): string }) => requested.push(request.url());
	await page.route('**/*', holdIslands);
	page.on('request', onRequest);
	try {
		await page.goto(path, { waitUntil: 'load' });
		await page.waitForLoadState('networkidle');
	} finally {
		page.off('request', onRequest);
		await page.unroute('**/*', holdIslands);
	}

	const origin = new URL(page.url()).origin;
	const urls = [
		path,
		...requested
			.filter((url) => url.startsWith(origin))
			.map((url) => url.slice(origin.length))
			.filter((url) => !held.has(url)),
	];

	const atLoad: Transfer[] = [];
	for (const url of [...new Set(urls)]) {
		const response = await fetch(url);
		if (response) atLoad.push(transferOf(url, response.body, response.contentType));
	}
	const read = async (url: string) => (await fetch(url))?.body.toString('utf8');

	const { modules: islandModules } = await staticClosure(islandEntries(islands), read);
	const islandTransfers: Transfer[] = [];
	for (const url of islandModules) {
		const response = await fetch(url);
		if (response) islandTransfers.push(transferOf(url, response.body, response.contentType));
	}
	const islandSet = new Set(islandModules);
	const pageJs = atLoad.filter((transfer) => transfer.kind === 'js' && !islandSet.has(transfer.url));
	const inline = inlineScriptCost(html);
	if (inline.count > 0) {
		pageJs.push({
			url: `${path} (${inline.count} inline scripts)`,
			kind: 'js',
			bytes: inline.bytes,
			gzip: inline.gzip,
		});
	}

	return {
		path,
		islands,
		atLoad,
		figures: { jsAtLoad: pageJs, islands: islandTransfers, totalAtLoad: atLoad },
		lazy: await lazyModules(pageScripts(html), read),
		requested: requested.map((url) => new URL(url).pathname),
	};
}
