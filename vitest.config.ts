/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config gives the tests the same Preact JSX transform and `astro:*` handling as the site.
export default getViteConfig({
	test: {
		include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
		environment: 'node',
		// A ceiling against a hung test, not a speed check: property tests over thousands of cases take 1–2 s on a
		// quiet 2-core machine and several times that on a loaded one, past Vitest's default of 5 s.
		testTimeout: 60_000,
		// The JSON report lets `.ci/run` print one total for the whole test run.
		reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
	},
});
