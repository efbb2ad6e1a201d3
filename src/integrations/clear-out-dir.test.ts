/** The last build's output, moved aside and removed in a worker while the next build runs (clear-out-dir.ts). */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asideName, clearInBackground } from './clear-out-dir.ts';

describe('clearing the output folder in the background', () => {
	let root = '';
	let out = '';
	beforeEach(() => {
		root = mkdtempSync(path.join(os.tmpdir(), 'awaitable-out-dir-'));
		out = path.join(root, 'dist');
		for (const file of ['index.html', 'lessons/aget/index.html', 'runner/abc/pyodide.asm.wasm']) {
			mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
			writeFileSync(path.join(out, file), file);
		}
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	it('moves the folder away at once and has removed it, and what an earlier build left aside, when it resolves', async () => {
		const left = asideName(out, 99_999_999);
		mkdirSync(path.join(left, 'practice'), { recursive: true });
		writeFileSync(path.join(left, 'practice/old.json'), '{}');
		const removal = clearInBackground(out, 12_345);
		expect(existsSync(out)).toBe(false);
		expect(removal).toBeInstanceOf(Promise);
		await removal;
		expect(readdirSync(root)).toEqual([]);
	});

	it('leaves a folder holding .git to Astro, and does nothing when there is no folder', () => {
		mkdirSync(path.join(out, '.git'));
		expect(clearInBackground(out)).toBeUndefined();
		expect(existsSync(path.join(out, 'index.html'))).toBe(true);
		rmSync(out, { recursive: true });
		expect(clearInBackground(out)).toBeUndefined();
		expect(readdirSync(root)).toEqual([]);
	});
});
