/**
 * Without JavaScript, pages follow the reader's light or dark preference (issue 15).
 *
 * Starlight renders `<html data-theme="dark">` and a script switches it to the stored or preferred theme before
 * the first paint; without JavaScript every page stayed dark. This Vite plugin gives every CSS rule written for
 * `[data-theme='light']` (Starlight's, Expressive Code's, ours) a copy for `[data-theme='dark']` inside
 * `@media (scripting: none) and (prefers-color-scheme: light)`, placed right after the original, in the same
 * cascade layer. The light theme is derived from the stylesheets themselves, so nothing is copied by hand and a
 * Starlight upgrade brings its new colours along. With JavaScript on, `scripting: none` never matches.
 * Expressive Code emits its stylesheet outside Vite's CSS pipeline; the plugin completes it as the build writes it.
 */
import postcss, { AtRule } from 'postcss';
import type { Plugin } from 'vite';

const LIGHT = /\[data-theme=(['"]?)light\1\]/;
const LIGHT_ALL = new RegExp(LIGHT.source, 'g');
export const NO_SCRIPT_LIGHT = '(scripting: none) and (prefers-color-scheme: light)';

/** `css` with a no-JavaScript copy of each light-theme rule; unchanged when it has none. */
export function withNoScriptLight(css: string): string {
	if (!LIGHT.test(css)) return css;
	const root = postcss.parse(css);
	root.walkRules((rule) => {
		const light = rule.selectors.filter((selector) => LIGHT.test(selector));
		if (light.length === 0) return;
		const copy = rule.clone({ selectors: light.map((selector) => selector.replace(LIGHT_ALL, "[data-theme='dark']")) });
		rule.after(new AtRule({ name: 'media', params: NO_SCRIPT_LIGHT, nodes: [copy] }));
	});
	return root.toString();
}

/** The ids of stylesheets: `.css` files and `.astro` components' `<style>` blocks (`?astro&type=style&…&lang.css`). */
export const STYLESHEET = /\.css($|\?)|[?&]lang\.css/;

/** Whether a stylesheet has the no-JavaScript copies already (the Vite plugin's transform made them). */
const COMPLETED = /scripting:\s*none\)\s*and\s*\(prefers-color-scheme:\s*light/;

/**
 * The Vite plugin: every stylesheet, including `.astro` components' `<style>` blocks; and, as each build writes
 * its files, the stylesheets emitted as finished assets, outside Vite's CSS pipeline (Expressive Code's), before
 * any page is generated: the build's page pass inlines them into the pages as they are rendered (csp-audit.ts).
 */
export function noJsThemePlugin(): Plugin {
	return {
		name: 'awaitable-no-js-theme',
		enforce: 'pre',
		transform: {
			// A hook filter, not a test inside the hook: the bundler then hands only stylesheets to JavaScript, where a
			// plain hook received every module's code (each lesson's, the content store's) to return it untouched.
			filter: { id: STYLESHEET },
			handler(code) {
				const transformed = withNoScriptLight(code);
				return transformed === code ? undefined : { code: transformed, map: null };
			},
		},
		generateBundle(_options, bundle) {
			for (const file of Object.values(bundle)) {
				if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue;
				const css = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
				if (COMPLETED.test(css)) continue;
				const transformed = withNoScriptLight(css);
				if (transformed !== css) file.source = transformed;
			}
		},
	};
}
