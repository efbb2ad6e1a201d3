import { describe, expect, test } from 'vitest';
import {
	AFTER_PAINT_LOADER,
	AFTER_PAINT_TYPE,
	deferModuleScripts,
	INLINE_IMAGE_LIMIT,
	inlineSmallImages,
	svgDataUrl,
} from './after-paint.ts';

describe('deferModuleScripts', () => {
	test('makes every external module script inert, keeping its source and place', () => {
		const html =
			'<head><script type="module" src="/_astro/Search.js"></script></head><body><p>a</p><script type="module" src="/_astro/ec.js"></script></body>';
		expect(deferModuleScripts(html)).toBe(
			`<head><script type="${AFTER_PAINT_TYPE}" src="/_astro/Search.js"></script></head><body><p>a</p><script type="${AFTER_PAINT_TYPE}" src="/_astro/ec.js"></script></body>`,
		);
	});

	test('leaves inline scripts and classic scripts alone', () => {
		const html = '<script type="module">let a = 1;</script><script>b()</script><script src="/c.js"></script>';
		expect(deferModuleScripts(html)).toBe(html);
	});

	/** Runs the loader's own text against a fake page; `import()` becomes a call the test records. */
	function loaderPage() {
		const page = {
			imported: [] as string[],
			self: {} as { awPainted?: Promise<void> },
			parsed: () => {},
			timer: () => {},
			painted: (_: { element: { closest: (selector: string) => unknown } | null }[]) => {},
		};
		const globals = {
			self: page.self,
			addEventListener: (_: string, listener: typeof page.parsed) => (page.parsed = listener),
			PerformanceObserver: class {
				constructor(callback: (list: { getEntries: () => unknown[] }) => void) {
					page.painted = (entries) => callback({ getEntries: () => entries });
				}
				observe() {}
			},
			setTimeout: (callback: () => void) => (page.timer = callback),
			document: {
				querySelectorAll: (selector: string) =>
					selector === `script[type="${AFTER_PAINT_TYPE}"]` ? [{ src: '/a.js' }, { src: '/b.js' }] : [],
			},
			load: (src: string) => page.imported.push(src),
		};
		new Function(...Object.keys(globals), AFTER_PAINT_LOADER.replace('import(s.src)', 'load(s.src)'))(
			...Object.values(globals),
		);
		return page;
	}

	test('are imported by the loader once the page is parsed and the largest paint of its main text has been presented', async () => {
		const page = loaderPage();
		await Promise.resolve();
		expect(page.imported).toEqual([]);
		page.parsed();
		const inMain = { closest: (selector: string) => (selector === 'main' ? {} : null) };
		page.painted([{ element: { closest: () => null } }, { element: null }]);
		await Promise.resolve();
		expect(page.imported, 'not for a paint outside the main pane').toEqual([]);
		page.painted([{ element: inMain }]);
		await page.self.awPainted;
		await Promise.resolve();
		expect(page.imported).toEqual(['/a.js', '/b.js']);
	});

	test('are imported 100 ms after parsing when the largest paint is not in the main pane', async () => {
		const page = loaderPage();
		page.parsed();
		await Promise.resolve();
		expect(page.imported).toEqual([]);
		page.timer();
		await page.self.awPainted;
		await Promise.resolve();
		expect(page.imported).toEqual(['/a.js', '/b.js']);
	});
});

describe('inlineSmallImages', () => {
	const logo =
		'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#0c4b33"/></svg>';
	const files: Record<string, string> = {
		'/_astro/logo.svg': logo,
		'/_astro/big.svg': `<svg>${' '.repeat(INLINE_IMAGE_LIMIT)}</svg>`,
	};
	const read = (src: string) => files[src];

	test("puts a small SVG image's text into its src as a data URL", () => {
		expect(inlineSmallImages('<img class="x" alt="Awaitable" src="/_astro/logo.svg" width="32">', read)).toBe(
			`<img class="x" alt="Awaitable" src="${svgDataUrl(logo)}" width="32">`,
		);
	});

	test('leaves a large image, an unknown file and other formats alone', () => {
		const html = '<img src="/_astro/big.svg"><img src="/x.svg"><img src="/_astro/photo.png">';
		expect(inlineSmallImages(html, read)).toBe(html);
	});
});

describe('svgDataUrl', () => {
	test('escapes only what a URL in an HTML attribute cannot hold, and quotes attributes with apostrophes', () => {
		expect(svgDataUrl('<svg a="1" b="#0c4b33">\n  <p d="M9 22.5Z"/></svg>')).toBe(
			"data:image/svg+xml,%3Csvg a='1' b='%230c4b33'%3E %3Cp d='M9 22.5Z'/%3E%3C/svg%3E",
		);
	});

	test('keeps double quotes (escaped) when the text has an apostrophe', () => {
		expect(svgDataUrl(`<svg aria-label="it's"/>`)).toBe(`data:image/svg+xml,%3Csvg aria-label=%22it's%22/%3E`);
	});

	test('gives back the same SVG when decoded', () => {
		const svg = '<svg xmlns="http://www.w3.org/2000/svg"><path d="M1 2h3v4Z" fill="#fff"/></svg>';
		expect(decodeURIComponent(svgDataUrl(svg).slice('data:image/svg+xml,'.length))).toBe(svg.replace(/"/g, "'"));
	});
});
