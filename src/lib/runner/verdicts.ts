/**
 * Which lesson samples get a Run button: those whose outcome in Pyodide (under Node, in `npm run test:samples`)
 * is the outcome real Django recorded in the harness. The decision is build data, derived and never hand-written:
 * `verdicts.json` beside this file is rewritten by `test:samples`, which fails when it was out of date, and read
 * by the build (`mdast-plugin.ts`).
 */
import { createHash } from 'node:crypto';

import type { RunContext } from '../samples/meta.ts';

export interface Verdict {
	/** The lesson file, for people reading the JSON (the key is what the build uses). */
	file: string;
	runnable: boolean;
	/** Why the sample is not runnable in the browser, said to the reader. */
	reason?: string;
}

export interface VerdictFile {
	pyodide: string;
	samples: Record<string, Verdict>;
}

/** The key of a sample: its run context and code, so moving a block does not change it, editing it does. */
export function sampleKey(context: RunContext, code: string): string {
	return createHash('sha256').update(`${context}\n${code}`).digest('hex').slice(0, 16);
}

/** What the harness (real Django) and the browser runtime said about one sample, in the harness's words. */
export interface Outcomes {
	harness: { ok: boolean; got: string };
	browser: { ok: boolean; got: string };
}

const RAISED = /^raised ([\w.]+): /;

/** Decide whether a sample is runnable in the browser, and if not, say why in the reader's terms. */
export function decide(code: string, outcomes: Outcomes): Omit<Verdict, 'file'> {
	const { harness, browser } = outcomes;
	if (harness.ok && browser.ok && harness.got === browser.got) return { runnable: true };
	const got = browser.got;
	if (/needs real threads|can't start new thread/.test(got)) {
		return { runnable: false, reason: 'needs real threads: it waits for another thread' };
	}
	if (/thread/i.test(harness.got)) {
		return { runnable: false, reason: 'needs real threads: on a server this crosses threads' };
	}
	if (/\bthreading\b|current_thread|thread_sensitive/.test(code)) {
		return { runnable: false, reason: 'needs real threads: it shows which thread runs the code' };
	}
	if (/\btime\.(perf_counter|monotonic|time|sleep)\b|wait_for|timeout/.test(code)) {
		return { runnable: false, reason: 'timing differs: it measures time' };
	}
	const real = RAISED.exec(harness.got)?.[1];
	if (real !== undefined && real === RAISED.exec(got)?.[1]) {
		return { runnable: false, reason: 'Python 3.14 words this error differently' };
	}
	const raised = /raised ([\w.]+)/.exec(got)?.[1];
	return {
		runnable: false,
		reason: `differs in the browser: ${raised === undefined ? 'it prints something else' : `it raises ${raised}`}`,
	};
}

/** The category of a reason (the words before the colon), for counts in reports. */
export function reasonCategory(reason: string): string {
	return reason.split(':')[0] ?? reason;
}
