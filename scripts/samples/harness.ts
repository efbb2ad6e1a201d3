/** Talking to the Python harness: make sure its venv exists, then run snippets through it. */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { isRunResult } from './report.ts';
import type { RunResult, Snippet } from './types.ts';

const WINDOWS = process.platform === 'win32';

export function venvPython(root: string): string {
	return WINDOWS
		? join(root, 'harness', '.venv', 'Scripts', 'python.exe')
		: join(root, 'harness', '.venv', 'bin', 'python');
}

/** Create or update harness/.venv (fast when already up to date). Set PYTHON to pick the interpreter. */
export function ensureVenv(root: string): void {
	const python = process.env['PYTHON'] ?? (WINDOWS ? 'python' : 'python3');
	const run = spawnSync(python, [join(root, 'harness', 'bootstrap.py')], { stdio: 'inherit' });
	if (run.error) throw new Error(`could not start ${python} (${run.error.message}); Python 3.11 is needed`);
	if (run.status !== 0) throw new Error('harness/bootstrap.py failed (see above)');
}

export interface RunOptions {
	progress?: boolean;
	jobs?: number;
}

/** Execute snippets with harness/run_snippets.py; results come back in input order. */
export function runSnippets(root: string, snippets: readonly Snippet[], options: RunOptions = {}): RunResult[] {
	if (snippets.length === 0) return [];
	const dir = mkdtempSync(join(tmpdir(), 'awaitable-samples-'));
	try {
		const input = join(dir, 'snippets.json');
		const output = join(dir, 'results.json');
		writeFileSync(input, JSON.stringify(snippets));
		const args = [join(root, 'harness', 'run_snippets.py'), input, '--out', output];
		if (options.progress) args.push('--progress');
		if (options.jobs !== undefined) args.push('--jobs', String(options.jobs));
		const run = spawnSync(venvPython(root), args, { stdio: ['ignore', 'inherit', 'inherit'] });
		if (run.error) throw new Error(`could not start the harness: ${run.error.message}`);
		// 0: all passed, 1: some failed. Anything else means the harness itself broke.
		if (run.status !== 0 && run.status !== 1)
			throw new Error(`harness/run_snippets.py exited with status ${run.status}`);
		const parsed: unknown = JSON.parse(readFileSync(output, 'utf8'));
		if (!Array.isArray(parsed) || !parsed.every(isRunResult)) {
			throw new Error('harness/run_snippets.py returned results in an unexpected shape');
		}
		return parsed;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
