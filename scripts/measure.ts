/**
 * npm run measure: the numbers behind the lessons' performance claims, measured on this machine.
 *
 * Runs harness/measure/{loop_stall,gather_serial,thread_hop}.py on Django 5.2 (each prints a
 * table and writes reports/measure/<name>.json), then combines the reports into
 * reports/measure.json. Loopback only; about 15 s on an idle laptop.
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureVenv, venvPython } from './samples/harness.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCRIPTS = ['loop_stall', 'gather_serial', 'thread_hop'] as const;

function main(): number {
	const started = performance.now();
	ensureVenv(ROOT);
	const combined: Record<string, unknown> = {};
	const failed: string[] = [];
	for (const name of SCRIPTS) {
		console.log(`\n$ harness/measure/${name}.py`);
		const run = spawnSync(venvPython(ROOT), [join(ROOT, 'harness', 'measure', `${name}.py`)], {
			stdio: 'inherit',
			timeout: 120_000,
		});
		if (run.status !== 0) {
			failed.push(`${name} (${run.error?.message ?? `exit status ${String(run.status ?? run.signal)}`})`);
			continue;
		}
		combined[name] = JSON.parse(readFileSync(join(ROOT, 'reports', 'measure', `${name}.json`), 'utf8'));
	}
	mkdirSync(join(ROOT, 'reports'), { recursive: true });
	writeFileSync(join(ROOT, 'reports', 'measure.json'), `${JSON.stringify(combined, null, 2)}\n`);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	if (failed.length > 0) {
		console.error(`measure: failed: ${failed.join(', ')}`);
		return 1;
	}
	console.log(`measure: ${SCRIPTS.length} measurements in ${seconds} s; combined report in reports/measure.json`);
	return 0;
}

try {
	process.exitCode = main();
} catch (error) {
	console.error(`measure: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 2;
}
