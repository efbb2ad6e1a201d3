import { describe, expect, test } from 'vitest';
import { startedByAstroCli } from './astro-cli.ts';

describe('startedByAstroCli', () => {
	test("is the astro CLI's build or dev, however it was started", () => {
		expect(startedByAstroCli('build', ['/usr/bin/node', '/site/node_modules/astro/bin/astro.mjs', 'build'])).toBe(true);
		expect(startedByAstroCli('dev', ['/usr/bin/node', '/site/node_modules/.bin/astro', 'dev', '--port', '4330'])).toBe(
			true,
		);
		expect(startedByAstroCli('build', ['C:\\node.exe', 'C:\\site\\node_modules\\astro\\bin\\astro.mjs', 'build'])).toBe(
			true,
		);
	});

	test('is not a tool that loads the config through getViteConfig, nor another astro command', () => {
		expect(startedByAstroCli('build', ['/usr/bin/node', '/site/node_modules/knip/bin/knip.js'])).toBe(false);
		expect(startedByAstroCli('dev', ['/usr/bin/node', '/site/node_modules/vitest/vitest.mjs', 'run'])).toBe(false);
		expect(startedByAstroCli('build', ['/usr/bin/node', '/site/node_modules/astro/bin/astro.mjs', 'check'])).toBe(
			false,
		);
		expect(startedByAstroCli('build', ['/usr/bin/node', '/site/scripts/build-astro-notes.mjs', 'build'])).toBe(false);
	});
});
