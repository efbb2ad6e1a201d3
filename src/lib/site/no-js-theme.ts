/**
 * Without JavaScript, pages follow the reader's light or dark preference (issue 15).
 *
 * Starlight renders `<html data-theme="dark">` and a script switches it to the stored or preferred theme before
 * the first paint; without JavaScript every page stayed dark. This Vite plugin gives every CSS rule written for
 * `[data-theme='light']` (Starlight's, Expressive Code's, ours) a copy for `[data-theme='dark']` inside
 * `@media (scripting: none) and (prefers-color-scheme: light)`, placed right after the original, in the same
 * cascade layer. The light theme is derived from the stylesheets themselves, so nothing is copied by hand and a
 * Starlight upgrade brings its new colours along. With JavaScript on, `scripting: none` never matches.
 * Expressive Code writes its stylesheet outside Vite's pipeline; the integration below completes it after the build.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isServerBuild } from './astro-output.ts';
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

/** The Vite plugin: every stylesheet, including `.astro` components' `<style>` blocks. */
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
	};
}

/**
 * Once the pages are written: stylesheets written outside Vite (Expressive Code's) get the same copies. In
 * `astro:build:generated`, before csp-headers (listed after this integration) starts inlining them into pages.
 */
export function noJsThemeIntegration(): AstroIntegration {
	return {
		name: 'awaitable:no-js-theme',
		hooks: {
			'astro:build:generated': async ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				const entries = await readdir(root, { recursive: true, withFileTypes: true });
				let completed = 0;
				for (const entry of entries.filter((item) => item.isFile() && item.name.endsWith('.css'))) {
					const file = path.join(entry.parentPath, entry.name);
					if (isServerBuild(root, file)) continue; // Astro's server copy, removed once the pages are written
					const css = await readFile(file, 'utf8');
					if (/scripting:\s*none\)\s*and\s*\(prefers-color-scheme:\s*light/.test(css)) continue; // done by the Vite plugin
					const transformed = withNoScriptLight(css);
					if (transformed === css) continue;
					await writeFile(file, transformed);
					completed++;
				}
				logger.info(`Light theme without JavaScript added to ${completed} stylesheet(s) written outside Vite.`);
			},
		},
	};
}
