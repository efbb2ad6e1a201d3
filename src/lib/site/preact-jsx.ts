/**
 * The islands' JSX compiled by Vite's own transformer (Oxc) in builds, instead of the Babel pass that
 * `@astrojs/preact` sets up.
 *
 * `@astrojs/preact` always hands `@preact/preset-vite` a Babel configuration, so the preset compiles every `.tsx`
 * file with Babel (`vite:preact-jsx`), which in a production build does one thing: the automatic JSX runtime from
 * `preact`. Its hooks also have no filter, so the bundler hands every module's code to JavaScript to have it back
 * untouched (each lesson's, and the content store's), twice: once for `vite:preact-jsx`, once for `prefresh`, the
 * preset's hot-reload plugin, which skips every file in a build. Oxc does the same JSX transform natively: the
 * client build's files come out byte for byte the same (same hashed names), and a 500-lesson build spends about
 * half a second less in Vite's phase. `astro dev` keeps the preset's plugins (hot reload needs prefresh).
 */
import type { Plugin } from 'vite';

/** The JSX options of the preset's own Oxc path (`@preact/preset-vite`, when it is given no Babel options). */
export const PREACT_JSX = { runtime: 'automatic', importSource: 'preact' } as const;

/** The preset's plugins this replaces in a build: its Babel JSX pass and its hot-reload transform. */
export const BABEL_PLUGINS = ['vite:preact-jsx', 'prefresh'] as const;

/** Removes the preset's Babel plugins from a resolved plugin list; throws when one is not there. */
export function withoutBabelPlugins(plugins: Plugin[]): void {
	for (const name of BABEL_PLUGINS) {
		const index = plugins.findIndex((plugin) => plugin.name === name);
		if (index === -1) {
			throw new Error(
				`preact-jsx: @preact/preset-vite has no "${name}" plugin any more (an upgrade?); compare its plugins with BABEL_PLUGINS in src/lib/site/preact-jsx.ts`,
			);
		}
		plugins.splice(index, 1);
	}
}

/** The Vite plugin: in builds, JSX by Oxc with Preact's runtime, and the preset's Babel plugins removed. */
export function preactJsxWithoutBabel(): Plugin {
	return {
		name: 'awaitable:preact-jsx-without-babel',
		apply: 'build',
		config: () => ({ oxc: { jsx: PREACT_JSX } }),
		configResolved(config) {
			// As @astrojs/mdx drops Astro's JSX plugin: the resolved list is the one every build environment uses.
			// `configResolved` may run more than once on the same list; remove only what is still there.
			const plugins = config.plugins as Plugin[];
			if (plugins.some((plugin) => (BABEL_PLUGINS as readonly string[]).includes(plugin.name))) {
				withoutBabelPlugins(plugins);
			}
		},
	};
}
