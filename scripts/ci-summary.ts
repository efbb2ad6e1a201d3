/**
 * Closes a CI run (.ci/run): a table of every step with its result and time (reports/steps.tsv, written by
 * .ci/run and scripts/test-steps.ts; a row named `a+b` is the wall time of steps that ran side by side), then the results of every test stage added up into one closing line, `N passed, N failed`, the
 * form CI reads. Stages that report counts: Vitest (reports/vitest.json), the Django sample checks and the
 * bad-input builds (their `…: N passed, N failed` lines) and Playwright (reports/e2e-summary.json). A stage
 * that failed before reporting (type check, lint, build) counts as one failure, so a red run never reads as
 * green.
 *
 *     node scripts/ci-summary.ts <log> <exit status> [<total seconds>]
 */
import { existsSync, readFileSync } from 'node:fs';

const [logPath = 'reports/test.log', exitStatus = '0', totalSeconds] = process.argv.slice(2);
const log = existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';

function readJson(path: string): Record<string, unknown> | undefined {
	if (!existsSync(path)) return undefined;
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}
const count = (value: unknown) => (typeof value === 'number' ? value : 0);

let passed = 0;
let failed = 0;
const stages: string[] = [];

const vitest = readJson('reports/vitest.json');
if (vitest) {
	passed += count(vitest['numPassedTests']);
	failed += count(vitest['numFailedTests']);
	stages.push(`unit ${count(vitest['numPassedTests'])}/${count(vitest['numTotalTests'])}`);
}
for (const stage of ['samples', 'bad-input']) {
	const line = new RegExp(`^${stage}: (\\d+) passed, (\\d+) failed`, 'm').exec(log);
	if (!line) continue;
	passed += Number(line[1]);
	failed += Number(line[2]);
	stages.push(`${stage} ${line[1]} passed`);
}
const e2e = readJson('reports/e2e-summary.json');
if (e2e) {
	passed += count(e2e['passed']);
	failed += count(e2e['failed']);
	stages.push(`e2e ${count(e2e['passed'])} passed`);
}
if (exitStatus !== '0' && failed === 0) {
	failed = 1;
	stages.push('a stage failed before reporting counts (see the log above)');
}
const steps = existsSync('reports/steps.tsv')
	? readFileSync('reports/steps.tsv', 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => line.split('\t'))
	: [];
if (steps.length > 0) {
	const width = Math.max(...steps.map(([name = '']) => name.length));
	console.log('step times:');
	for (const [name = '', status = '', seconds = ''] of steps) {
		const result = status === '0' ? 'ok' : `FAILED (exit ${status})`;
		const together = name.includes('+') ? ', side by side' : '';
		console.log(`  ${name.padEnd(width)}  ${seconds.padStart(6)} s  ${result}${together}`);
	}
	if (totalSeconds) console.log(`  ${'total'.padEnd(width)}  ${totalSeconds.padStart(6)} s`);
}
console.log(`stages: ${stages.join(', ') || 'none reported'}`);
console.log(`${passed} passed, ${failed} failed`);
