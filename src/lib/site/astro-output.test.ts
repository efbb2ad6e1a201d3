import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isServerBuild, SERVER_BUILD_FOLDER } from './astro-output.ts';

describe("Astro's server build in the output folder", () => {
	test('is the folder Astro writes it to', () => {
		const astro = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
		const utils = readFileSync(path.join(astro, 'dist/prerender/utils.js'), 'utf8');
		expect(utils).toContain(`new URL("./${SERVER_BUILD_FOLDER}/", getServerOutputDirectory(settings))`);
	});

	test('holds its files and no page of the site', () => {
		expect(isServerBuild('/site/dist/', '/site/dist/.prerender/_astro/ec.css')).toBe(true);
		expect(isServerBuild('/site/dist', '/site/dist/.prerender/chunks/page.mjs')).toBe(true);
		expect(isServerBuild('/site/dist/', '/site/dist/_astro/ec.css')).toBe(false);
		expect(isServerBuild('/site/dist/', '/site/dist/lessons/.prerender.html')).toBe(false);
		expect(isServerBuild('/site/dist/', '/site/dist/.well-known/index.html')).toBe(false);
	});
});
