/**
 * Throwaway copies of the project, for builds that must not touch the working tree (the bad-input cases,
 * the benchmark's 500-lesson builds). Copies live in the system's temporary folder.
 *
 * Astro 7.3 mishandles a `node_modules` that is a symlink to a folder sharing no ancestor with the project
 * but `/` ("No cached compile metadata found for …/Page.astro"), so the copies share one hard-linked copy of
 * `node_modules` beside them: instant and free on the same disk (files are copied where a link is refused).
 * Each copy links to it from a `node_modules` folder of its own, where the build tools keep their caches.
 */
import {
	cpSync,
	existsSync,
	linkSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readlinkSync,
	rmSync,
	symlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * What a copy of the project needs to build, apart from `node_modules` and the harness (copyHarness):
 * astro.config.mjs and what it imports, ec.config.mjs (Expressive Code's options, which Starlight loads by
 * that name: without it the copy builds code blocks without codeBlockFocusPlugin), tsconfig.json (the `~/`
 * path alias) and package.json. project-copy.test.ts fails when a root-level file is neither here nor named
 * as not read by the build.
 */
export const PROJECT_FILES = [
	'src',
	'scripts',
	'public',
	'astro.config.mjs',
	'ec.config.mjs',
	'tsconfig.json',
	'package.json',
];

/** Caches and tool state that must not be shared between the copies and the real project. */
const SKIP_IN_NODE_MODULES = new Set(['.vite', '.vite-temp', '.astro', '.cache', '.vitest-cache']);

/** Hard-links a tree (copying a file where a link is refused); symlinks stay symlinks. */
export function linkTree(from: string, to: string): void {
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

/** A new temporary folder for a set of copies. */
export function workFolder(prefix: string): string {
	return mkdtempSync(path.join(os.tmpdir(), `awaitable-${prefix}-`));
}

/** Hard-links the project's `node_modules` into `work/node_modules`, once per work folder. */
export function sharedNodeModules(work: string): string {
	const target = path.join(work, 'node_modules');
	if (existsSync(target)) return target;
	mkdirSync(target);
	for (const entry of readdirSync(path.join(ROOT, 'node_modules'))) {
		if (SKIP_IN_NODE_MODULES.has(entry)) continue;
		const source = path.join(ROOT, 'node_modules', entry);
		const stat = lstatSync(source);
		if (stat.isSymbolicLink()) symlinkSync(readlinkSync(source), path.join(target, entry));
		else if (stat.isDirectory()) linkTree(source, path.join(target, entry));
		else linkSync(source, path.join(target, entry));
	}
	return target;
}

/**
 * Copies the project's code into `work/<name>` and links the shared `node_modules`. With `withContent:
 * false` the copy has no lessons and no practice data (the caller provides them); it keeps the site's UI
 * strings (`src/content/i18n`), which are configuration rather than content.
 */
export function copyProject(work: string, name: string, options: { withContent: boolean }): string {
	const project = path.join(work, name);
	mkdirSync(project);
	for (const file of PROJECT_FILES) {
		const source = path.join(ROOT, file);
		if (existsSync(source)) cpSync(source, path.join(project, file), { recursive: true });
	}
	if (!options.withContent) {
		for (const folder of ['docs', 'practice']) {
			rmSync(path.join(project, 'src/content', folder), { recursive: true, force: true });
		}
	}
	linkNodeModules(work, project);
	copyHarness(project);
	return project;
}

/**
 * The build packages Django for the in-browser runner from `harness/` (src/lib/runner/stage.ts) and warns when it
 * cannot; a copy gets the harness without its virtual environment and run folders, and the wheels the project's
 * own builds already downloaded, so its build is as clean as the project's.
 */
function copyHarness(project: string): void {
	cpSync(path.join(ROOT, 'harness'), path.join(project, 'harness'), {
		recursive: true,
		filter: (source) => !/[\\/](\.venv|\.work|__pycache__)([\\/]|$)/.test(source),
	});
	const wheels = path.join(ROOT, 'node_modules/.cache/awaitable-runner/wheels');
	if (!existsSync(wheels)) return;
	const cache = path.join(project, 'node_modules/.cache/awaitable-runner');
	mkdirSync(cache, { recursive: true });
	symlinkSync(wheels, path.join(cache, 'wheels'));
}

/**
 * Gives a copy its own `node_modules` folder of symlinks to the shared packages. Its own folder, because
 * Astro and Vite keep their caches in it (`node_modules/.astro`, `node_modules/.vite`): copies building at
 * the same time must not share those.
 */
export function linkNodeModules(work: string, project: string): void {
	const shared = sharedNodeModules(work);
	const own = path.join(project, 'node_modules');
	mkdirSync(own);
	for (const entry of readdirSync(shared)) symlinkSync(path.join(shared, entry), path.join(own, entry));
}

/** The environment for building a copy: at the root, into its own `dist/`, without the caller's overrides. */
export function buildEnvironment(): NodeJS.ProcessEnv {
	const { BASE: _base, OUT_DIR: _outDir, SITE: _site, ...environment } = process.env;
	return { ...environment, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' };
}

/** The Astro CLI of a copy, to run with the current Node. */
export function astroCli(project: string): string {
	return path.join(project, 'node_modules/astro/bin/astro.mjs');
}
