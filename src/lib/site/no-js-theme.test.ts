import { describe, expect, it } from 'vitest';
import { NO_SCRIPT_LIGHT, withNoScriptLight } from './no-js-theme.ts';

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
