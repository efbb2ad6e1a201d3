/// <reference lib="webworker" />
/**
 * The runner's Web Worker: Pyodide with real Django, started on the first Run. Downloads are counted as they
 * stream (for the progress bar), Django's zip is unpacked into the virtual file system, and every run gets a fresh
 * database (python/awaitable_runner.py). The page's watchdog terminates this worker when a sample never ends.
 */
import { OUTPUT_LIMIT, SITE, type FromWorker, type ToWorker } from './protocol.ts';

interface PyProxy {
	toJs(options: { dict_converter: typeof Object.fromEntries }): unknown;
	destroy(): void;
}
interface Runner {
	setup(site: string): void;
	run(
		code: string,
		context: string,
		out: (text: string) => void,
		err: (text: string) => void,
		limit: number,
	): Promise<PyProxy>;
}
interface Pyodide {
	unpackArchive(buffer: Uint8Array, format: string, options: { extractDir: string }): void;
	runPython(code: string): unknown;
	pyimport(name: string): Runner;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker): void => scope.postMessage(message);

class DownloadError extends Error {}

let ready: Promise<Runner> | null = null;

function countingFetch(total: number): { fetch: typeof fetch; add: (bytes: number, what: string) => void } {
	let loaded = 0;
	let last = 0;
	const add = (bytes: number, what: string): void => {
		loaded = Math.min(loaded + bytes, total);
		const now = performance.now();
		if (now - last > 50 || loaded === total) {
			last = now;
			post({ type: 'progress', loaded, total, what });
		}
	};
	const real = scope.fetch.bind(scope);
	const counted: typeof fetch = async (input, init) => {
		const url = input instanceof Request ? input.url : String(input);
		const what = url.slice(url.lastIndexOf('/') + 1);
		let response: Response;
		try {
			response = await real(input, init);
		} catch (error) {
			throw new DownloadError(`${what}: ${error instanceof Error ? error.message : String(error)}`);
		}
		if (!response.ok) throw new DownloadError(`${what}: HTTP ${response.status}`);
		if (!response.body) return response;
		const counter = new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, controller) {
				add(chunk.byteLength, what);
				controller.enqueue(chunk);
			},
		});
		return new Response(response.body.pipeThrough(counter), {
			status: response.status,
			statusText: response.statusText,
			headers: response.headers,
		});
	};
	return { fetch: counted, add };
}

async function start(base: string, files: Record<string, number>): Promise<Runner> {
	const total = Object.values(files).reduce((sum, bytes) => sum + bytes, 0);
	const counter = countingFetch(total);
	// Pyodide fetches its wasm, standard library and lock file with the global fetch: count those bytes too.
	scope.fetch = counter.fetch;
	let module: { loadPyodide: (options: object) => Promise<Pyodide> };
	try {
		module = (await import(/* @vite-ignore */ `${base}pyodide.mjs`)) as typeof module;
	} catch (error) {
		throw new DownloadError(`pyodide.mjs: ${error instanceof Error ? error.message : String(error)}`);
	}
	counter.add(files['pyodide.mjs'] ?? 0, 'pyodide.mjs');
	const django = counter.fetch(`${base}django.zip`).then((response) => response.arrayBuffer());
	counter.add(files['pyodide.asm.mjs'] ?? 0, 'pyodide.asm.mjs');
	const pyodide = await module.loadPyodide({
		indexURL: base,
		stdout: () => {},
		stderr: () => {},
	});
	pyodide.unpackArchive(new Uint8Array(await django), 'zip', { extractDir: SITE });
	pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(SITE)})`);
	const runner = pyodide.pyimport('awaitable_runner');
	runner.setup(SITE);
	return runner;
}

scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
	void handle(event.data);
});

async function handle(message: ToWorker): Promise<void> {
	let runner: Runner;
	try {
		ready ??= start(message.base, message.files);
		runner = await ready;
	} catch (error) {
		ready = null;
		const text = error instanceof Error ? error.message : String(error);
		post({ type: 'failed', kind: error instanceof DownloadError ? 'download' : 'start', message: text });
		return;
	}
	post({ type: 'started' });
	const out = (text: string): void => post({ type: 'out', text, stream: 'stdout' });
	const err = (text: string): void => post({ type: 'out', text, stream: 'stderr' });
	try {
		const result = await runner.run(message.code, message.context, out, err, OUTPUT_LIMIT);
		// Python's None arrives as undefined.
		const done = result.toJs({ dict_converter: Object.fromEntries }) as { ms: number; error?: string; limit: boolean };
		result.destroy();
		post({ type: 'done', ms: done.ms, error: done.error ?? null, limit: done.limit });
	} catch (error) {
		// Python errors are the sample's outcome and never get here; this is Pyodide itself failing.
		post({ type: 'failed', kind: 'crashed', message: error instanceof Error ? error.message : String(error) });
	}
}
