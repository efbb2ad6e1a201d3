/**
 * Knip, run by `npm run lint`: every package the code imports is declared in package.json, and every declared
 * package is used. Knip finds the entry points itself from its plugins (Astro, Vitest, Playwright, ESLint,
 * Prettier) and from the package.json scripts; what it cannot see is listed here, each with its reason.
 */
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
	// Only dependency problems fail the lint: a package imported but not declared works by accident (another
	// package happened to install it) and breaks on the next upgrade; one declared but unused costs every
	// install. Unused files and exports are a separate clean-up, not checked here yet.
	include: ['dependencies', 'devDependencies', 'optionalPeerDependencies', 'unlisted', 'unresolved', 'binaries'],
	// Run by .ci/run (a shell script knip does not read), not by a package.json script.
	entry: ['scripts/ci-summary.ts'],
	// Pyodide is resolved by path (src/lib/runner/stage.ts copies its files into the build), never imported.
	ignoreDependencies: ['pyodide'],
	ignore: [
		// Broken on purpose: copies of the site's files that the bad-input builds must reject.
		'tests/bad-input/*/**',
		// The Python harness's self-test lessons, read as text by scripts/samples, never imported.
		'harness/**',
	],
};

export default config;
