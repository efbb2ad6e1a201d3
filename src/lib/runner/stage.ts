/**
 * Staging the browser runner's runtime at build time: Pyodide's files from the `pyodide` npm package and one zip
 * with Django, asgiref and sqlparse (the pinned wheels of harness/requirements.txt, from the Python package index
 * as the harness gets them, trimmed) plus the harness's project and `awaitable_runner.py` (built by
 * `python/bundle.py`). Nothing of either is committed; both land in `node_modules/.cache/awaitable-runner/`.
 *
 * Without Python (or with `AWAITABLE_RUNNER=off`) staging reports why, and the site builds with Run disabled.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What the browser loads from Pyodide's package (the rest of it is docs, types and a console page). */
export const PYODIDE_FILES = [
	'pyodide.mjs',
	'pyodide.asm.mjs',
	'pyodide.asm.wasm',
	'python_stdlib.zip',
	'pyodide-lock.json',
] as const;
export const DJANGO_ZIP = 'django.zip';
/** Pyodide's standard library without what no sample can use in the browser (python/bundle.py). */
export const STDLIB_ZIP = 'python_stdlib.zip';

export interface RuntimeFile {
	name: string;
	bytes: number;
}

export type Staged =
	| {
			ok: true;
			dir: string;
			version: string;
			files: RuntimeFile[];
			pyodideVersion: string;
			/** `3.14`, from Pyodide's lock file. */
			python: string;
			/** `5.2`, from harness/requirements.txt. */
			django: string;
			/** What the first Run downloads with gzip, in bytes. */
			gzipBytes: number;
	  }
	| { ok: false; reason: string };

export function pyodideDir(): string {
	return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

export function cacheDir(root: string): string {
	return join(root, 'node_modules', '.cache', 'awaitable-runner');
}

/** What python/bundle.py printed and how it ended (a Python that could not be started has `error`). */
function runPython(
	python: string,
	args: string[],
): Promise<{ error?: Error; status: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(python, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
			// A code that is a string (ENOENT) is Python not starting; a number, its exit status; none, a signal.
			if (!error) resolve({ status: 0, stdout, stderr });
			else if (typeof error.code === 'string') resolve({ error, status: null, stdout, stderr });
			else resolve({ status: typeof error.code === 'number' ? error.code : null, stdout, stderr });
		});
	});
}

/**
 * Build django.zip with python/bundle.py; returns its path or why it could not. Python runs as a child process
 * without blocking this one's thread: the build goes on configuring while it works (src/integrations/runner.ts).
 */
export async function bundleDjango(
	root: string,
): Promise<{ ok: true; zip: string; stdlib: string } | { ok: false; reason: string }> {
	if (process.env['AWAITABLE_RUNNER'] === 'off')
		return { ok: false, reason: 'AWAITABLE_RUNNER=off was set for this build' };
	const python = process.env['PYTHON'] ?? (process.platform === 'win32' ? 'python' : 'python3');
	const cache = cacheDir(root);
	mkdirSync(cache, { recursive: true });
	const zip = join(cache, DJANGO_ZIP);
	const stdlib = join(cache, STDLIB_ZIP);
	const here = join(root, 'src', 'lib', 'runner', 'python');
	const run = await runPython(python, [
		join(here, 'bundle.py'),
		'--requirements',
		join(root, 'harness', 'requirements.txt'),
		'--harness',
		join(root, 'harness'),
		'--runner',
		join(here, 'awaitable_runner.py'),
		'--cache',
		join(cache, 'wheels'),
		'--out',
		zip,
		'--stdlib',
		join(pyodideDir(), STDLIB_ZIP),
		'--stdlib-out',
		stdlib,
	]);
	if (run.error) return { ok: false, reason: `Python was not found on the machine that built this site (${python})` };
	if (run.status !== 0) {
		const tail = (run.stderr || run.stdout).trim().split('\n').slice(-1)[0] ?? '';
		return { ok: false, reason: `Django could not be packaged when this site was built (${tail})` };
	}
	return { ok: true, zip, stdlib };
}

/** Stage Pyodide + Django into a versioned folder (the version is a hash of the contents, for caching). */
export async function stageRuntime(root: string): Promise<Staged> {
	const django = await bundleDjango(root);
	if (!django.ok) return django;
	const pyodide = pyodideDir();
	const sources = [
		...PYODIDE_FILES.map((name) => ({ name, path: name === STDLIB_ZIP ? django.stdlib : join(pyodide, name) })),
		{ name: DJANGO_ZIP, path: django.zip },
	];
	const missing = sources.find((source) => !existsSync(source.path));
	if (missing) return { ok: false, reason: `${missing.name} is missing from the pyodide npm package` };
	// Each file is read once, and what was hashed is what is staged: another build running at the same time may
	// replace the cache's django.zip in between (python/bundle.py renames complete files into place).
	const hash = createHash('sha256');
	const contents = sources.map((source) => ({ name: source.name, bytes: readFileSync(source.path) }));
	for (const { bytes } of contents) hash.update(bytes);
	const version = hash.digest('hex').slice(0, 12);
	const dir = join(cacheDir(root), version);
	mkdirSync(dir, { recursive: true });
	// The gzip size of these contents, computed once per version (gzip of the ~13 MB runtime is most of the CPU
	// staging costs a warm build) and kept beside the files, which the version names.
	const gzipFile = join(dir, 'gzip-bytes.txt');
	const cachedGzip = existsSync(gzipFile) ? Number(readFileSync(gzipFile, 'utf8')) : NaN;
	const cached = Number.isInteger(cachedGzip) && cachedGzip > 0;
	const gzipBytes = cached
		? cachedGzip
		: contents.reduce((sum, { bytes }) => sum + gzipSync(bytes, { level: 6 }).byteLength, 0);
	if (!cached) {
		const partial = `${gzipFile}.${process.pid}.partial`;
		writeFileSync(partial, String(gzipBytes));
		renameSync(partial, gzipFile);
	}
	for (const { name, bytes } of contents) {
		// The folder is named by the contents' hash: a file already there is this one, complete (renamed into place).
		const target = join(dir, name);
		if (existsSync(target)) continue;
		const partial = `${target}.${process.pid}.partial`;
		writeFileSync(partial, bytes);
		renameSync(partial, target);
	}
	const pkg = JSON.parse(readFileSync(join(pyodide, 'package.json'), 'utf8')) as { version: string };
	const lock = JSON.parse(readFileSync(join(pyodide, 'pyodide-lock.json'), 'utf8')) as { info: { python: string } };
	const requirements = readFileSync(join(root, 'harness', 'requirements.txt'), 'utf8');
	const djangoVersion = /^Django==(\d+\.\d+)/im.exec(requirements)?.[1] ?? '';
	return {
		ok: true,
		dir,
		version,
		pyodideVersion: pkg.version,
		python: lock.info.python.split('.').slice(0, 2).join('.'),
		django: djangoVersion,
		gzipBytes,
		files: contents.map(({ name, bytes }) => ({ name, bytes: bytes.byteLength })),
	};
}
