// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

export default defineConfig(
	{
		ignores: ['dist/', 'dist-subpath/', '.astro/', 'reports/', 'test-results/', 'playwright-report/', 'harness/'],
	},
	js.configs.recommended,
	...tseslint.configs.strict,
	...astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// Unused names are errors, except deliberately ignored ones (`_event`).
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	{
		files: ['e2e/**/*.ts'],
		ignores: ['e2e/fixtures.ts'],
		rules: {
			// Every end-to-end test fails on a browser error through the fixture in e2e/fixtures.ts, which only
			// tests created with its `test` get.
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '@playwright/test',
							importNames: ['test', 'expect'],
							message: "Import `test` and `expect` from './fixtures.ts', so browser errors fail the test.",
						},
					],
				},
			],
		},
	},
);
