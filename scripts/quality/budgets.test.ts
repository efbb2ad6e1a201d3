import { describe, expect, test } from 'vitest';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BUDGETS, overBudget, summaryLine, sumGzip, type PageFigures } from './budgets.ts';
import { formatKB, gzipSize, kindOf, totalsByKind, transferOf, type Transfer } from './transfer.ts';

const file = (url: string, gzip: number): Transfer => ({ url, kind: kindOf(url), bytes: gzip * 3, gzip });

describe('transfers', () => {
	test('gzip sizes are real gzip streams of the body', () => {
		const body = 'const answer = 42;\n'.repeat(200);
		expect(gzipSize(body)).toBeLessThan(body.length / 10);
		expect(transferOf('/a.js', body)).toMatchObject({ kind: 'js', bytes: body.length, gzip: gzipSize(body) });
		expect(gzipSize(body)).toBe(gzipSync(body, { level: 9 }).length);
		expect(gunzipSync(gzipSync(body, { level: 9 })).toString()).toBe(body);
	});

	test('kinds come from the content type, else the extension', () => {
		expect(kindOf('/lessons/aget/')).toBe('html');
		expect(kindOf('/x', 'text/html; charset=utf-8')).toBe('html');
		expect(kindOf('/_astro/a.css?v=1')).toBe('css');
		expect(kindOf('/_astro/a.js')).toBe('js');
		expect(kindOf('/x', 'text/javascript')).toBe('js');
		expect(kindOf('/fonts/inter.woff2')).toBe('font');
		expect(kindOf('/favicon.svg')).toBe('other');
		expect(kindOf('/pagefind/wasm.en.pagefind')).toBe('other');
	});

	test('totals count requests and bytes per kind, each URL once', () => {
		const totals = totalsByKind([
			file('/', 5000),
			file('/a.css', 9000),
			file('/a.js', 1000),
			file('/b.js', 500),
			file('/a.js', 1000),
		]);
		expect(totals.js).toEqual({ requests: 2, bytes: 4500, gzip: 1500 });
		expect(totals.total).toEqual({ requests: 4, bytes: 46500, gzip: 15500 });
		expect(totals.font).toEqual({ requests: 0, bytes: 0, gzip: 0 });
	});

	test('KB are thousands of bytes with one decimal', () => {
		expect(formatKB(8000)).toBe('8.0 KB');
		expect(formatKB(12345)).toBe('12.3 KB');
	});
});

describe('budgets', () => {
	const within: PageFigures = {
		jsAtLoad: [file('/_astro/page.js', 3000), file('/_astro/search.js', 1000)],
		islands: [file('/_astro/preact.js', 4500), file('/_astro/Quiz.js', 3000)],
		totalAtLoad: [file('/', 9000), file('/_astro/common.css', 14000)],
	};

	test('a page within every budget passes', () => {
		expect(overBudget('/lessons/aget/', within)).toEqual([]);
	});

	test('a budget is inclusive: exactly at the limit passes, one byte over fails', () => {
		expect(overBudget('/', { ...within, jsAtLoad: [file('/a.js', BUDGETS.jsAtLoad)] })).toEqual([]);
		expect(overBudget('/', { ...within, jsAtLoad: [file('/a.js', BUDGETS.jsAtLoad + 1)] })).toHaveLength(1);
	});

	test('the failure names the page, the figure, the budget, the excess and the biggest files', () => {
		const over: PageFigures = {
			...within,
			islands: [
				file('/_astro/preact.js', 4500),
				file('/_astro/Quiz.js', 9000),
				file('/_astro/Practice.js', 3000),
				file('/_astro/x.js', 10),
			],
		};
		expect(overBudget('/lessons/aget/', over)).toEqual([
			'/lessons/aget/: JavaScript of all islands is 16.5 KB gzip, over the 15.0 KB budget by 1.5 KB. Biggest: /_astro/Quiz.js 9.0 KB, /_astro/preact.js 4.5 KB, /_astro/Practice.js 3.0 KB, /_astro/x.js 0.0 KB.',
		]);
	});

	test('every budget over is reported, in a fixed order', () => {
		const over: PageFigures = {
			jsAtLoad: [file('/a.js', 9000)],
			islands: [file('/b.js', 16000)],
			totalAtLoad: [file('/', 46000)],
		};
		expect(overBudget('/x/', over).map((message) => message.split(' is ')[0])).toEqual([
			'/x/: JavaScript at load (before any island)',
			'/x/: JavaScript of all islands',
			'/x/: Total at load',
		]);
	});

	test('the summary line shows each figure against its budget', () => {
		expect(sumGzip(within.islands)).toBe(7500);
		expect(summaryLine('/', within)).toBe(
			'/: jsAtLoad 4.0 KB/8.0 KB, islands 7.5 KB/15.0 KB, totalAtLoad 23.0 KB/45.0 KB',
		);
	});
});
