/**
 * How much JavaScript a page actually ran, from V8's block coverage (Playwright's `page.coverage`): the
 * characters inside blocks that executed at least once. Ranges nest and the innermost one decides, so they
 * are painted outermost first.
 */

export interface CoverageRange {
	startOffset: number;
	endOffset: number;
	count: number;
}

export interface CoverageFunction {
	ranges: readonly CoverageRange[];
}

/** Characters of `length` that executed, given a script's coverage functions. */
export function executedLength(length: number, functions: readonly CoverageFunction[]): number {
	const ranges = functions
		.flatMap((fn) => fn.ranges)
		.toSorted((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
	const ran = new Uint8Array(length);
	for (const range of ranges)
		ran.fill(range.count > 0 ? 1 : 0, Math.max(0, range.startOffset), Math.min(length, range.endOffset));
	let total = 0;
	for (const value of ran) total += value;
	return total;
}

export interface ScriptCoverage {
	url: string;
	source?: string | undefined;
	functions: readonly CoverageFunction[];
}

export interface ExecutedSummary {
	/** Scripts that were compiled (inline scripts count one each). */
	scripts: number;
	/** Their total size, characters. */
	size: number;
	/** Characters in blocks that ran. */
	executed: number;
}

/** Sums the coverage of the scripts whose URL passes `include` (by default every http(s) script). */
export function summarizeCoverage(
	entries: readonly ScriptCoverage[],
	include: (url: string) => boolean = (url) => /^https?:/.test(url),
): ExecutedSummary {
	const summary: ExecutedSummary = { scripts: 0, size: 0, executed: 0 };
	for (const entry of entries) {
		if (!include(entry.url) || entry.source === undefined) continue;
		summary.scripts++;
		summary.size += entry.source.length;
		summary.executed += executedLength(entry.source.length, entry.functions);
	}
	return summary;
}
