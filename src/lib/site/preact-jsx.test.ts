/**
 * The islands' JSX by Oxc in builds (preact-jsx.ts): the installed Preact preset still has the plugins this
 * removes, its own Oxc path uses the JSX options this sets, and an upgrade that renames a plugin fails the build
 * with the file to update.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { BABEL_PLUGINS, PREACT_JSX, preactJsxWithoutBabel, withoutBabelPlugins } from './preact-jsx.ts';

/** The Preact preset @astrojs/preact itself loads (a dependency of it, not of the site). */
const { preact } = createRequire(fileURLToPath(import.meta.resolve('@astrojs/preact')))('@preact/preset-vite') as {
	preact: (options: { babel?: object }) => (Plugin | Plugin[])[];
};

/** The preset's plugins as @astrojs/preact creates them (it always passes Babel options). */
const presetPlugins = (babel?: object) => preact(babel ? { babel } : {}).flat();

/** What the preset's JSX plugin adds to Vite's config under a bundler with Rolldown. */
function presetConfig(babel?: object): { oxc?: { jsx?: unknown } } {
	const jsx = presetPlugins(babel).find((plugin) => plugin.name === 'vite:preact-jsx');
	const config = jsx?.config;
	if (typeof config !== 'function') throw new Error('vite:preact-jsx has no config hook');
	return (config as (this: unknown) => { oxc?: { jsx?: unknown } }).call({ meta: { rolldownVersion: '1' } });
}

describe("the islands' JSX by Oxc in builds", () => {
	it("removes the preset's Babel JSX pass and its hot-reload transform from the plugins @astrojs/preact sets up", () => {
		const plugins = presetPlugins({ cwd: process.cwd() });
		expect(plugins.map((plugin) => plugin.name)).toEqual(expect.arrayContaining([...BABEL_PLUGINS]));
		withoutBabelPlugins(plugins);
		expect(plugins.map((plugin) => plugin.name)).not.toEqual(expect.arrayContaining([BABEL_PLUGINS[0]]));
		expect(plugins.map((plugin) => plugin.name)).not.toContain(BABEL_PLUGINS[1]);
		// With Babel options the preset leaves JSX to Babel: without this plugin, Oxc would not compile it.
		expect(presetConfig({ cwd: process.cwd() }).oxc).toBeUndefined();
	});

	it('sets the JSX options the preset itself gives Oxc when it runs without Babel', () => {
		expect(presetConfig().oxc?.jsx).toEqual(PREACT_JSX);
		const config = preactJsxWithoutBabel().config as () => { oxc: { jsx: unknown } };
		expect(config().oxc.jsx).toEqual(PREACT_JSX);
	});

	it('applies to builds only: astro dev keeps hot reload', () => {
		expect(preactJsxWithoutBabel().apply).toBe('build');
	});

	it('fails, naming the file to update, when the preset no longer has one of the plugins', () => {
		const plugins = presetPlugins({}).filter((plugin) => plugin.name !== 'prefresh');
		expect(() => withoutBabelPlugins(plugins)).toThrow(/prefresh.*src\/lib\/site\/preact-jsx\.ts/);
	});
});
