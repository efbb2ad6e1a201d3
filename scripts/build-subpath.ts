/**
 * `npm run build:subpath`: the site built under a sub-path (`BASE=/awaitable/`, as on a GitHub Pages project
 * site) into `dist-subpath/`, for the end-to-end tests' `subpath` project (e2e/subpath.spec.ts). `npm test`
 * builds it beside the other steps; Playwright's web server for that project only serves it.
 *
 *     node scripts/build-subpath.ts [--if-stale]
 *
 * `--if-stale` (the web server's command) builds only when `dist-subpath/` is missing or older than a file
 * the build reads, so `npx playwright test` after an edit never tests an old copy, and costs nothing otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SUBPATH_BASE, SUBPATH_OUT_DIR } from '../e2e/subpath-build.ts';

/** What the build reads, besides `node_modules` (whose changes go through package-lock.json). */
const INPUTS = ['src', 'public', 'astro.config.mjs', 'ec.config.mjs', 'package-lock.json', 'tsconfig.json'];
const STAMP = path.join(SUBPATH_OUT_DIR, 'index.html');

function newestChange(entry: string): number {
	if (!existsSync(entry)) return 0;
	const stat = statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const child of readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, child)));
	return newest;
}

function isStale(): boolean {
	if (!existsSync(STAMP)) return true;
	const built = statSync(STAMP).mtimeMs;
	return INPUTS.some((input) => newestChange(input) > built);
}

if (process.argv.includes('--if-stale') && !isStale()) {
	console.log(`${SUBPATH_OUT_DIR}/ is up to date with the sources: not rebuilt`);
} else {
	const { status, error } = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
		stdio: 'inherit',
		env: { ...process.env, BASE: SUBPATH_BASE, OUT_DIR: `./${SUBPATH_OUT_DIR}` },
	});
	if (error) throw error;
	process.exitCode = status ?? 1;
}
