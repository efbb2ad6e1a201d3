/**
 * A smaller stand-in for Vite's preload helper, so no page pays 0.9 KB gzip for it.
 *
 * Vite wraps every dynamic `import()` of client code in `__vitePreload(() => import(…), deps)`, imported from the
 * virtual module `\0vite/preload-helper.js`, even when there is nothing to preload. Its helper (CSP nonces,
 * `import.meta.resolve`, a scan of the page's `<link>`s, `vite:preloadError` events) is 0.9 KB gzip and loads at
 * load on every page: our search button, Astro's Preact renderer (for signals) and the runner's Run buttons each
 * lazy-load code through it. This plugin serves that module instead with the part the site uses: each dependency
 * Vite lists is requested once (`modulepreload`, or a stylesheet that is awaited, as Vite awaits it, so lazily
 * loaded styles apply before the module runs), then the module is imported. A failed stylesheet does not stop
 * the import.
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
 * (`_astro/chunk.js`), as its own helper's `assetsURL` reads them.
 */
export function preloadHelperCode(base: string): string {
	return `const seen = {};
export const __vitePreload = (load, deps = []) =>
	Promise.all(
		deps.map((dep) => {
			const css = dep.endsWith('.css');
			const link = document.createElement('link');
			link.rel = css ? 'stylesheet' : 'modulepreload';
			link.href = ${JSON.stringify(base)} + dep;
			return (seen[dep] ??= (document.head.append(link), css && new Promise((done) => (link.onload = link.onerror = done))));
		}),
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
		configResolved(config) {
			base = config.base;
		},
		load: {
			filter: { id: new RegExp(`^${PRELOAD_HELPER_ID.replace(/[.\\/]/g, '\\$&')}$`) },
			handler: () => preloadHelperCode(base),
		},
	};
}
