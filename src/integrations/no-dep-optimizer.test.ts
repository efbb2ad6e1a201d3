/** Vite's dependency optimizer off in `astro build` and `astro sync` (no-dep-optimizer.ts). */
import { describe, expect, it } from 'vitest';
import { resolveConfig, type Plugin } from 'vite';
import type { AstroIntegration } from 'astro';
import noDepOptimizer, { withoutDepOptimizer } from './no-dep-optimizer.ts';

/** What Astro's dev toolbar and @astrojs/preact do: dependencies to pre-bundle, at the top and per environment. */
const includes: Plugin = {
	name: 'includes',
	config: () => ({ optimizeDeps: { include: ['astro > aria-query'] } }),
	configEnvironment: (name) =>
		name === 'client' ? { optimizeDeps: { include: ['preact', 'preact/hooks'] } } : undefined,
};

const optimizerOf = async (plugins: Plugin[]) =>
	(await resolveConfig({ configFile: false, logLevel: 'silent', plugins }, 'serve')).environments['client']
		?.optimizeDeps;

describe('the dependency optimizer in builds', () => {
	it('has nothing to pre-bundle and looks for nothing, where Astro and Preact asked for pre-bundling', async () => {
		expect((await optimizerOf([includes]))?.include).toEqual(['astro > aria-query', 'preact', 'preact/hooks']);
		const optimizer = await optimizerOf([includes, withoutDepOptimizer()]);
		// Vite's own test for an environment it does not optimize (isDepOptimizationDisabled).
		expect(optimizer?.noDiscovery).toBe(true);
		expect(optimizer?.include).toEqual([]);
	});

	it('is off in astro build and astro sync, on in astro dev', () => {
		const added = (command: string) => {
			const plugins: unknown[] = [];
			const hooks = noDepOptimizer().hooks as Required<AstroIntegration['hooks']>;
			void hooks['astro:config:setup']({
				command,
				updateConfig: (config: { vite: { plugins: unknown[] } }) => plugins.push(...config.vite.plugins),
			} as never);
			return plugins.map((plugin) => (plugin as Plugin).name);
		};
		expect(added('build')).toEqual(['awaitable:no-dep-optimizer']);
		expect(added('sync')).toEqual(['awaitable:no-dep-optimizer']);
		expect(added('dev')).toEqual([]);
		expect(added('preview')).toEqual([]);
	});
});
