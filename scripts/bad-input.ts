/**
 * `npm run test:bad-input`: proves that every author mistake in `tests/bad-input/<case>/` stops the build
 * with a message naming the file, the id and the fix (the fragments in each case's `expected.json`).
 *
 * Each case builds a throwaway copy of the project in the system's temporary folder: the code (`src/` minus
 * its content, `scripts/`, `public/`, the configs), the small valid site in `tests/bad-input/_base/`, then
 * the case's own files on top. `_base` itself is built first as the control: it must pass, so a case fails
 * because of its mistake and nothing else. Cases run two at a time.
 *
 *     node scripts/bad-input.ts [--filter <text>] [--jobs <n>] [--keep]
 *
 * Astro mishandles a `node_modules` that is a symlink to a folder outside the project's own ancestors, so
 * the copies share one hard-linked `node_modules` (instant, no extra disk) beside them.
 */
import { spawn } from 'node:child_process';
import {
	cpSync,
	existsSync,
	linkSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CASES = path.join(ROOT, 'tests/bad-input');
const BASE = '_base';
/** What a copy of the project needs to build; the content comes from `_base` and the case. */
const PROJECT_FILES = ['src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
/** Caches and tool state that must not be shared between the copies and the real project. */
const SKIP_IN_NODE_MODULES = new Set(['.vite', '.vite-temp', '.astro', '.cache', '.vitest-cache']);
const BUILD_TIMEOUT_MS = 240_000;

function option(name: string): string | undefined {
	const index = process.argv.indexOf(name);
	return index === -1 ? undefined : process.argv[index + 1];
}

/** Hard-links a tree (falls back to copying a file where a link is refused); symlinks stay symlinks. */
function linkTree(from: string, to: string): void {
	mkdirSync(to, { recursive: true });
	for (const entry of readdirSync(from, { withFileTypes: true })) {
		const source = path.join(from, entry.name);
		const target = path.join(to, entry.name);
		if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
		else if (entry.isDirectory()) linkTree(source, target);
		else {
			try {
				linkSync(source, target);
			} catch {
				cpSync(source, target);
			}
		}
	}
}

function sharedNodeModules(work: string): string {
	const target = path.join(work, 'node_modules');
	mkdirSync(target);
	for (const entry of readdirSync(path.join(ROOT, 'node_modules'))) {
		if (SKIP_IN_NODE_MODULES.has(entry)) continue;
		const source = path.join(ROOT, 'node_modules', entry);
		if (lstatSync(source).isSymbolicLink()) symlinkSync(readlinkSync(source), path.join(target, entry));
		else if (lstatSync(source).isDirectory()) linkTree(source, path.join(target, entry));
		else linkSync(source, path.join(target, entry));
	}
	return target;
}

function prepareCopy(work: string, nodeModules: string, caseName: string, expected: Expected): string {
	const project = path.join(work, caseName);
	mkdirSync(project);
	for (const name of PROJECT_FILES) {
		const source = path.join(ROOT, name);
		if (existsSync(source)) cpSync(source, path.join(project, name), { recursive: true });
	}
	// The real lessons and data are replaced by the small fixture site: faster, and independent of them.
	rmSync(path.join(project, 'src/content'), { recursive: true, force: true });
	cpSync(path.join(CASES, BASE), project, { recursive: true });
	if (caseName !== BASE) {
		for (const file of expected.remove) rmSync(path.join(project, file), { force: true });
		cpSync(path.join(CASES, caseName), project, {
			recursive: true,
			filter: (source) => path.basename(source) !== EXPECTED_FILE,
		});
	}
	rmSync(path.join(project, EXPECTED_FILE), { force: true });
	symlinkSync(nodeModules, path.join(project, 'node_modules'), 'dir');
	return project;
}

function build(project: string): Promise<BuildOutcome> {
	return new Promise((resolve) => {
		const astro = path.join(project, 'node_modules/astro/bin/astro.mjs');
		// The copy builds at the root into its own dist/, whatever the caller's environment says.
		const { BASE: _base, OUT_DIR: _outDir, SITE: _site, ...environment } = process.env;
		const child = spawn(process.execPath, [astro, 'build'], {
			cwd: project,
			env: { ...environment, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
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

async function runCase(work: string, nodeModules: string, name: string): Promise<CaseResult> {
	const started = performance.now();
	const expected = parseExpected(name, readFileSync(path.join(CASES, name, EXPECTED_FILE), 'utf8'));
	const project = prepareCopy(work, nodeModules, name, expected);
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
		.filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
		.map((entry) => entry.name)
		.filter((name) => filter === undefined || name.includes(filter))
		.sort();

	const work = mkdtempSync(path.join(os.tmpdir(), 'awaitable-bad-input-'));
	const started = performance.now();
	try {
		const nodeModules = sharedNodeModules(work);
		console.log(`bad-input: ${names.length} cases, ${jobs} at a time, in ${work}`);
		// The control first: if the fixture site itself does not build, no case can prove anything.
		const control = await runCase(work, nodeModules, BASE);
		if (control.problems.length > 0) {
			console.log('bad-input: the control site in tests/bad-input/_base does not build; fix it first.');
			console.log(finalLine([control]));
			return 1;
		}
		const results = await mapLimit(names, jobs, (name) => runCase(work, nodeModules, name));
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
