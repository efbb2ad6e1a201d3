/**
 * Astro's Preact renderer without its signals code (preact-without-signals.ts): the installed renderer still has
 * the code word for word, the cut leaves a renderer with no lazy import, and no island could need the code.
 */
import { globSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutSignals } from './preact-without-signals.ts';

const RENDERER = readFileSync('node_modules/@astrojs/preact/dist/client.js', 'utf8');

describe("Astro's Preact renderer without signals", () => {
	it('cuts the signals code out of the installed renderer and keeps the hydration', () => {
		const cut = withoutSignals(RENDERER);
		expect(cut).not.toMatch(/signal|import\(/i);
		expect(cut).toContain('hydrate(child, element);');
		expect(cut).toContain('props[key] = h(StaticHtml, { value, name: key });');
		expect(RENDERER.length - cut.length).toBeGreaterThan(900);
	});

	it('fails, naming the file to update, when the renderer no longer has the code word for word', () => {
		expect(() => withoutSignals(RENDERER.replace('if (signalsRaw) {', 'if (signalsRaw && true) {'))).toThrow(
			/preact-without-signals\.ts/,
		);
	});

	it('is safe: no source file imports @preact/signals, so no island takes a signal as a prop', () => {
		const sources = globSync('src/**/*.{ts,tsx,astro,mdx}');
		expect(sources.length).toBeGreaterThan(20);
		const importers = sources.filter((file) =>
			/from\s+['"]@preact\/signals|import\(\s*['"]@preact\/signals/.test(readFileSync(file, 'utf8')),
		);
		expect(importers).toEqual([]);
	});
});
