/**
 * The benchmark's figures and how they are printed: medians of repeated runs and a plain-text table. Pure,
 * so the arithmetic and the layout are unit-tested; `scripts/bench.ts` collects the numbers.
 */
import { formatKB, KINDS, type Kind, type Totals } from './transfer.ts';

export function median(values: readonly number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = values.toSorted((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1
		? (sorted[middle] ?? Number.NaN)
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export interface LighthouseFigures {
	/** Category scores, 0–100. */
	performance: number;
	accessibility: number;
	bestPractices: number;
	seo: number;
	/** Milliseconds. */
	lcp: number;
	/** Milliseconds. */
	tbt: number;
	cls: number;
}

/** The median of each figure on its own over several runs. */
export function medianLighthouse(runs: readonly LighthouseFigures[]): LighthouseFigures {
	const of = (key: keyof LighthouseFigures) => median(runs.map((run) => run[key]));
	return {
		performance: of('performance'),
		accessibility: of('accessibility'),
		bestPractices: of('bestPractices'),
		seo: of('seo'),
		lcp: of('lcp'),
		tbt: of('tbt'),
		cls: of('cls'),
	};
}

export interface PageBench {
	type: string;
	path: string;
	/** Requests and bytes at load, by kind. */
	atLoad: Totals;
	/** Budgeted figures, gzip bytes. */
	jsAtLoad: number;
	islands: number;
	/** JavaScript the browser ran before `load`: scripts, their size and the executed part (characters). */
	executed: { scripts: number; size: number; executed: number };
	lighthouse?: LighthouseFigures | undefined;
	lighthouseRuns?: LighthouseFigures[] | undefined;
}

export interface BuildBench {
	lessons: number;
	/** Seconds of each build, in the order run. */
	ours: number[];
	starlight: number[];
	oursMedian: number;
	starlightMedian: number;
	ratio: number;
}

/** Lays out rows as an aligned text table, first column left, the rest right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
	const line = (cells: readonly string[]) =>
		cells
			.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
			.join('  ')
			.trimEnd();
	return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const kb = (bytes: number) => formatKB(bytes).replace(' KB', '');
const cell = (totals: Totals, kind: Kind | 'total') => `${totals[kind].requests}/${kb(totals[kind].gzip)}`;

/** The transfer table: requests/KB gzip at load per kind, the budgeted JS figures and the executed JS. */
export function transferTable(pages: readonly PageBench[]): string {
	const header = [
		'page',
		...KINDS.map((kind) => `${kind} n/KB`),
		'total n/KB',
		'JS load KB',
		'islands KB',
		'JS ran KB',
	];
	const rows = pages.map((page) => [
		`${page.type} ${page.path}`,
		...KINDS.map((kind) => cell(page.atLoad, kind)),
		cell(page.atLoad, 'total'),
		kb(page.jsAtLoad),
		kb(page.islands),
		`${kb(page.executed.executed)}/${kb(page.executed.size)}`,
	]);
	return table(header, rows);
}

export function lighthouseTable(pages: readonly Pick<PageBench, 'type' | 'lighthouse'>[]): string {
	const header = ['page', 'perf', 'a11y', 'best', 'seo', 'LCP ms', 'TBT ms', 'CLS'];
	const rows = pages
		.filter((page) => page.lighthouse)
		.map((page) => {
			const figures = page.lighthouse as LighthouseFigures;
			return [
				page.type,
				String(Math.round(figures.performance)),
				String(Math.round(figures.accessibility)),
				String(Math.round(figures.bestPractices)),
				String(Math.round(figures.seo)),
				String(Math.round(figures.lcp)),
				String(Math.round(figures.tbt)),
				figures.cls.toFixed(3),
			];
		});
	return table(header, rows);
}

export function buildTable(build: BuildBench): string {
	const seconds = (list: readonly number[]) => list.map((value) => value.toFixed(1)).join(', ');
	return table(
		['build', 'lessons', 'runs (s)', 'median (s)'],
		[
			['ours', String(build.lessons), seconds(build.ours), build.oursMedian.toFixed(1)],
			['Starlight alone', String(build.lessons), seconds(build.starlight), build.starlightMedian.toFixed(1)],
			['ratio (budget 1.5)', '', '', build.ratio.toFixed(2)],
		],
	);
}
