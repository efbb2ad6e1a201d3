/**
 * `npm run test:bad-input`: proves that the author mistakes only a whole build shows (YAML that does not
 * parse, a lesson naming no practice set, broken links) stop it with a message naming the file, the id and the
 * fix (the fragments in each `tests/bad-input/<case>/expected.json`). Mistakes inside practice data and
 * lessons that one function catches are unit tests with the whole message: tests/bad-input/*.test.ts.
 *
 * Each case builds a throwaway copy of the project in the system's temporary folder: the code (`src/` minus
 * its content, `scripts/`, `public/`, the configs), the small valid site in `tests/bad-input/_base/`, then
 * the case's own files on top. `_base` itself is built too, as the control: it must pass, so a case fails
 * because of its mistake and nothing else. Builds run two at a time.
 *
 *     node scripts/bad-input.ts [--filter <text>] [--jobs <n>] [--keep]
 *
 * The copies share one hard-linked `node_modules` (see scripts/quality/project-copy.ts).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
	checkOutcome,
	EXPECTED_FILE,
	finalLine,
	mapLimit,
	outputExcerpt,
	parseExpected,
	resultLine,
	type BuildOutcome,
	type CaseResult,
	type Expected,
} from './quality/bad-input-case.ts';
import {
	astroCli,
	buildEnvironment,
	copyProject,
	ROOT,
	sharedNodeModules,
	workFolder,
} from './quality/project-copy.ts';

const CASES = path.join(ROOT, 'tests/bad-input');
const BASE = '_base';
const BUILD_TIMEOUT_MS = 240_000;

function option(name: string): string | undefined {
	const index = process.argv.indexOf(name);
	return index === -1 ? undefined : process.argv[index + 1];
}

function prepareCopy(work: string, caseName: string, expected: Expected): string {
	// The real lessons and data are replaced by the small fixture site: faster, and independent of them.
	const project = copyProject(work, caseName, { withContent: false });
	cpSync(path.join(CASES, BASE), project, { recursive: true });
	if (caseName !== BASE) {
		for (const file of expected.remove) rmSync(path.join(project, file), { force: true });
		cpSync(path.join(CASES, caseName), project, {
			recursive: true,
			filter: (source) => path.basename(source) !== EXPECTED_FILE,
		});
	}
	rmSync(path.join(project, EXPECTED_FILE), { force: true });
	return project;
}

function build(project: string): Promise<BuildOutcome> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [astroCli(project), 'build'], {
			cwd: project,
			env: buildEnvironment(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
		child.on('close', (exitCode) => {
			clearTimeout(timer);
			resolve({ exitCode, output, timedOut: exitCode === null });
		});
	});
}

async function runCase(work: string, name: string): Promise<CaseResult> {
	const started = performance.now();
	const expected = parseExpected(name, readFileSync(path.join(CASES, name, EXPECTED_FILE), 'utf8'));
	const project = prepareCopy(work, name, expected);
	const outcome = await build(project);
	writeFileSync(path.join(work, `${name}.log`), outcome.output);
	const problems = checkOutcome(expected, outcome);
	const result: CaseResult = {
		name,
		mistake: expected.mistake,
		problems,
		seconds: (performance.now() - started) / 1000,
	};
	console.log(resultLine(result));
	if (problems.length > 0) {
		console.log(`      ${problems.join('\n      ')}`);
		console.log(`      output (full log: ${path.join(work, `${name}.log`)}):`);
		console.log(outputExcerpt(outcome.output).replace(/^/gm, '      | '));
	}
	return result;
}

async function main(): Promise<number> {
	const filter = option('--filter');
	const jobs = Number(option('--jobs') ?? 2);
	const keep = process.argv.includes('--keep');
	const names = readdirSync(CASES, { withFileTypes: true })
		// A case is a folder with an expected.json; `practice-data/` and `mdx/` hold the unit tests' fixtures.
		.filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
		.filter((entry) => existsSync(path.join(CASES, entry.name, EXPECTED_FILE)))
		.map((entry) => entry.name)
		.filter((name) => filter === undefined || name.includes(filter))
		.sort();

	const work = workFolder('bad-input');
	const started = performance.now();
	try {
		sharedNodeModules(work);
		console.log(`bad-input: ${names.length} cases, ${jobs} at a time, in ${work}`);
		// The control builds alongside the cases (one build slot fewer to wait for), and is read first: if the
		// fixture site itself does not build, no case proves anything.
		const [control, ...results] = await mapLimit([BASE, ...names], jobs, (name) => runCase(work, name));
		if (!control || control.problems.length > 0) {
			console.log('bad-input: the control site in tests/bad-input/_base does not build; fix it first.');
			console.log(finalLine(control ? [control] : []));
			return 1;
		}
		const all = [control, ...results];
		const seconds = (performance.now() - started) / 1000;
		mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
		writeFileSync(
			path.join(ROOT, 'reports/bad-input.json'),
			JSON.stringify(
				{
					passed: all.filter((r) => r.problems.length === 0).length,
					failed: all.filter((r) => r.problems.length > 0).length,
					seconds,
					results: all,
				},
				null,
				'\t',
			),
		);
		console.log(`bad-input: finished in ${seconds.toFixed(0)}s`);
		console.log(finalLine(all));
		return all.some((result) => result.problems.length > 0) ? 1 : 0;
	} finally {
		if (keep) console.log(`bad-input: kept ${work}`);
		else rmSync(work, { recursive: true, force: true });
	}
}

process.exitCode = await main();
