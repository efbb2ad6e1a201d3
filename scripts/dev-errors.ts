/**
 * `npm run test:dev-errors`: proves that an author watching the browser during `astro dev` sees a mistake in the
 * practice data, and sees it go away when fixed. On a throwaway copy of the project (the real files are never
 * touched) it starts `astro dev` on port `E2E_PORT + 10`, opens a lesson in Chromium, and for each mistake
 * (two correct choices, a misspelt key, YAML that does not parse):
 *
 * 1. saves the mistake and waits for Astro's error overlay to name the file and line, the item and the fix;
 * 2. opens the page afresh and expects the overlay again (a reload does not hide the problem);
 * 3. saves the fix and waits for the overlay to go.
 *
 * It also checks the dev-only /author/ page lists the items with their answers, and that the dev server serves
 * every lesson's practice data (`/practice/<lesson>.json`, after the edits above are undone) exactly as a build
 * of the same copy writes it: `astro dev` keeps compiled sets in memory, a build in its data store
 * (src/lib/practice/dev-sets.ts), and the two must agree. Prints one line per check.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/browser.ts';
import { astroCli, buildEnvironment, copyProject, workFolder } from './quality/project-copy.ts';

const PORT = Number(process.env['E2E_PORT'] ?? 4321) + 10;
const FILE = 'src/content/practice/aget/quiz.yaml';
const TIMEOUT = 90_000;

interface Mistake {
	name: string;
	edit: (source: string) => string;
	/** What the overlay must say, beyond the file (it shows `code` without the backticks). */
	expect: string[];
	/** The error's code, which each line ends with, linked to its section of the authoring guide. */
	code: string;
}

const MISTAKES: Mistake[] = [
	{
		name: 'two correct choices',
		edit: (source) => source.replace(/correct: false/, 'correct: true'),
		code: 'AW201',
		expect: ['item "', 'has 2 correct choices', 'Fix:'],
	},
	{
		name: 'a misspelt key',
		edit: (source) => source.replace(/\n(\s+)explanation:/, '\n$1explanaton:'),
		code: 'AW102',
		expect: ['item "', 'unknown key explanaton', 'did you mean explanation'],
	},
	{
		name: 'YAML that does not parse',
		edit: (source) => source.replace(/\n(\s+)prompt:/, '\n$1 prompt:'),
		code: 'AW101',
		expect: ['is not valid YAML', 'Fix:'],
	},
];

let failures = 0;
function check(name: string, ok: boolean, detail = ''): void {
	if (!ok) failures++;
	console.log(`${ok ? 'pass' : 'FAIL'}  ${name}${ok || !detail ? '' : `\n      ${detail}`}`);
}

/**
 * The dev server's origin, read from its own log: when the port is taken Astro picks the next free one, and a
 * request to the asked-for port would reach someone else's server.
 */
