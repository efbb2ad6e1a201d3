import { spawnSync } from 'node:child_process';
import {
	chmodSync,
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bundleDjango, cacheDir, DJANGO_ZIP, stageRuntime, type Staged } from './stage.ts';

const PYTHON = process.env['PYTHON'] ?? 'python3';
const HERE = join(import.meta.dirname, 'python');

/**
 * A project root with the real bundle.py and awaitable_runner.py, the real Pyodide package, and, instead of
 * Django's wheels (a download), one small wheel pinned in harness/requirements.txt: staging it needs no network.
 */
function makeRoot(): string {
	const root = mkdtempSync(join(tmpdir(), 'awaitable-stage-'));
	mkdirSync(join(root, 'src', 'lib', 'runner', 'python'), { recursive: true });
	for (const name of ['bundle.py', 'awaitable_runner.py'])
		copyFileSync(join(HERE, name), join(root, 'src', 'lib', 'runner', 'python', name));
	for (const [path, text] of Object.entries({
		'harness/requirements.txt': 'Django==5.2.17\n',
		'harness/awaitable/settings.py': 'DEBUG = True\n',
		'harness/awaitable/fixtures.py': 'POSTS = []\n',
		'harness/blog/models.py': 'MODELS = []\n',
	})) {
		mkdirSync(join(root, path, '..'), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	return root;
}

/** Write the pinned wheel, its entries in the given order, each stamped with the current time. */
function writeWheel(root: string, names: string[]): void {
	const wheels = join(cacheDir(root), 'wheels');
	mkdirSync(wheels, { recursive: true });
	const script = `import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as wheel:
    for name in sys.argv[2:]:
        wheel.writestr(name, "# " + name + "\\n")`;
	const run = spawnSync(PYTHON, ['-c', script, join(wheels, 'django-5.2.17-py3-none-any.whl'), ...names], {
		encoding: 'utf8',
	});
	expect(run.stderr).toBe('');
}

/** Bundle django.zip alone (no hashing of Pyodide's megabytes) and return its bytes. */
async function bundle(root: string): Promise<Buffer> {
	const bundled = await bundleDjango(root);
	if (!bundled.ok) throw new Error(bundled.reason);
	return readFileSync(bundled.zip);
}

/** Stage, and keep django.zip's bytes as they were right after (a later staging rewrites it in the cache). */
async function stage(root: string): Promise<{ staged: Staged & { ok: true }; zip: Buffer }> {
	const staged = await stageRuntime(root);
	if (!staged.ok) throw new Error(staged.reason);
	return { staged, zip: readFileSync(join(cacheDir(root), DJANGO_ZIP)) };
}

describe('stageRuntime', () => {
	const WHEEL = ['django/__init__.py', 'django/db/models.py', 'django-5.2.17.dist-info/METADATA', 'django/apps.py'];
	let root = '';
	beforeAll(() => {
		root = makeRoot();
	});
	afterAll(() => {
		rmSync(root, { recursive: true, force: true });
	});

	it('gives the same version and the same django.zip when staged again from the same inputs', async () => {
		writeWheel(root, WHEEL);
		const first = await stage(root);
		// What must not matter: when the wheel was written and the order of its entries, the harness files' mtimes
		// and permissions, and the time of day (the old bundle stamped entries with the current time).
		writeWheel(root, [...WHEEL].reverse());
		const later = new Date('2031-06-15T12:34:56Z');
		for (const path of [
			'harness/awaitable/settings.py',
			'harness/blog/models.py',
			'src/lib/runner/python/awaitable_runner.py',
		])
			utimesSync(join(root, path), later, later);
		chmodSync(join(root, 'harness/awaitable/settings.py'), 0o755);
		const second = await stage(root);
		expect(second.staged.version).toBe(first.staged.version);
		expect(second.zip.equals(first.zip)).toBe(true);
		expect(second.staged.files).toEqual(first.staged.files);
	});

	it('gives a different django.zip when what goes into it changes', async () => {
		writeWheel(root, WHEEL);
		const before = await bundle(root);
		writeFileSync(join(root, 'harness/blog/models.py'), 'MODELS = ["Post"]\n');
		expect((await bundle(root)).equals(before)).toBe(false);
	});

	it('reuses the zips of the last staging when their inputs are unchanged, and rebuilds one that was altered', async () => {
		writeWheel(root, WHEEL);
		const zip = join(cacheDir(root), DJANGO_ZIP);
		const stdlib = join(cacheDir(root), 'python_stdlib.zip');
		const first = await bundle(root);
		const written = [statSync(zip).mtimeMs, statSync(stdlib).mtimeMs];
		expect((await bundle(root)).equals(first)).toBe(true);
		expect([statSync(zip).mtimeMs, statSync(stdlib).mtimeMs]).toEqual(written);
		writeFileSync(zip, 'not a zip');
		expect((await bundle(root)).equals(first)).toBe(true);
		// An input changed: the zip is made again from it.
		writeFileSync(join(root, 'harness/awaitable/fixtures.py'), 'POSTS = ["hello"]\n');
		expect((await bundle(root)).equals(first)).toBe(false);
	});

	it('writes django.zip entries sorted by name, dated 1980-01-01, as rw-r--r-- files, without dist-info', async () => {
		writeWheel(root, WHEEL);
		await bundle(root);
		const script = `import sys, zipfile
for info in zipfile.ZipFile(sys.argv[1]).infolist():
    print(info.filename, "%04d-%02d-%02d" % info.date_time[:3], oct(info.external_attr >> 16))`;
		const run = spawnSync(PYTHON, ['-c', script, join(cacheDir(root), DJANGO_ZIP)], { encoding: 'utf8' });
		expect(run.stdout.trim().split('\n')).toEqual(
			[
				'awaitable/fixtures.py',
				'awaitable/settings.py',
				'awaitable_runner.py',
				'blog/models.py',
				'django/__init__.py',
				'django/apps.py',
				'django/db/models.py',
			].map((name) => `${name} 1980-01-01 0o100644`),
		);
	});

	it('says why Run is off when Python cannot be started or the bundle fails', async () => {
		const saved = process.env['PYTHON'];
		try {
			process.env['PYTHON'] = join(root, 'no-such-python');
			expect(await stageRuntime(root)).toEqual({
				ok: false,
				reason: `Python was not found on the machine that built this site (${join(root, 'no-such-python')})`,
			});
			writeFileSync(
				join(root, 'failing-python'),
				'#!/bin/sh\necho first >&2\necho "no wheel for Django" >&2\nexit 3\n',
				{
					mode: 0o755,
				},
			);
			process.env['PYTHON'] = join(root, 'failing-python');
			expect(await stageRuntime(root)).toEqual({
				ok: false,
				reason: 'Django could not be packaged when this site was built (no wheel for Django)',
			});
		} finally {
			if (saved === undefined) delete process.env['PYTHON'];
			else process.env['PYTHON'] = saved;
		}
	});
});
