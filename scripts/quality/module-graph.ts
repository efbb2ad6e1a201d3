/**
 * The JavaScript module graph of the built site, read from the files themselves: which modules an entry
 * pulls in through static `import`/`export … from` (loaded before the entry runs), and which it only
 * `import()`s later. Used to say exactly which bytes an island costs, and which chunks are lazy (search).
 * Pure: the caller passes a `read` function (from `dist/` on disk, or over HTTP in the e2e tests).
 */

/** Reads a module by its URL path (`/_astro/x.js`); undefined when it does not exist. */
export type ReadModule = (urlPath: string) => Promise<string | undefined>;

const STATIC_IMPORT = /(?:^|[^\w$.])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'`])([^"'`\n]+)\1/g;
const RE_EXPORT = /(?:^|[^\w$.])export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*(["'`])([^"'`\n]+)\1/g;
const DYNAMIC_IMPORT = /(?:^|[^\w$.])import\s*\(\s*(["'`])([^"'`$\n]+)\1\s*\)/g;

/** Specifiers of a module's static imports and re-exports, in source order, without duplicates. */
export function staticImports(source: string): string[] {
	const found = [...source.matchAll(STATIC_IMPORT), ...source.matchAll(RE_EXPORT)]
		.sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
		.map((match) => match[2] ?? '');
	return [...new Set(found)];
}

/** Specifiers of a module's `import('…')` with a literal path (template literals with `${}` are skipped). */
export function dynamicImports(source: string): string[] {
	return [...new Set([...source.matchAll(DYNAMIC_IMPORT)].map((match) => match[2] ?? ''))];
}

/** Resolves a relative or root-relative specifier against the importing module's URL path. */
export function resolveSpecifier(from: string, specifier: string): string | undefined {
	if (!/^(\.{1,2}\/|\/)/.test(specifier)) return undefined; // a bare name never reaches the browser
	return new URL(specifier, `http://site${from}`).pathname;
}

/**
 * Every module the entries load before they run: the entries and the closure of their static imports.
 * Modules that cannot be read are reported in `missing` rather than ignored.
 */
export async function staticClosure(
	entries: readonly string[],
	read: ReadModule,
): Promise<{ modules: string[]; missing: string[] }> {
	const seen = new Set<string>();
	const missing: string[] = [];
	const queue = [...entries];
	while (queue.length > 0) {
		const url = queue.shift() ?? '';
		if (seen.has(url)) continue;
		seen.add(url);
		const source = await read(url);
		if (source === undefined) {
			missing.push(url);
			continue;
		}
		for (const specifier of staticImports(source)) {
			const resolved = resolveSpecifier(url, specifier);
			if (resolved && !seen.has(resolved)) queue.push(resolved);
		}
	}
	return { modules: [...seen].filter((url) => !missing.includes(url)), missing };
}

/**
 * Modules reachable only through `import()` from the entries' static closure: code a page loads later,
 * on demand (for example Pagefind's UI behind the search button).
 */
export async function lazyModules(entries: readonly string[], read: ReadModule): Promise<string[]> {
	const eager = new Set((await staticClosure(entries, read)).modules);
	const lazy = new Set<string>();
	for (const url of eager) {
		for (const specifier of dynamicImports((await read(url)) ?? '')) {
			const resolved = resolveSpecifier(url, specifier);
			if (resolved && !eager.has(resolved)) lazy.add(resolved);
		}
	}
	const { modules } = await staticClosure([...lazy], read);
	return modules.filter((url) => !eager.has(url)).sort();
}

export interface Island {
	/** The component's name, from the island's `opts`. */
	name: string;
	/** `load`, `idle`, `visible`, `media` or `only`. */
	client: string;
	componentUrl: string;
	rendererUrl: string | undefined;
	beforeHydrationUrl: string | undefined;
}

function decode(value: string): string {
	return value
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** The islands of a built page, from its `<astro-island>` elements. */
export function islandsOf(html: string): Island[] {
	const islands: Island[] = [];
	for (const [tag] of html.matchAll(/<astro-island\b[^>]*>/g)) {
		const attribute = (name: string) => {
			const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
			return match ? decode(match[1] ?? '') : undefined;
		};
		const componentUrl = attribute('component-url');
		if (!componentUrl) continue;
		let name = componentUrl;
		try {
			name = (JSON.parse(attribute('opts') ?? '{}') as { name?: string }).name ?? componentUrl;
		} catch {
			// Keep the URL as the name.
		}
		islands.push({
			name,
			client: attribute('client') ?? 'unknown',
			componentUrl,
			rendererUrl: attribute('renderer-url') || undefined,
			beforeHydrationUrl: attribute('before-hydration-url') || undefined,
		});
	}
	return islands;
}

/** The entry modules of a page's islands: components, renderers and before-hydration scripts. */
export function islandEntries(islands: readonly Island[]): string[] {
	const urls = islands.flatMap((island) => [island.componentUrl, island.rendererUrl, island.beforeHydrationUrl]);
	return [...new Set(urls.filter((url): url is string => url !== undefined))];
}

/** The external module scripts of a page (`<script type="module" src>`), which run before `load`. */
export function pageScripts(html: string): string[] {
	const urls: string[] = [];
	for (const [, attributes = ''] of html.matchAll(/<script\b([^>]*)>/g)) {
		const src = /\ssrc="([^"]+)"/.exec(attributes)?.[1];
		if (src) urls.push(decode(src));
	}
	return [...new Set(urls)];
}
