import { describe, expect, test } from 'vitest';
import { inlineScriptCost } from './inline-scripts.ts';
import { gzipSize } from './transfer.ts';

describe('inlineScriptCost', () => {
	const script = 'window.theme=(()=>{const stored=localStorage.getItem("theme");return stored??"auto"})();'.repeat(20);
	const html = (body: string) =>
		`<!doctype html><html><head><title>Lesson</title>${body}</head><body><p>${'Text. '.repeat(200)}</p></body></html>`;

	test('is what the inline scripts add to the gzipped page', () => {
		const page = html(
			`<script>${script}</script><script src="/a.js"></script><script type="application/ld+json">{"a":1}</script>`,
		);
		const cost = inlineScriptCost(page);
		expect(cost.count).toBe(1);
		expect(cost.bytes).toBe(script.length);
		const without = html(
			'<script></script><script src="/a.js"></script><script type="application/ld+json">{"a":1}</script>',
		);
		expect(cost.gzip).toBe(gzipSize(page) - gzipSize(without));
		expect(cost.gzip).toBeGreaterThan(0);
	});

	test('is zero for a page without inline scripts', () => {
		expect(inlineScriptCost(html('<script type="module" src="/a.js"></script>'))).toEqual({
			count: 0,
			bytes: 0,
			gzip: 0,
		});
	});
});