async function waitForServer(): Promise<string> {
	const deadline = Date.now() + TIMEOUT;
	while (Date.now() < deadline) {
		const port = /Local\s+http:\/\/localhost:(\d+)/.exec(log)?.[1];
		if (port) {
			const origin = `http://localhost:${port}`;
			const response = await fetch(`${origin}/`).catch(() => undefined);
			if (response?.ok) return origin;
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`astro dev did not start within ${TIMEOUT / 1000} s`);
}

/**
 * The overlay's text once it shows every fragment, or what it showed when time ran out. (Text, not styles: the
 * shadow root also holds the overlay's style sheet.)
 */
async function overlayText(page: Page, fragments: readonly string[]): Promise<string> {
	const overlay = page.locator('vite-error-overlay');
	const deadline = Date.now() + TIMEOUT;
	let text = '';
	while (Date.now() < deadline) {
		text = (await overlay
			.evaluate((element) => element.shadowRoot?.querySelector('#message-content')?.textContent ?? '', undefined, {
				timeout: 1_000,
			})
			.catch(() => '')) as string;
		if (fragments.every((fragment) => text.includes(fragment))) return text;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return text;
}

const work = workFolder('dev-errors');
const project = copyProject(work, 'site', { withContent: true });
const server = spawn(process.execPath, [astroCli(project), 'dev', '--port', String(PORT)], {
	cwd: project,
	env: buildEnvironment(),
	stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
async function stopServer(): Promise<void> {
	if (server.exitCode !== null || server.signalCode !== null) return;
	const closed = new Promise((resolve) => server.once('close', resolve));
	server.kill();
	await closed;
}
server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));

const browser = await chromium.launch({ executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS });
try {
	const ORIGIN = await waitForServer();
	const page = await browser.newPage();
	await page.goto(`${ORIGIN}/lessons/aget/`);
	const absolute = path.join(project, FILE);
	const original = readFileSync(absolute, 'utf8');

	for (const mistake of MISTAKES) {
		writeFileSync(absolute, mistake.edit(original));
		const guide = `${ORIGIN}/guide/authoring/#${mistake.code.toLowerCase()}`;
		const wanted = [`${FILE}:`, ...mistake.expect, `(${mistake.code}, see ${guide})`];
		const text = await overlayText(page, wanted);
		const missing = wanted.filter((fragment) => !text.includes(fragment));
		// DEV_ERRORS_SHOTS=<folder> keeps a screenshot of each overlay (for a review or a report).
		const shots = process.env['DEV_ERRORS_SHOTS'];
		if (shots) await page.screenshot({ path: path.join(shots, `overlay-${mistake.name.replaceAll(' ', '-')}.png`) });
		check(
			`${mistake.name}: the overlay names the file, line, item and fix`,
			missing.length === 0,
			`lacks ${missing.join(', ')} in: ${text || '(no overlay)'}`,
		);
		const links: (string | null)[] = await page
			.locator('vite-error-overlay')
			.evaluate((element) =>
				[...(element.shadowRoot?.querySelectorAll('#message-content a') ?? [])].map((a) => a.getAttribute('href')),
			)
			.catch((): (string | null)[] => []);
		check(
			`${mistake.name}: the overlay links the code to its section of the guide`,
			links.includes(guide),
			links.join(', '),
		);

		const fresh = await browser.newPage();
		await fresh.goto(`${ORIGIN}/lessons/aget/`);
		const again = await overlayText(fresh, wanted);
		check(
			`${mistake.name}: a page opened while the data is broken shows it too`,
			wanted.every((fragment) => again.includes(fragment)),
		);
		await fresh.close();

		writeFileSync(absolute, original);
		const cleared = await page
			.locator('vite-error-overlay')
			.waitFor({ state: 'detached', timeout: TIMEOUT })
			.then(() => true)
			.catch(() => false);
		check(`${mistake.name}: saving the fix clears the overlay`, cleared);
		await page.waitForLoadState('load');
	}

	const author = await (await fetch(`${ORIGIN}/author/`)).text();
	check(
		'the dev-only /author/ page lists every item with its answer key',
		/\d+ items in \d+ sets, answers shown/.test(author) && author.includes('Right: '),
	);
	// The real data has questions whose right choice is the longest (the site holds them to a share, not to none).
	check(
		'the /author/ page shows each question-quality warning next to its item, its code linking to the guide',
		/<a href="\/guide\/authoring\/#aw304"[^>]*>AW304<\/a>\s*Warning: src\/content\/practice\/\S+\.yaml:\d+ item &quot;[a-z0-9-]+&quot; `choices\[\d\]\.text` is the right choice/.test(
			author,
		),
		author.match(/<p class="warning[\s\S]{0,600}/)?.[0] ?? 'no warning on the page',
	);

	// Every lesson's data from the dev server (its sets compiled in memory), then from a build of the same files.
	const lessons = readdirSync(path.join(project, 'src/content/practice'));
	const served = new Map<string, string>();
	for (const lesson of lessons) {
		served.set(lesson, await (await fetch(`${ORIGIN}/practice/${lesson}.json`)).text());
	}
	await stopServer();
	const built = await new Promise<number | null>((resolve) => {
		const build = spawn(process.execPath, [astroCli(project), 'build'], {
			cwd: project,
			env: buildEnvironment(),
			stdio: 'ignore',
		});
		build.once('close', resolve);
	});
	check('the copy builds', built === 0, `astro build exited with ${String(built)}`);
	const differing = lessons.filter((lesson) => {
		const file = path.join(project, 'dist/practice', `${lesson}.json`);
		return built !== 0 || readFileSync(file, 'utf8') !== served.get(lesson);
	});
	check(
		`the dev server serves each lesson's practice data as the build writes it (${lessons.length} lessons)`,
		lessons.length > 0 && differing.length === 0,
		`differs for ${differing.join(', ')}`,
	);
} catch (error) {
	check('the dev server runs', false, `${String(error)}\n${log.slice(-2000)}`);
} finally {
	await browser.close();
	await stopServer();
	rmSync(work, { recursive: true, force: true });
}
console.log(`dev-errors: ${failures === 0 ? 'all passed' : `${failures} failed`}`);
process.exitCode = failures === 0 ? 0 : 1;
