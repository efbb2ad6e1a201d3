import { lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { buildEnvironment, linkTree } from './project-copy.ts';

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
