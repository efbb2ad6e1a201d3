/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config gives the tests the same Preact JSX transform and `astro:*` handling as the site.
export default getViteConfig({
	test: {
		include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
		environment: 'node',
		// The JSON report lets `.ci/run` print one total for the whole test run.
		reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
	},
});
