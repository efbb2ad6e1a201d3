/**
 * `npm test`: runs the npm scripts named on the command line (`npm run <step>`), in order, stopping after the
 * first that fails, and prints each step's result with its time. Steps joined by `+` form a group that runs
 * at the same time (steps that do not depend on each other, so a 2-core machine has both cores busy); each
 * step's output is held back and printed in one block when it ends, so the groups stay readable. Every step's
 * line also goes to reports/steps.tsv (`name<TAB>exit status<TAB>seconds`), a group's own wall time after its
 * steps, which `scripts/ci-summary.ts` turns into CI's closing table.
 *
 *     node scripts/test-steps.ts check+lint test:unit build …      (the list lives in package.json's "test")
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';

const groups = process.argv.slice(2).map((arg) => arg.split('+').filter(Boolean));
if (groups.length === 0 || groups.some((group) => group.length === 0))
	throw new Error('name the npm scripts to run, in order; join the ones that may run at the same time with +');
mkdirSync('reports', { recursive: true });

interface Outcome {
	code: number;
	seconds: string;
}

const elapsed = (started: number) => ((performance.now() - started) / 1000).toFixed(1);

function record(name: string, { code, seconds }: Outcome): void {
	appendFileSync('reports/steps.tsv', `${name}\t${code}\t${seconds}\n`);
	console.log(code === 0 ? `== ${name}: ok in ${seconds}s` : `== ${name}: FAILED (exit ${code}) in ${seconds}s`);
}

/** A step on its own: its output streams as it comes. */
function runAlone(step: string): Outcome {
	console.log(`== ${step}: npm run ${step}`);
	const started = performance.now();
	const { status, error } = spawnSync('npm', ['run', step], { stdio: 'inherit' });
	return { code: error ? 1 : (status ?? 1), seconds: elapsed(started) };
}

/** A step in a group: stdout and stderr are kept, interleaved as they came, and printed when it ends. */
function runHeldBack(step: string): Promise<Outcome> {
	const started = performance.now();
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		// On a terminal, FORCE_COLOR keeps the tools' colours although their output goes through a pipe first.
		const child = spawn('npm', ['run', step], {
			stdio: ['ignore', 'pipe', 'pipe'],
			env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env,
		});
		child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
		const finish = (code: number) => {
			console.log(`== ${step}: npm run ${step}`);
			process.stdout.write(Buffer.concat(chunks));
			const outcome = { code, seconds: elapsed(started) };
			record(step, outcome);
			resolve(outcome);
		};
		child.on('error', () => finish(1));
		child.on('close', (status) => finish(status ?? 1));
	});
}

for (const group of groups) {
	if (group.length === 1) {
		const step = group[0] ?? '';
		const outcome = runAlone(step);
		record(step, outcome);
		if (outcome.code !== 0) process.exit(outcome.code);
		continue;
	}
	const name = group.join('+');
	console.log(`== ${name}: ${group.length} steps at the same time, each printed when it ends`);
	const started = performance.now();
	const outcomes = await Promise.all(group.map(runHeldBack));
	const failed = outcomes.find((outcome) => outcome.code !== 0);
	record(name, { code: failed?.code ?? 0, seconds: elapsed(started) });
	if (failed) process.exit(failed.code);
}
