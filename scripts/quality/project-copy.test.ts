import { execFileSync } from 'node:child_process';
import {
	existsSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readlinkSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { buildEnvironment, linkTree, PROJECT_FILES, ROOT } from './project-copy.ts';

describe('linkTree', () => {
	const folders: string[] = [];
	afterEach(() => {
		for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
	});

	test('hard-links files, recreates folders and keeps symlinks as symlinks', () => {
		const root = mkdtempSync(path.join(os.tmpdir(), 'awaitable-link-test-'));
		folders.push(root);
		const from = path.join(root, 'from');
		mkdirSync(path.join(from, 'pkg/dist'), { recursive: true });
		writeFileSync(path.join(from, 'pkg/dist/index.js'), 'export {};');
		symlinkSync('../pkg/dist/index.js', path.join(from, 'pkg/bin'));

		linkTree(from, path.join(root, 'to'));

		const original = statSync(path.join(from, 'pkg/dist/index.js'));
		const linked = statSync(path.join(root, 'to/pkg/dist/index.js'));
		expect(linked.ino).toBe(original.ino);
		expect(lstatSync(path.join(root, 'to/pkg/bin')).isSymbolicLink()).toBe(true);
		expect(readlinkSync(path.join(root, 'to/pkg/bin'))).toBe('../pkg/dist/index.js');
	});
});

describe('buildEnvironment', () => {
	test("drops the caller's BASE, OUT_DIR and SITE so a copy builds at the root into its own dist/", () => {
		const saved = { ...process.env };
		Object.assign(process.env, { BASE: '/awaitable/', OUT_DIR: './dist-subpath', SITE: 'https://example.org' });
		try {
			const environment = buildEnvironment();
			expect(environment['BASE']).toBeUndefined();
			expect(environment['OUT_DIR']).toBeUndefined();
			expect(environment['SITE']).toBeUndefined();
			expect(environment['ASTRO_TELEMETRY_DISABLED']).toBe('1');
		} finally {
			process.env = saved;
		}
	});
});

describe('PROJECT_FILES', () => {
	/** Root-level files and folders the build does not read, and why (the harness is copied on its own). */
	const NOT_READ_BY_THE_BUILD: Record<string, string> = {
		'.ci': 'CI scripts',
		'.github': 'CI workflows',
		'.gitignore': 'git',
		'.nvmrc': 'Node version for humans and CI',
		'.prettierignore': 'formatter',
		'.prettierrc.json': 'formatter',
		'.vscode': 'editor settings',
		'ARCHITECTURE.md': 'documentation',
		'CONTRIBUTING.md': 'documentation',
		'README.md': 'documentation',
		docs: 'documentation',
		e2e: 'end-to-end tests',
		'eslint.config.js': 'linter',
		harness: 'copied by copyProject on its own, without its virtual environment',
		'knip.config.ts': 'unused-code check',
		'package-lock.json': 'npm ci (copies share the project’s node_modules)',
		'playwright.config.ts': 'end-to-end tests',
		schemas: 'editor JSON Schema, generated from the Zod schemas; checked by a unit test',
		tests: 'unit tests',
		'vitest.config.ts': 'unit tests',
	};

	test('every root-level file of the repository is copied or named as not read by the build', () => {
		const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
			.split('\n')
			.filter(Boolean)
			.map((file) => file.split('/')[0] ?? file);
		const unclassified = [...new Set(tracked)].filter(
			(entry) => !PROJECT_FILES.includes(entry) && !(entry in NOT_READ_BY_THE_BUILD),
		);
		expect(unclassified).toEqual([]);
		expect(PROJECT_FILES.filter((entry) => entry in NOT_READ_BY_THE_BUILD)).toEqual([]);
	});

	test('the copy holds every root-level config the build loads and everything they import', () => {
		// Astro loads astro.config.mjs; Starlight's Expressive Code loads ec.config.mjs by name; Vite reads
		// tsconfig.json's path aliases; the CLIs read package.json.
		const configs = ['astro.config.mjs', 'ec.config.mjs', 'tsconfig.json', 'package.json'];
		expect(configs.filter((config) => !PROJECT_FILES.includes(config))).toEqual([]);
		const missing: string[] = [];
		for (const config of configs.filter((file) => file.endsWith('.mjs'))) {
			const source = readFileSync(path.join(ROOT, config), 'utf8');
			for (const [, specifier = ''] of source.matchAll(/^import\s[^'"]*['"](\.{1,2}\/[^'"]+)['"]/gm)) {
				const top = path.relative(ROOT, path.resolve(ROOT, specifier)).split(path.sep)[0] ?? '';
				if (!PROJECT_FILES.includes(top)) missing.push(`${config} imports ${specifier}`);
			}
		}
		expect(missing).toEqual([]);
		expect(existsSync(path.join(ROOT, 'ec.config.mjs'))).toBe(true);
	});
});
