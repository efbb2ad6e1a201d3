/** Messages between the page (ui.ts) and the runner's Web Worker (worker.ts). */

export type ToWorker = {
	type: 'run';
	/** Absolute URL of the staged runtime folder (ends with `/`). */
	base: string;
	files: Record<string, number>;
	code: string;
	context: 'async' | 'sync';
};

export type FromWorker =
	| { type: 'progress'; loaded: number; total: number; what: string }
	/** Python is ready and the sample starts now: the watchdog's clock starts here. */
	| { type: 'started' }
	| { type: 'out'; text: string; stream: 'stdout' | 'stderr' }
	| { type: 'done'; ms: number; error: string | null; limit: boolean }
	/**
	 * `download`: a file could not be fetched (offline); `start`: Python or Django did not start; `crashed`: the
	 * interpreter itself failed during a run (the page then ends this worker and starts a new one next time).
	 */
	| { type: 'failed'; kind: 'download' | 'start' | 'crashed'; message: string };

/** Where Django and the harness's project are unpacked in Pyodide's file system (the Node check uses the same). */
export const SITE = '/home/pyodide/site';
/** Characters a sample may print before it is stopped. */
export const OUTPUT_LIMIT = 100_000;
