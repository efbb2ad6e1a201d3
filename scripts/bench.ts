/**
 * `npm run bench`: the numbers behind DESIGN.md's budgets, printed as tables and written to
 * `reports/bench.json`. It never passes or fails on a time (the byte budgets are tests: e2e/budgets.spec.ts).
 *
 * 1. Builds the production site in a throwaway copy and serves it with `astro preview` on 127.0.0.1.
 * 2. Per page type (home, lesson, a set's own page, test, review, progress, guide, 404), in headless Chromium without
 *    scrolling: requests and gzip bytes at load by kind (before any island hydrates, as the budgets count),
 *    the budgeted JavaScript figures, and the JavaScript that ran before `load` (V8 block coverage).
 * 3. Lighthouse, mobile preset (its default), several runs per page type, the median of each figure.
 * 4. Build time of 500 generated lessons, ours against Starlight alone on the same pages, median of runs.
 *
 *     node scripts/bench.ts [--lighthouse-runs 3] [--builds 3] [--lessons 500] [--skip-lighthouse] [--skip-builds]
 *     node scripts/bench.ts --only lighthouse      (step 3 alone; each page's median run saved under
 *                                                  reports/lighthouse/ for its LCP element and main-thread work)
 *     node scripts/bench.ts --only runner          (the browser runner alone: first-run bytes, time to first
 *                                                  output cold and cached, a warm run; scripts/quality/runner-bench.ts)
 *     node scripts/bench.ts --only build [--builds 3] [--lessons 500]
 *                                                  (step 4 alone, plus: the time from saving one question file
 *                                                  to the reloaded page in `astro dev` with those lessons, and
 *                                                  the bytes of that build's /test/, /review/ and /progress/
 *                                                  against the page budget)
 *     node scripts/bench.ts --only dev-reload [--lessons 500]
 *                                                  (the `astro dev` reload time alone, without the builds)
 *
 * BENCH_PORT sets the preview's port (default 4393), so checkouts on one machine can bench side by side.
 *
 * Chromium is the one the e2e tests use (CHROMIUM_PATH, else @sparticuz/chromium); Lighthouse gets it through
 * chrome-launcher's `chromePath`. Everything stays on 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/browser.ts';
import { cachedFetch, measurePage, type Fetch } from '../e2e/budgets/measure-page.ts';
import { sumGzip } from './quality/budgets.ts';
import {
	buildTable,
	lighthouseTable,
	median,
	medianLighthouse,
	transferTable,
	type BuildBench,
	type LighthouseFigures,
	type PageBench,
} from './quality/bench-report.ts';
import { summarizeCoverage } from './quality/coverage.ts';
import { benchRunner, runnerTable, type RunnerBench } from './quality/runner-bench.ts';
import { generateLesson } from './quality/generate-lessons.ts';
import { astroCli, buildEnvironment, copyProject, ROOT, linkNodeModules, workFolder } from './quality/project-copy.ts';
import { totalsByKind } from './quality/transfer.ts';

const PORT = Number(process.env['BENCH_PORT'] ?? 4393);
const ORIGIN = `http://127.0.0.1:${PORT}`;

function option(name: string, fallback: number): number {
	const index = process.argv.indexOf(name);
	return index === -1 ? fallback : Number(process.argv[index + 1]);
}
const flag = (name: string) => process.argv.includes(name);
/** `--only lighthouse`, `--only runner` or `--only build`: one step of the bench alone. */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && !['lighthouse', 'runner', 'build', 'dev-reload'].includes(only)) {
	throw new Error(`--only takes "lighthouse", "runner", "build" or "dev-reload", not "${only}"`);
}

const log = (message: string) => console.log(`bench: ${message}`);

/** Runs a command to completion; resolves with its seconds, rejects with its output on failure. */
function run(
	command: string,
	args: string[],
	cwd: string,
	env: NodeJS.ProcessEnv = buildEnvironment(),
): Promise<number> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('close', (code) => {
			if (code === 0) resolve((performance.now() - started) / 1000);
			else reject(new Error(`${args.join(' ')} failed in ${cwd} (exit ${String(code)}):\n${output.slice(-4000)}`));
		});
	});
}

