/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config gives the tests the same Preact JSX transform and `astro:*` handling as the site.
export default getViteConfig({
	test: {
		include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
		environment: 'node',
	},
});
