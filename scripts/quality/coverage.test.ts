import { describe, expect, test } from 'vitest';
import { executedLength, summarizeCoverage } from './coverage.ts';

describe('executedLength', () => {
	test('counts the characters of blocks that ran, the innermost range deciding', () => {
		// A 100-character script ran; inside it a function (20–60) never ran, except a block (30–40) that did.
		const functions = [
			{ ranges: [{ startOffset: 0, endOffset: 100, count: 1 }] },
			{
				ranges: [
					{ startOffset: 20, endOffset: 60, count: 0 },
					{ startOffset: 30, endOffset: 40, count: 2 },
				],
			},
		];
		expect(executedLength(100, functions)).toBe(100 - 40 + 10);
	});

	test('does not depend on the order the ranges come in', () => {
		const functions = [
			{ ranges: [{ startOffset: 30, endOffset: 40, count: 1 }] },
			{ ranges: [{ startOffset: 20, endOffset: 60, count: 0 }] },
			{ ranges: [{ startOffset: 0, endOffset: 100, count: 1 }] },
		];
		expect(executedLength(100, functions)).toBe(70);
	});

	test('a script that never ran counts nothing', () => {
		expect(executedLength(50, [{ ranges: [{ startOffset: 0, endOffset: 50, count: 0 }] }])).toBe(0);
		expect(executedLength(50, [])).toBe(0);
	});
});

describe('summarizeCoverage', () => {
	test('sums the http scripts and skips extensions and sources it does not have', () => {
		const ran = { ranges: [{ startOffset: 0, endOffset: 10, count: 1 }] };
		const summary = summarizeCoverage([
			{ url: 'http://127.0.0.1/_astro/a.js', source: 'x'.repeat(20), functions: [ran] },
			{ url: 'http://127.0.0.1/', source: 'y'.repeat(10), functions: [ran] },
			{ url: 'chrome-extension://x/a.js', source: 'z', functions: [ran] },
			{ url: 'http://127.0.0.1/b.js', functions: [ran] },
		]);
		expect(summary).toEqual({ scripts: 2, size: 30, executed: 20 });
	});
});