/** A clean build: no content-layer or Vite cache from an earlier run of the same copy. */
async function cleanBuild(project: string): Promise<number> {
	for (const cache of ['.astro', 'dist', 'node_modules/.astro', 'node_modules/.vite']) {
		rmSync(path.join(project, cache), { recursive: true, force: true });
	}
	return run(process.execPath, [astroCli(project), 'build'], project);
}

async function startPreview(project: string): Promise<ChildProcess> {
	const child = spawn(
		process.execPath,
		[astroCli(project), 'preview', '--ignore-lock', '--port', String(PORT), '--host', '127.0.0.1'],
		{ cwd: project, env: buildEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	for (let attempt = 0; attempt < 120; attempt++) {
		// Only once this preview says it listens on the port: a server another checkout left there would answer
		// too, and the bench would measure that site instead.
		if (child.exitCode !== null || (output.includes('Local') && !output.includes(`:${PORT}/`))) {
			child.kill();
			throw new Error(`astro preview could not take port ${PORT} (set BENCH_PORT):\n${output.slice(-2000)}`);
		}
		try {
			if (output.includes(`:${PORT}/`) && (await fetch(`${ORIGIN}/`)).ok) return child;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	child.kill();
	throw new Error(`astro preview did not answer on ${ORIGIN}`);
}

/** Bodies over HTTP; an HTML 404 counts (the 404 page is a page), any other error does not. */
const fetchBody: Fetch = cachedFetch(async (urlPath) => {
	const response = await fetch(`${ORIGIN}${urlPath}`);
	const contentType = response.headers.get('content-type') ?? '';
	if (!response.ok && !(response.status === 404 && contentType.includes('text/html'))) return undefined;
	return { body: Buffer.from(await response.arrayBuffer()), contentType };
});

async function pageTypes(): Promise<{ type: string; path: string }[]> {
	const index = await (await fetch(`${ORIGIN}/sitemap-0.xml`)).text();
	const paths = [...index.matchAll(/<loc>(.*?)<\/loc>/g)].map(([, url]) => new URL(url ?? '').pathname);
	// The heaviest lesson (the longest, with the most code), and its practice page.
	const lesson =
		paths.find((entry) => entry === '/lessons/blocking/') ?? paths.find((entry) => entry.startsWith('/lessons/'));
	const setPage =
		paths.find((entry) => entry === '/practice/blocking/') ?? paths.find((entry) => entry.startsWith('/practice/'));
	return [
		{ type: 'home', path: '/' },
		{ type: 'lesson', path: lesson ?? '/lessons/blocking/' },
		{ type: 'practice page', path: setPage ?? '/practice/blocking/' },
		{ type: 'test', path: '/test/' },
		{ type: 'review', path: '/review/' },
		{ type: 'progress', path: '/progress/' },
		{ type: 'guide', path: paths.find((entry) => entry.startsWith('/guide/')) ?? '/guide/authoring/' },
		{ type: '404', path: '/bench-no-such-page/' },
	];
}

async function measureTransfers(browser: Browser, type: string, pagePath: string): Promise<PageBench> {
	const context = await browser.newContext({ baseURL: ORIGIN, viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const measured = await measurePage(page, pagePath, fetchBody);
	await context.close();

	// JavaScript that ran before `load`, in a fresh context so nothing is cached or already compiled.
	const coverageContext = await browser.newContext({ baseURL: ORIGIN, viewport: { width: 1280, height: 800 } });
	const coveragePage = await coverageContext.newPage();
	await coveragePage.coverage.startJSCoverage({ resetOnNavigation: false });
	await coveragePage.goto(pagePath, { waitUntil: 'load' });
	const entries = await coveragePage.coverage.stopJSCoverage();
	await coverageContext.close();

	return {
		type,
		path: pagePath,
		atLoad: totalsByKind(measured.atLoad),
		jsAtLoad: sumGzip(measured.figures.jsAtLoad),
		islands: sumGzip(measured.figures.islands),
		executed: summarizeCoverage(entries, (url) => url.startsWith(ORIGIN)),
	};
}

type LighthousePage = Pick<PageBench, 'type' | 'path' | 'lighthouse' | 'lighthouseRuns'>;

/** Where `--only lighthouse` keeps each page type's median run, the full Lighthouse result. */
const LIGHTHOUSE_REPORTS = path.join(ROOT, 'reports/lighthouse');

async function runLighthouse(pages: LighthousePage[], runs: number, chromePath: string, keep = false): Promise<void> {
	const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
	try {
		for (const page of pages) {
			const results: LighthouseFigures[] = [];
			const reports: unknown[] = [];
			for (let attempt = 0; attempt < runs; attempt++) {
				// Lighthouse refuses a 404 response; the same document is served with 200 as /404.html.
				const url = page.type === '404' ? `${ORIGIN}/404.html` : `${ORIGIN}${page.path}`;
				const result = await lighthouse(url, {
					port: chrome.port,
					logLevel: 'error',
					output: 'json',
					onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
				});
				const lhr = result?.lhr;
				if (!lhr || lhr.runtimeError)
					throw new Error(`Lighthouse failed on ${page.path}: ${lhr?.runtimeError?.message ?? 'no result'}`);
				const score = (key: string) => Math.round((lhr.categories[key]?.score ?? 0) * 100);
				const metric = (key: string) => lhr.audits[key]?.numericValue ?? Number.NaN;
				if (keep) reports.push(lhr);
				results.push({
					performance: score('performance'),
					accessibility: score('accessibility'),
					bestPractices: score('best-practices'),
					seo: score('seo'),
					lcp: metric('largest-contentful-paint'),
					tbt: metric('total-blocking-time'),
					cls: metric('cumulative-layout-shift'),
				});
			}
			page.lighthouseRuns = results;
			page.lighthouse = medianLighthouse(results);
			if (keep) {
				// The run whose LCP is the median one: its trace says what held the paint.
				const byLcp = results.map((figures, index) => ({ lcp: figures.lcp, index })).sort((a, b) => a.lcp - b.lcp);
				const medianRun = reports[byLcp[Math.floor(byLcp.length / 2)]?.index ?? 0];
				mkdirSync(LIGHTHOUSE_REPORTS, { recursive: true });
				writeFileSync(
					path.join(LIGHTHOUSE_REPORTS, `${page.type.replace(/\W+/g, '-')}.json`),
					JSON.stringify(medianRun),
				);
			}
			log(`Lighthouse ${page.type}: ${results.map((figures) => figures.performance).join(', ')} (performance per run)`);
		}
	} finally {
		chrome.kill();
	}
}

/** Our site plus `count` generated lessons with the four practice patterns. */
function oursWithLessons(work: string, count: number): string {
	const project = copyProject(work, 'ours-500', { withContent: true });
	for (let index = 1; index <= count; index++) {
		const lesson = generateLesson(index, true);
		writeFileSync(path.join(project, 'src/content/docs/lessons', `${lesson.slug}.mdx`), lesson.mdx);
		const data = path.join(project, 'src/content/practice', lesson.slug);
		mkdirSync(data, { recursive: true });
		for (const [name, yaml] of Object.entries(lesson.practice)) writeFileSync(path.join(data, name), yaml);
	}
	return project;
}

/** A bare Starlight site with the same generated pages, without our components, data or integrations. */
function starlightWithLessons(work: string, count: number): string {
	const project = path.join(work, 'starlight-500');
	mkdirSync(path.join(project, 'src/content/docs/lessons'), { recursive: true });
	// Astro bundles the packages listed here for the server build; without them Starlight would be loaded raw.
	const ourPackage = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
		dependencies: Record<string, string>;
	};
	const dependencies = Object.fromEntries(
		['astro', '@astrojs/starlight'].map((name) => [name, ourPackage.dependencies[name] ?? '*']),
	);
	writeFileSync(
		path.join(project, 'package.json'),
		JSON.stringify({ name: 'starlight-bench', private: true, type: 'module', dependencies }),
	);
	writeFileSync(
		path.join(project, 'astro.config.mjs'),
		"import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n\nexport default defineConfig({ site: 'http://localhost:4321', trailingSlash: 'always', integrations: [starlight({ title: 'Bench', lastUpdated: false, pagination: true })] });\n",
	);
	writeFileSync(
		path.join(project, 'src/content.config.ts'),
		"import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
	);
	writeFileSync(
		path.join(project, 'src/content/docs/index.mdx'),
		'---\ntitle: Bench\ndescription: Starlight alone.\n---\n\nThe generated lessons.\n',
	);
	for (let index = 1; index <= count; index++) {
		const lesson = generateLesson(index, false);
		writeFileSync(path.join(project, 'src/content/docs/lessons', `${lesson.slug}.mdx`), lesson.mdx);
	}
	linkNodeModules(work, project);
	return project;
}

async function buildComparison(work: string, lessons: number, builds: number): Promise<BuildBench> {
	const ours = oursWithLessons(work, lessons);
	const bare = starlightWithLessons(work, lessons);
	const oursSeconds: number[] = [];
	const starlightSeconds: number[] = [];
	for (let attempt = 1; attempt <= builds; attempt++) {
		// Alternate, so a warmer disk cache or a busier machine does not favour one side.
		const order = attempt % 2 === 1 ? (['ours', 'starlight'] as const) : (['starlight', 'ours'] as const);
		for (const side of order) {
			const seconds = await cleanBuild(side === 'ours' ? ours : bare);
			(side === 'ours' ? oursSeconds : starlightSeconds).push(seconds);
			log(
				`build ${attempt}/${builds}, ${side === 'ours' ? 'ours' : 'Starlight alone'}, ${lessons} lessons: ${seconds.toFixed(1)}s`,
			);
		}
	}
	const oursMedian = median(oursSeconds);
	const starlightMedian = median(starlightSeconds);
	return {
		lessons,
		ours: oursSeconds,
		starlight: starlightSeconds,
		oursMedian,
		starlightMedian,
		ratio: oursMedian / starlightMedian,
	};
}

/**
 * The port `astro dev` listens on, from its output, once it answers `/` (a dev server of 500 lessons is slow to
 * start). Not the port asked for: when that one is taken (another checkout's server on a shared machine), Vite
 * moves to the next free one, and a bench that kept talking to the asked port measured someone else's server.
 */
async function devServerPort(child: ChildProcess): Promise<number> {
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	for (let attempt = 0; attempt < 600; attempt++) {
		if (child.exitCode !== null)
			throw new Error(`astro dev exited (${String(child.exitCode)}):\n${output.slice(-2000)}`);
		const port = Number(/Local\s+http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1] ?? 0);
		if (port > 0) {
			try {
				if ((await fetch(`http://127.0.0.1:${port}/`)).status < 500) return port;
			} catch {
				// Not answering yet.
			}
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`astro dev did not start:\n${output.slice(-2000)}`);
}

/**
 * The time from saving one question file to the reloaded page showing the change, in `astro dev` with the
 * generated lessons: the first lesson's practice page is open, one quiz prompt is edited, and the clock stops
 * when the page (reloaded by the dev server) shows the new prompt. Median of `runs` edits.
 */
async function devReload(project: string, runs: number, chromePath: string): Promise<number[]> {
	const dev = spawn(process.execPath, [astroCli(project), 'dev', '--port', String(PORT + 20), '--host', '127.0.0.1'], {
		cwd: project,
		env: buildEnvironment(),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
	try {
		const port = await devServerPort(dev);
		const lesson = generateLesson(1, true).slug;
		const file = path.join(project, 'src/content/practice', lesson, 'quiz.yaml');
		const page = await browser.newPage();
		// The clock starts once the page's HMR client listens: a reload sent before it connects is never seen.
		const connected = page.waitForEvent('console', {
			predicate: (message) => message.text().includes('[vite] connected'),
			timeout: 300_000,
		});
		await page.goto(`http://127.0.0.1:${port}/practice/${lesson}/`, { timeout: 300_000 });
		await connected;
		const times: number[] = [];
		for (let run = 1; run <= runs; run++) {
			const marker = `Edited question ${run} ${Date.now()}`;
			const source = readFileSync(file, 'utf8');
			const edited = source.replace(/^( {4}prompt: )(.*)$/m, `$1${JSON.stringify(marker)}`);
			const started = performance.now();
			writeFileSync(file, edited);
			try {
				await page.waitForFunction((text) => document.body.innerText.includes(text), marker, {
					timeout: 120_000,
					polling: 20,
				});
				times.push((performance.now() - started) / 1000);
			} catch {
				// Reported as a failed run rather than ending the bench without its other figures.
				log(`dev reload ${run}/${runs}: the change did not show within 120 s`);
				times.push(Number.POSITIVE_INFINITY);
				continue;
			}
			log(`dev reload ${run}/${runs}: ${times.at(-1)?.toFixed(2) ?? ''}s`);
			await page.waitForTimeout(1000);
		}
		return times;
	} finally {
		await browser.close();
		dev.kill();
	}
}

/**
 * The pages whose HTML carries something of every lesson (the test's question index; the review and progress
 * pages' item index), so they grow with the course: measured at 500 lessons against the page budget.
 */
const COURSE_PAGES = ['/test/', '/review/', '/progress/'] as const;
type CoursePage = (typeof COURSE_PAGES)[number];

/** The course-wide pages of a built project, measured at load like the byte budgets (gzip bytes). */
async function coursePageBytes(project: string, chromePath: string): Promise<Record<CoursePage, number>> {
	const preview = await startPreview(project);
	const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
	try {
		const context = await browser.newContext({ baseURL: ORIGIN, viewport: { width: 1280, height: 800 } });
		const bytes = {} as Record<CoursePage, number>;
		for (const page of COURSE_PAGES) {
			bytes[page] = sumGzip((await measurePage(await context.newPage(), page, fetchBody)).figures.totalAtLoad);
		}
		return bytes;
	} finally {
		await browser.close();
		preview.kill();
	}
}

/** `--only build`: the build comparison, the dev-reload time and the big build's /test/, /review/, /progress/ bytes. */
async function buildOnly(work: string, lessons: number, builds: number, loadAtStart: number): Promise<void> {
	const build = await buildComparison(work, lessons, builds);
	const chromePath = await chromiumExecutable();
	// The last clean build of ours is in place: measure its test page, then edit a file under `astro dev`.
	const pageBytes = await coursePageBytes(path.join(work, 'ours-500'), chromePath);
	const pageLines = COURSE_PAGES.map(
		(page) =>
			`${page} of the ${lessons}-lesson build at load: ${(pageBytes[page] / 1000).toFixed(1)} KB gzip (budget 45 KB)`,
	);
	for (const line of pageLines) log(line);
	const reloads = await devReload(path.join(work, 'ours-500'), 3, chromePath);
	const report = {
		date: new Date().toISOString(),
		node: process.version,
		cpus: os.cpus().length,
		loadAverage: { start: loadAtStart, end: os.loadavg()[0] ?? 0 },
		build,
		devReload: { runs: reloads, median: median(reloads) },
		testPageAtLoad: pageBytes['/test/'],
		reviewPageAtLoad: pageBytes['/review/'],
		progressPageAtLoad: pageBytes['/progress/'],
	};
	mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
	writeFileSync(path.join(ROOT, 'reports/bench-build.json'), `${JSON.stringify(report, null, '\t')}\n`);
	console.log('\nBuild time, clean builds');
	console.log(buildTable(build));
	console.log(
		`\nastro dev, ${lessons} lessons: saving one question file to the reloaded page, median of ${reloads.length}: ${median(reloads).toFixed(2)}s (target < 1 s; runs ${reloads.map((value) => value.toFixed(2)).join(', ')})`,
	);
	for (const line of pageLines) console.log(line);
	console.log(
		`\nbench: build only, ${os.cpus().length} CPUs, load average ${loadAtStart.toFixed(1)} at start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at end; figures in reports/bench-build.json`,
	);
	if (COURSE_PAGES.some((page) => pageBytes[page] > 45_000)) process.exitCode = 1;
}

async function main(): Promise<void> {
	const lighthouseRuns = option('--lighthouse-runs', 3);
	const builds = option('--builds', 3);
	const lessons = option('--lessons', 500);
	const started = performance.now();
	// Timings depend on what else the machine runs: the load averages go into the report beside them.
	const loadAtStart = os.loadavg()[0] ?? 0;
	const work = workFolder('bench');
	let preview: ChildProcess | undefined;
	try {
		log(`work folder ${work}`);
		if (only === 'build') {
			await buildOnly(work, lessons, builds, loadAtStart);
			return;
		}
		if (only === 'dev-reload') {
			const reloads = await devReload(oursWithLessons(work, lessons), 3, await chromiumExecutable());
			console.log(
				`\nastro dev, ${lessons} lessons: saving one question file to the reloaded page, median of ${reloads.length}: ${median(reloads).toFixed(2)}s (target < 1 s; runs ${reloads.map((value) => value.toFixed(2)).join(', ')}; load average ${loadAtStart.toFixed(1)} at start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at end)`,
			);
			return;
		}
		const site = copyProject(work, 'site', { withContent: true });
		// The runner's Django bundle is built from the harness (its pinned requirements and project), not its venv.
		cpSync(path.join(ROOT, 'harness'), path.join(site, 'harness'), {
			recursive: true,
			filter: (source) => !/[\\/]harness[\\/]\.(venv|work)$/.test(source),
		});
		const siteBuild = await cleanBuild(site);
		log(`production build: ${siteBuild.toFixed(1)}s`);
		preview = await startPreview(site);

		const chromePath = await chromiumExecutable();
		if (only === 'lighthouse') {
			const pages: LighthousePage[] = await pageTypes();
			await runLighthouse(pages, lighthouseRuns, chromePath, true);
			const report = {
				date: new Date().toISOString(),
				node: process.version,
				cpus: os.cpus().length,
				loadAverage: { start: loadAtStart, end: os.loadavg()[0] ?? 0 },
				lighthouseRuns,
				pages,
			};
			mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
			writeFileSync(path.join(ROOT, 'reports/bench-lighthouse.json'), `${JSON.stringify(report, null, '\t')}\n`);
			console.log(`\nLighthouse, mobile preset, median of ${lighthouseRuns} runs`);
			console.log(lighthouseTable(pages));
			console.log(
				`\nbench: Lighthouse only, ${os.cpus().length} CPUs, load average ${loadAtStart.toFixed(1)} at start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at end; runs in reports/lighthouse/, figures in reports/bench-lighthouse.json`,
			);
			return;
		}
		const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
		const pages: PageBench[] = [];
		let runner: RunnerBench;
		try {
			if (only === 'runner') {
				runner = await benchRunner(browser, ORIGIN, path.join(site, 'dist'));
				const report = { date: new Date().toISOString(), cpus: os.cpus().length, loadAverage: loadAtStart, runner };
				mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
				writeFileSync(path.join(ROOT, 'reports/bench-runner.json'), `${JSON.stringify(report, null, '\t')}\n`);
				console.log(`\nThe browser runner, on ${os.cpus().length} CPUs (load average ${loadAtStart.toFixed(1)})`);
				console.log(runnerTable(runner));
				return;
			}
			for (const { type, path: pagePath } of await pageTypes())
				pages.push(await measureTransfers(browser, type, pagePath));
			runner = await benchRunner(browser, ORIGIN, path.join(site, 'dist'));
		} finally {
			await browser.close();
		}
		if (!flag('--skip-lighthouse')) await runLighthouse(pages, lighthouseRuns, chromePath);
		preview.kill();
		preview = undefined;

		const build = flag('--skip-builds') ? undefined : await buildComparison(work, lessons, builds);

		const seconds = (performance.now() - started) / 1000;
		const report = {
			date: new Date().toISOString(),
			node: process.version,
			cpus: os.cpus().length,
			loadAverage: { start: loadAtStart, end: os.loadavg()[0] ?? 0 },
			seconds,
			siteBuildSeconds: siteBuild,
			lighthouseRuns,
			pages,
			runner,
			build,
		};
		mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
		writeFileSync(path.join(ROOT, 'reports/bench.json'), `${JSON.stringify(report, null, '\t')}\n`);

		console.log(
			'\nAt load (no scrolling), gzip: requests/KB per kind; budgets: JS load ≤ 8, islands ≤ 15, total ≤ 45 KB',
		);
		console.log(transferTable(pages));
		console.log('(JS ran: KB of JavaScript executed before load / KB of the scripts it was in, uncompressed)');
		if (!flag('--skip-lighthouse')) {
			console.log(`\nLighthouse, mobile preset, median of ${lighthouseRuns} runs`);
			console.log(lighthouseTable(pages));
		}
		console.log('\nThe browser runner (first Run on the aget lesson)');
		console.log(runnerTable(runner));
		if (build) {
			console.log('\nBuild time, clean builds');
			console.log(buildTable(build));
		}
		console.log(
			`\nbench: finished in ${seconds.toFixed(0)}s on ${os.cpus().length} CPUs (load average ${loadAtStart.toFixed(1)} at start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at end); figures in reports/bench.json`,
		);
	} finally {
		preview?.kill();
		rmSync(work, { recursive: true, force: true });
	}
}

await main();
