/**
 * A smaller stand-in for Vite's preload helper, so no page pays 0.9 KB gzip for it.
 *
 * Vite wraps every dynamic `import()` of client code in `__vitePreload(() => import(…), deps)`, imported from the
 * virtual module `\0vite/preload-helper.js`, even when there is nothing to preload. Its helper (CSP nonces,
 * `import.meta.resolve`, a scan of the page's `<link>`s, `modulepreload` links, `vite:preloadError` events) is
 * 0.9 KB gzip and loads at load on every page: our search button, Astro's Preact renderer (for signals) and the
 * runner's Run buttons each lazy-load code through it.
 *
 * This plugin turns module preloading off for the client build (`modulePreload: false`): every chunk the site
 * imports lazily (Pagefind's UI, the runner, the progress page's export) imports only chunks its importer has
 * already loaded, so the lists of them (a `__vite__mapDeps` table in each importer) bought nothing. What Vite
 * still lists is stylesheets, and the helper this plugin serves loads each once and waits for it, as Vite's does,
 * so lazily loaded styles apply before the module runs; a stylesheet that fails does not stop the import.
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
	};
}
