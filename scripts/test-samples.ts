/**
 * npm run test:samples [-- --filter <substring>] [-- --selftest] [-- --skip-selftest]
 *
 * Executable truth: runs every annotated Python snippet of the lessons (src/content/docs) and
 * every annotated choice of the question data (src/content/practice) on real Django 5.2, via
 * the harness in harness/, and fails if any behaves differently from what the text says.
 * The annotation grammar is in docs/content-format.md.
 *
 * Before the content, a self-test runs the same pipeline over harness/selftest/, whose
 * deliberately wrong annotations must be caught: a checker that cannot fail proves nothing.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { applyFilter, DOCS_DIR, extractTree, PRACTICE_DIR } from './samples/discover.ts';
import { checkBrowserRuntime } from './samples/browser.ts';
import { ensureVenv, runSnippets } from './samples/harness.ts';
import { RECORDED_RUNS_FILE, type RecordedRuns } from '../src/lib/samples/recorded.ts';
import { compareResults, countsLine, finalLine, formatFailure, formatProblem } from './samples/report.ts';
import {
	actualVerdicts,
	checkVerdicts,
	readSelftestVerdicts,
	SELFTEST_DOCS,
	SELFTEST_PRACTICE,
} from './samples/selftest.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const HELP = `Usage: npm run test:samples [-- options]

  --filter <text>    only files or snippet ids containing <text> (e.g. --filter aget)
  --selftest         run only the self-test (proves the checker reports wrong annotations)
  --skip-selftest    skip the self-test (it runs first by default)
  --jobs <n>         parallel snippet processes (default 2)
  --skip-browser     skip running the lesson samples in Pyodide (the browser runner's check)
  --help             show this help

Annotation grammar: docs/content-format.md. Harness: harness/README.md.`;

function selftest(jobs: number | undefined): boolean {
	const { extraction } = extractTree(ROOT, SELFTEST_DOCS, SELFTEST_PRACTICE);
	const results = runSnippets(ROOT, extraction.snippets, jobs === undefined ? {} : { jobs });
	const comparison = compareResults(extraction.snippets, results);
	const outcome = checkVerdicts(readSelftestVerdicts(ROOT), actualVerdicts(extraction, comparison));
	if (outcome.mismatches.length > 0) {
		console.error(
			`selftest: FAILED, the checker did not reach the labelled verdict for ${outcome.mismatches.length} case(s):`,
		);
		for (const mismatch of outcome.mismatches) console.error(`  ${mismatch}`);
		return false;
	}
	const caught = comparison.failed.length + extraction.problems.length;
	console.log(`selftest: ok (${outcome.checked} labelled cases; ${caught} deliberately wrong ones were caught)`);
	return true;
}

/** Keeps the run's results for the dev-only /author/ page (src/lib/samples/recorded.ts). */
function recordRuns(recorded: RecordedRuns): void {
	const file = join(ROOT, RECORDED_RUNS_FILE);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, JSON.stringify(recorded));
}

async function main(): Promise<number> {
	const { values } = parseArgs({
		options: {
			filter: { type: 'string' },
			selftest: { type: 'boolean', default: false },
			'skip-selftest': { type: 'boolean', default: false },
			'skip-browser': { type: 'boolean', default: false },
			jobs: { type: 'string' },
			help: { type: 'boolean', default: false },
		},
	});
	if (values.help) {
		console.log(HELP);
		return 0;
	}
	const jobs = values.jobs === undefined ? undefined : Number.parseInt(values.jobs, 10);
	if (jobs !== undefined && !(jobs > 0)) {
		console.error('--jobs needs a positive number');
		return 2;
	}
	const started = performance.now();

	ensureVenv(ROOT);
	if (!values['skip-selftest'] && !selftest(jobs)) {
		console.log('the checker itself is broken, so the content was not checked');
		console.log(finalLine(0, 1));
		return 1;
	}
	if (values.selftest) return 0;

	const filter = values.filter ?? null;
	const { files, extraction: everything } = extractTree(ROOT, DOCS_DIR, PRACTICE_DIR);
	const extraction = applyFilter(everything, filter);
	const { snippets, notRun, problems, warnings } = extraction;
	const scope = filter === null ? '' : ` matching "${filter}"`;
	console.log(`samples: ${files.length} content files; ${snippets.length} snippets to run${scope}`);

	const results = runSnippets(ROOT, snippets, { progress: true, ...(jobs === undefined ? {} : { jobs }) });
	const { passed, failed } = compareResults(snippets, results);
	recordRuns({
		at: new Date().toISOString(),
		filter,
		runs: results.map(({ id, ok, expected, got }) => ({ id, ok, expected, got })),
	});

	for (const failure of failed) console.log(formatFailure(failure));
	for (const problem of problems) console.log(formatProblem(problem));
	for (const warning of warnings) console.log(formatProblem(warning, '⚠ warning:'));
	// Finding nothing at all means the extractor or the paths are broken, not that all is well.
	const nothing = snippets.length === 0 && problems.length === 0;
	if (nothing) {
		const where = filter === null ? `${DOCS_DIR} and ${PRACTICE_DIR}` : `files or ids matching "${filter}"`;
		console.log(`✗ nothing to run: no annotated Python block or choice in ${where}`);
	}

	// The browser runner's faithfulness check: which lesson samples give the same outcome in Pyodide.
	let browserFailed = 0;
	if (!values['skip-browser'] && snippets.length > 0) {
		const browser = await checkBrowserRuntime(ROOT, snippets, results, { write: filter === null });
		for (const line of browser.lines) console.log(line);
		if (!browser.ok) browserFailed = 1;
	}

	const seconds = (performance.now() - started) / 1000;
	console.log(
		countsLine({ run: snippets.length, notRun, problems: problems.length, warnings: warnings.length, seconds }),
	);
	const failedCount = failed.length + problems.length + (nothing ? 1 : 0) + browserFailed;
	console.log(finalLine(passed.length, failedCount));
	return failedCount === 0 ? 0 : 1;
}

try {
	process.exitCode = await main();
} catch (error) {
	console.error(`test:samples: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 2;
}
