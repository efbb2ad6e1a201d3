/**
 * A smaller stand-in for Vite's preload helper, so no page pays 0.9 KB gzip for it.
 *
 * Vite wraps every dynamic `import()` of client code in `__vitePreload(() => import(…), deps)`, imported from the
 * virtual module `\0vite/preload-helper.js`, even when there is nothing to preload. Its helper (CSP nonces,
 * `import.meta.resolve`, a scan of the page's `<link>`s, `modulepreload` links, `vite:preloadError` events) is
 * 0.9 KB gzip and loads at load on every page: our search button and the runner's Run buttons each lazy-load code
 * through it (and Astro's Preact renderer did, for signals: preact-without-signals.ts).
 *
 * This plugin turns module preloading off for the client build (`modulePreload: false`): every chunk the site
 * imports lazily (Pagefind's UI, the runner, the progress page's export) imports only chunks its importer has
 * already loaded, so the lists of them (a `__vite__mapDeps` table in each importer) bought nothing. What Vite
 * still lists is stylesheets, and the helper this plugin serves loads each once and waits for it, as Vite's does,
 * so lazily loaded styles apply before the module runs; a stylesheet that fails does not stop the import. And a
 * call with an empty list is unwrapped to the plain `import()` (`unwrapEmptyPreloads`), so the search button and
 * the Run buttons load no helper at all.
 *
 * `preload-helper.test.ts` pins the Vite helper this replaces: when a Vite upgrade changes it, the test fails and
 * says what to compare. The byte budgets catch the other way this can go stale: if Vite stopped asking for this
 * module id, its own helper would come back and the islands budget would fail.
 */
import type { Plugin } from 'vite';

/** The virtual module Vite's build imports the helper from (`preloadHelperId` in Vite's source). */
export const PRELOAD_HELPER_ID = '\0vite/preload-helper.js';

/**
 * The module's code. `base` is the site's base path: Vite lists dependencies relative to it
 * (`_astro/page.css`), as its own helper's `assetsURL` reads them.
 */
export function preloadHelperCode(base: string): string {
	return `const seen = {};
export const __vitePreload = (load, deps = []) =>
	Promise.all(
		deps.map(
			(dep) =>
				(seen[dep] ??= new Promise((done) => {
					const link = document.createElement('link');
					link.rel = 'stylesheet';
					link.href = ${JSON.stringify(base)} + dep;
					link.onload = link.onerror = done;
					document.head.append(link);
				})),
		),
	).then(load);
`;
}

/**
 * `code` without the preload helper's calls that have nothing to preload: `helper(() => import('./x.js'), [])`
 * becomes `(import('./x.js'))`, and the helper's import goes when no call in its shape is left. Vite's build wraps every lazy
 * import in the helper, so without this the search button and the Run buttons would load it at load for nothing.
 * Calls with a list (lazily loaded stylesheets) stay as they are.
 */
export function unwrapEmptyPreloads(code: string): string {
	const imported = /import\{t as ([\w$]+)\}from"\.\/preload-helper\.[\w-]+\.js";/.exec(code);
	if (!imported) return code;
	const name = imported[1] as string;
	let out = code;
	const opening = `${name}(()=>`;
	for (let start = out.indexOf(opening); start !== -1; start = out.indexOf(opening, start + 1)) {
		if (/[\w$.]/.test(out[start - 1] ?? '')) continue;
		const body = start + opening.length;
		const end = closingOf(out, body);
		if (end === -1 || !out.startsWith(',[])', end)) continue;
		out = `${out.slice(0, start)}(${out.slice(body, end)})${out.slice(end + 4)}`;
	}
	// Another call in the helper's shape (a loader, then a list) keeps the import; the name alone may be a local.
	const call = new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}\\((async)?\\(\\)=>`);
	return call.test(out) ? out : out.replace(imported[0], '');
}

/** Where the expression starting at `from` ends: the first `,` or `)` at its own depth outside strings; -1 if none. */
function closingOf(code: string, from: number): number {
	const stack: string[] = [];
	for (let i = from; i < code.length; i++) {
		const c = code[i] as string;
		const inTemplate = stack.at(-1) === '`';
		if (inTemplate) {
			if (c === '\\') i++;
			else if (c === '`') stack.pop();
			else if (c === '$' && code[i + 1] === '{') {
				stack.push('{');
				i++;
			}
			continue;
		}
		if (c === '"' || c === "'") {
			for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
		} else if (c === '`' || c === '(' || c === '[' || c === '{') stack.push(c);
		else if (c === ')' || c === ']' || c === '}') {
			if (stack.length === 0) return c === ')' ? i : -1;
			stack.pop();
		} else if (c === ',' && stack.length === 0) return i;
	}
	return -1;
}

/** The Vite plugin: the client build's preload helper is `preloadHelperCode`. */
export function smallPreloadHelper(): Plugin {
	let base = '/';
	return {
		name: 'awaitable:small-preload-helper',
		enforce: 'pre',
		applyToEnvironment: (environment) => environment.config.consumer === 'client',
		// Only stylesheets in the lists Vite passes the helper (`modulePreload: false`): see the top of this file.
		configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
		configResolved(config) {
			base = config.base;
		},
		load: {
			filter: { id: new RegExp(`^${PRELOAD_HELPER_ID.replace(/[.\\/]/g, '\\$&')}$`) },
			handler: () => preloadHelperCode(base),
		},
		generateBundle: {
			order: 'post',
			handler(_options, bundle) {
				for (const chunk of Object.values(bundle)) {
					if (chunk.type === 'chunk') chunk.code = unwrapEmptyPreloads(chunk.code);
				}
			},
		},
	};
}
