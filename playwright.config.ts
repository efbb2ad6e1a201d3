import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './e2e/browser.ts';
import { SUBPATH_BASE, SUBPATH_OUT_DIR } from './e2e/subpath-build.ts';

const executablePath = await chromiumExecutable();
const launchOptions = { executablePath, args: CHROMIUM_ARGS };

/** The production build, served by `astro preview`; a second build lives under a sub-path. */
// E2E_PORT lets several checkouts on one machine run their suites side by side.
const PORT = Number(process.env['E2E_PORT'] ?? 4391);
const SUBPATH_PORT = PORT + 1;

export default defineConfig({
	testDir: './e2e',
	fullyParallel: true,
	workers: 2,
	forbidOnly: true,
	retries: 0,
	reporter: [['list'], ['./e2e/summary-reporter.ts']],
	// No trace while the suite runs: recording one for every test (to keep the failures') doubled the tests'
	// time on the 2-core machine. A failure keeps its screenshot and error context; `.ci/run` then runs the
	// failed tests once more with a trace, and by hand: `npx playwright test --last-failed --trace on`.
	use: { trace: 'off', screenshot: 'only-on-failure', launchOptions },
	projects: [
		{
			name: 'desktop',
			testIgnore: /subpath\.spec\.ts/,
			use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${PORT}`, launchOptions },
		},
		{
			name: 'subpath',
			testMatch: /subpath\.spec\.ts/,
			use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${SUBPATH_PORT}`, launchOptions },
		},
	],
	webServer: [
		{
			command: `npx astro preview --ignore-lock --port ${PORT} --host 127.0.0.1`,
			url: `http://127.0.0.1:${PORT}/`,
			reuseExistingServer: !process.env['CI'],
			timeout: 60_000,
		},
		{
			// The same site built under a sub-path, as on a GitHub Pages project site. `npm test` builds it in a step
			// of its own (build:subpath); here it is rebuilt only when older than the sources (scripts/build-subpath.ts).
			command: `node_modules/.bin/node scripts/build-subpath.ts --if-stale && npx astro preview --ignore-lock --port ${SUBPATH_PORT} --host 127.0.0.1`,
			env: { BASE: SUBPATH_BASE, OUT_DIR: `./${SUBPATH_OUT_DIR}` },
			url: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH_BASE}`,
			reuseExistingServer: !process.env['CI'],
			timeout: 300_000,
		},
	],
});
