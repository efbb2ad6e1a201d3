/**
 * What `npm run test:samples` records of its last run in `reports/samples.json`, for the dev-only `/author/`
 * page: each executed choice's expected and actual outcome, keyed by the snippet id
 * (`<set id>#<item id>/choice-<index>`). Not committed (reports/ is ignored): it is the author's own last run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const RECORDED_RUNS_FILE = 'reports/samples.json';

export interface RecordedRun {
	id: string;
	ok: boolean;
	expected: string;
	got: string;
}

export interface RecordedRuns {
	/** ISO time the run finished. */
	at: string;
	/** The `--filter` of the run, when it ran only part of the content. */
	filter: string | null;
	runs: RecordedRun[];
}

/** The last recorded run under `root`, or `undefined` when there is none or it cannot be read. */
export function readRecordedRuns(root: string): RecordedRuns | undefined {
	try {
		const data = JSON.parse(readFileSync(path.join(root, RECORDED_RUNS_FILE), 'utf8')) as Partial<RecordedRuns>;
		if (typeof data.at !== 'string' || !Array.isArray(data.runs)) return undefined;
		return { at: data.at, filter: data.filter ?? null, runs: data.runs };
	} catch {
		return undefined;
	}
}
