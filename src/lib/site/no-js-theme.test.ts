import { describe, expect, it } from 'vitest';
import { NO_SCRIPT_LIGHT, noJsThemePlugin, STYLESHEET, withNoScriptLight } from './no-js-theme.ts';

describe('withNoScriptLight', () => {
	it('copies a light-theme rule for the dark attribute, for readers without JavaScript who prefer light', () => {
		const css = ":root { --bg: black; }\n:root[data-theme='light'] { --bg: white; }";
		const out = withNoScriptLight(css);
		expect(out).toContain(":root[data-theme='light'] { --bg: white; }");
		expect(out).toContain(`@media ${NO_SCRIPT_LIGHT}`);
		expect(out).toMatch(
			/@media \(scripting: none\) and \(prefers-color-scheme: light\)\s*\{\s*:root\[data-theme='dark'\] \{ --bg: white; \}/,
		);
	});

	it('keeps the copy in the same cascade layer, and copies only the light selectors of a list', () => {
		const css = '@layer starlight.core { [data-theme=light] .a, .b { color: red } }';
		const out = withNoScriptLight(css);
		expect(out).toMatch(/@layer starlight\.core \{.*@media[^{]*\{\s*\[data-theme='dark'\] \.a \{ color: red \}/s);
		expect(out).not.toMatch(/@media[^{]*\{[^}]*\.b/);
	});

	it('leaves a stylesheet without light-theme rules as it is', () => {
		const css = '.a { color: red }';
		expect(withNoScriptLight(css)).toBe(css);
	});
});

describe('the stylesheets the plugin is handed', () => {
	it('are .css files and .astro style blocks, and no other module', () => {
		const ids = {
			'/site/src/styles/site.css': true,
			'/site/node_modules/@astrojs/starlight/style/props.css?inline': true,
			'/site/src/components/site/Search.astro?astro&type=style&index=0&lang.css': true,
			'/site/src/content/docs/lessons/aget.mdx': false,
			'/site/src/components/practice/Quiz.astro': false,
			'/site/src/lib/site/no-js-theme.ts': false,
			'\0astro:data-layer-content': false,
		};
		expect(Object.fromEntries(Object.keys(ids).map((id) => [id, STYLESHEET.test(id)]))).toEqual(ids);
	});
});

describe('the stylesheets a build emits as finished assets', () => {
	it("get the copies as the bundle is written (Expressive Code's), and nothing else changes", () => {
		const light = "[data-theme='light'] .ec { color: black }";
		const done = withNoScriptLight(light);
		const bundle = {
			'_astro/ec.css': { type: 'asset', fileName: '_astro/ec.css', source: light },
			'_astro/bytes.css': { type: 'asset', fileName: '_astro/bytes.css', source: new TextEncoder().encode(light) },
			'_astro/done.css': { type: 'asset', fileName: '_astro/done.css', source: done },
			'_astro/page.js': { type: 'chunk', fileName: '_astro/page.js', code: `const css = "${light}"` },
			'_astro/logo.svg': { type: 'asset', fileName: '_astro/logo.svg', source: '<svg/>' },
		};
		const before = structuredClone(bundle);
		const { generateBundle } = noJsThemePlugin() as unknown as {
			generateBundle: (options: unknown, files: typeof bundle) => void;
		};
		generateBundle({}, bundle);
		expect(bundle['_astro/ec.css'].source).toBe(done);
		expect(bundle['_astro/bytes.css'].source).toBe(done);
		expect(bundle['_astro/done.css']).toEqual(before['_astro/done.css']);
		expect(bundle['_astro/page.js']).toEqual(before['_astro/page.js']);
		expect(bundle['_astro/logo.svg']).toEqual(before['_astro/logo.svg']);
	});
});
