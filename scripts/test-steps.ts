/**
 * `npm test`: runs each step named on the command line (`npm run <step>`), in order, stopping at the first that
 * fails, and prints each step's result with its time. Every step's line also goes to reports/steps.tsv
 * (`name<TAB>exit status<TAB>seconds`), which `scripts/ci-summary.ts` turns into CI's closing table.
 *
 *     node scripts/test-steps.ts check lint test:unit …      (the list lives in package.json's "test")
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';

const steps = process.argv.slice(2);
if (steps.length === 0) throw new Error('name the npm scripts to run, in order');
mkdirSync('reports', { recursive: true });

for (const step of steps) {
	console.log(`== ${step}: npm run ${step}`);
	const started = performance.now();
	const { status, error } = spawnSync('npm', ['run', step], { stdio: 'inherit' });
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	const code = error ? 1 : (status ?? 1);
	appendFileSync('reports/steps.tsv', `${step}\t${code}\t${seconds}\n`);
	if (code !== 0) {
		console.log(`== ${step}: FAILED (exit ${code}) in ${seconds}s`);
		process.exit(code);
	}
	console.log(`== ${step}: ok in ${seconds}s`);
}
