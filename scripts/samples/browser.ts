/**
 * The faithfulness check of the browser runner: every lesson sample that the harness ran on real Django runs again
 * in Pyodide (one instance under Node, a fresh database per sample, the same Python the browser's worker uses),
 * and a sample is runnable in the browser only when both outcomes are the same. The decisions are written to
 * src/lib/runner/verdicts.json, which the build reads; the check fails when that file was out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { bundleDjango, pyodideDir } from '../../src/lib/runner/stage.ts';
import { decide, reasonCategory, sampleKey, type Verdict, type VerdictFile } from '../../src/lib/runner/verdicts.ts';
import { DOCS_DIR } from './discover.ts';
import type { RunResult, Snippet } from './types.ts';

export const VERDICTS_FILE = 'src/lib/runner/verdicts.json';
/** The site folder inside Pyodide's file system where django.zip is unpacked (the worker uses the same). */
const SITE = '/home/pyodide/site';
/** A sample that has not ended after this long in Pyodide is not runnable there (it waits for a thread). */
const TIMEOUT_MS = 15_000;

interface PyJudge {
	(code: string, context: string, expect: unknown): Promise<{ toJs(options: object): unknown }>;
}

export interface BrowserCheck {
	ok: boolean;
	lines: string[];
	verdicts: VerdictFile;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<'timeout'>((resolve) => {
		timer = setTimeout(() => resolve('timeout'), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Run the lesson samples in Pyodide and decide which are runnable in the browser. */
export async function checkBrowserRuntime(
	root: string,
	snippets: readonly Snippet[],
	results: readonly RunResult[],
	options: { write: boolean },
): Promise<BrowserCheck> {
	const started = performance.now();
	const lessons = snippets
		.map((snippet, index) => ({ snippet, result: results[index] }))
		.filter(({ snippet }) => snippet.file.startsWith(`${DOCS_DIR}/`));
	const django = await bundleDjango(root);
	if (!django.ok) throw new Error(`the browser runtime could not be staged: ${django.reason}`);

	const { loadPyodide } = (await import(join(pyodideDir(), 'pyodide.mjs'))) as {
		loadPyodide: (options: { indexURL: string; stdLibURL: string }) => Promise<{
			unpackArchive(buffer: Uint8Array, format: string, options: { extractDir: string }): void;
			pyimport(name: string): { setup(site: string): void; judge: PyJudge };
			toPy(value: unknown): unknown;
			runPython(code: string): unknown;
			setStdout(options: { batched: (text: string) => void }): void;
			setStderr(options: { batched: (text: string) => void }): void;
		}>;
	};
	// The trimmed standard library the browser gets, so the check runs what readers run.
	const pyodide = await loadPyodide({ indexURL: `${pyodideDir()}/`, stdLibURL: django.stdlib });
	pyodide.setStdout({ batched: () => {} });
	pyodide.setStderr({ batched: () => {} });
	pyodide.unpackArchive(new Uint8Array(readFileSync(django.zip)), 'zip', { extractDir: SITE });
	pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(SITE)})`);
	const runner = pyodide.pyimport('awaitable_runner');
	runner.setup(SITE);

	const samples: Record<string, Verdict> = {};
	/** With RUNNER_VERBOSE=1: each sample that is not runnable, with both outcomes. */
	const details: string[] = [];
	for (const { snippet, result } of lessons) {
		if (result === undefined || result.id !== snippet.id) continue;
		const answer = await withTimeout(
			runner.judge(snippet.code, snippet.context, pyodide.toPy(snippet.expect)),
			TIMEOUT_MS,
		);
		const browser =
			answer === 'timeout'
				? { ok: false, got: `did not end within ${TIMEOUT_MS / 1000} s: needs real threads` }
				: (answer.toJs({ dict_converter: Object.fromEntries }) as { ok: boolean; got: string });
		const verdict = decide(snippet.code, { harness: result, browser });
		if (!verdict.runnable && process.env['RUNNER_VERBOSE']) {
			details.push(
				`  ${snippet.id}: ${verdict.reason}\n    real Django: ${result.got}\n    Pyodide:     ${browser.got}`,
			);
		}
		samples[sampleKey(snippet.context, snippet.code)] = {
			file: snippet.file.slice(DOCS_DIR.length + 1),
			...verdict,
		};
	}
	const pkg = JSON.parse(readFileSync(join(pyodideDir(), 'package.json'), 'utf8')) as { version: string };
	const verdicts: VerdictFile = { pyodide: pkg.version, samples: sortKeys(samples) };

	const all = Object.values(samples);
	const runnable = all.filter((verdict) => verdict.runnable).length;
	const byReason = new Map<string, number>();
	for (const verdict of all) {
		if (verdict.reason !== undefined) {
			const category = reasonCategory(verdict.reason);
			byReason.set(category, (byReason.get(category) ?? 0) + 1);
		}
	}
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	const reasons = [...byReason].map(([reason, count]) => `${count} ${reason}`).join(', ');
	const lines = [
		`browser: ${runnable} of ${all.length} lesson samples give real Django's outcome in Pyodide ${pkg.version} and are runnable` +
			(byReason.size > 0 ? `; not runnable: ${reasons}` : '') +
			` (${seconds} s)`,
		...details,
	];

	const path = join(root, VERDICTS_FILE);
	const next = `${JSON.stringify(verdicts, null, '\t')}\n`;
	let current = '';
	try {
		current = readFileSync(path, 'utf8');
	} catch {
		// not written yet
	}
	let ok = true;
	if (options.write && current !== next) {
		writeFileSync(path, next);
		ok = false;
		lines.push(`✗ ${VERDICTS_FILE} was out of date (samples changed); it has been rewritten: review and commit it`);
	}
	return { ok, lines, verdicts };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
	return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
