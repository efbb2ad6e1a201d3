/**
 * Vite's dependency optimizer off in `astro build` and `astro sync`. To sync the content collections, Astro starts
 * a temporary Vite dev server, and Vite's dev server pre-bundles the browser's `optimizeDeps.include` (Astro's dev
 * toolbar, and @astrojs/preact's renderer, Preact and its hooks, signals and debug tools) with Rolldown before it
 * answers: the build's start-up waited up to a second (on the shared 2-core machine) for files in `node_modules/.vite/deps`
 * that nothing reads (the sync loads only the content configuration, on the server; a build bundles the islands
 * itself). `astro dev` keeps the optimizer: its browser pages load those bundles. The built site is the same, byte
 * for byte.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** The Vite plugin: every environment's optimizer given nothing to pre-bundle and told not to look for more. */
export function withoutDepOptimizer(): Plugin {
	return {
		name: 'awaitable:no-dep-optimizer',
		// After the plugins that add to `optimizeDeps.include` (Astro's dev toolbar, @astrojs/preact's environments).
		enforce: 'post',
		configEnvironment(_name, options) {
			// In place: returned options are merged, and a merge appends to the lists it is given.
			options.optimizeDeps = { ...options.optimizeDeps, noDiscovery: true, include: [] };
		},
	};
}

export default function noDepOptimizer(): AstroIntegration {
	return {
		name: 'awaitable:no-dep-optimizer',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				if (command === 'build' || command === 'sync') updateConfig({ vite: { plugins: [withoutDepOptimizer()] } });
			},
		},
	};
}
