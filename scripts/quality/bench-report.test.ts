import { describe, expect, test } from 'vitest';
import {
	buildTable,
	lighthouseTable,
	median,
	medianLighthouse,
	table,
	transferTable,
	type PageBench,
} from './bench-report.ts';
import { totalsByKind } from './transfer.ts';

describe('median', () => {
	test('is the middle value, or the mean of the two middle ones', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNaN();
	});

	test('of Lighthouse runs, takes each figure on its own', () => {
		const run = (performance: number, tbt: number) => ({
			performance,
			accessibility: 100,
			bestPractices: 100,
			seo: 100,
			lcp: 900,
			tbt,
			cls: 0,
		});
		expect(medianLighthouse([run(90, 300), run(100, 0), run(95, 10)])).toMatchObject({ performance: 95, tbt: 10 });
	});
});

describe('tables', () => {
	test('align the first column left and the others right', () => {
		expect(
			table(
				['page', 'KB'],
				[
					['home', '1.0'],
					['lesson', '12.5'],
				],
			),
		).toBe('page      KB\n------  ----\nhome     1.0\nlesson  12.5');
	});

	const page: PageBench = {
		type: 'lesson',
		path: '/lessons/aget/',
		atLoad: totalsByKind([
			{ url: '/lessons/aget/', kind: 'html', bytes: 40000, gzip: 9000 },
			{ url: '/a.css', kind: 'css', bytes: 60000, gzip: 14000 },
			{ url: '/a.js', kind: 'js', bytes: 9000, gzip: 3500 },
		]),
		jsAtLoad: 7100,
		islands: 12300,
		executed: { scripts: 12, size: 20000, executed: 9000 },
		lighthouse: { performance: 99, accessibility: 100, bestPractices: 100, seo: 100, lcp: 1234.4, tbt: 0, cls: 0 },
	};

	test('the transfer table shows requests/KB per kind, the budgeted figures and the JS that ran', () => {
		const lines = transferTable([page]).split('\n');
		expect(lines[0]).toBe(
			'page                   html n/KB  css n/KB  js n/KB  font n/KB  other n/KB  total n/KB  JS load KB  islands KB  JS ran KB',
		);
		expect(lines[2]).toBe(
			'lesson /lessons/aget/      1/9.0    1/14.0    1/3.5      0/0.0       0/0.0      3/26.5         7.1        12.3   9.0/20.0',
		);
	});

	test('the Lighthouse table rounds scores and milliseconds', () => {
		expect(lighthouseTable([page]).split('\n')[2]).toBe('lesson    99   100   100  100    1234       0  0.000');
	});

	test('the build table shows every run, the medians and the ratio against its budget', () => {
		const text = buildTable({
			lessons: 500,
			ours: [61.2, 59.8],
			starlight: [44.1, 45.3],
			oursMedian: 60.5,
			starlightMedian: 44.7,
			ratio: 1.353,
		});
		expect(text).toContain('ours                    500  61.2, 59.8        60.5');
		expect(text).toContain('ratio (budget 1.5)                             1.35');
	});
});
