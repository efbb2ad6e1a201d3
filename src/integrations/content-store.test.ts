/**
 * The content store kept between builds (content-store.ts): put back only when the last build wrote it with the
 * same code and no entry holds HTML rendered while syncing; and the links validator's code it relies on pinned, so
 * a new version of it is read before the store is kept under it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import contentStore, { codeDigest, hasRenderedEntries, STORE_FILE, whyNotKept } from './content-store.ts';

describe('whether the last build’s content store is kept', () => {
	const store = '[["Map",1,2],"docs",["Map",3,4],"lessons/aget",{"id":3,"data":5,"digest":6,"deferredRender":7}]';
	const stat = { size: 100, mtimeMs: 1234.5 };
	const record = { code: 'abc', ...stat };

	it('is kept when the last build recorded it, with this code, unchanged since, and no entry holds rendered HTML', () => {
		expect(whyNotKept(store, stat, record, 'abc')).toBeNull();
	});

	it('is not kept without a record, after a code change, or when the file changed since it was recorded', () => {
		expect(whyNotKept(store, stat, null, 'abc')).toBe('no build recorded it');
		expect(whyNotKept(store, stat, record, 'abd')).toBe('the code changed since');
		expect(whyNotKept(store, { ...stat, mtimeMs: 1300 }, record, 'abc')).toBe(
			'it changed since the last build wrote it',
		);
		expect(whyNotKept(store, { ...stat, size: 99 }, record, 'abc')).toBe('it changed since the last build wrote it');
	});

	it('is not kept when an entry holds HTML rendered while syncing (a .md page), which the links validator must see', () => {
		const withMarkdownPage = store.replace('"deferredRender":7}', '"rendered":7}');
		expect(hasRenderedEntries(withMarkdownPage)).toBe(true);
		expect(whyNotKept(withMarkdownPage, stat, record, 'abc')).toMatch(/^it holds Markdown pages rendered/);
	});

	it('does not take the word "rendered" in content for a rendered entry', () => {
		expect(hasRenderedEntries(`${store.slice(0, -1)},"the page \\"rendered\\": fine"]`)).toBe(false);
		expect(hasRenderedEntries(store)).toBe(false);
	});
});

describe('the code digest', () => {
	let root = '';
	beforeEach(() => {
		root = mkdtempSync(path.join(os.tmpdir(), 'awaitable-content-store-'));
		for (const [file, text] of Object.entries({
			'src/lib/loader.ts': 'export const a = 1;\n',
			'src/content/practice/a.yaml': 'type: quiz\n',
			'astro.config.mjs': 'export default {};\n',
		})) {
			mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
			writeFileSync(path.join(root, file), text);
		}
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	it('changes with the code and the configuration, not with content (entries have their own digests)', () => {
		const first = codeDigest(root);
		writeFileSync(path.join(root, 'src/content/practice/a.yaml'), 'type: cards\n');
		expect(codeDigest(root)).toBe(first);
		writeFileSync(path.join(root, 'src/lib/loader.ts'), 'export const a = 2;\n');
		const second = codeDigest(root);
		expect(second).not.toBe(first);
		writeFileSync(path.join(root, 'astro.config.mjs'), 'export default { base: "/x/" };\n');
		expect(codeDigest(root)).not.toBe(second);
	});
});

describe('the hooks', () => {
	let root = '';
	beforeEach(() => {
		root = mkdtempSync(path.join(os.tmpdir(), 'awaitable-content-store-'));
		mkdirSync(path.join(root, 'src/lib'), { recursive: true });
		writeFileSync(path.join(root, 'src/lib/loader.ts'), 'export const a = 1;\n');
		mkdirSync(path.join(root, 'node_modules/.astro'), { recursive: true });
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	/** Runs a build's hooks up to the sync; `sync` stands for the content sync (it writes the store). */
	const build = (sync: () => void) => {
		const hooks = contentStore().hooks as Record<string, (options: unknown) => void>;
		const config = { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${root}/node_modules/.astro/`) };
		const logs: string[] = [];
		const logger = { info: (message: string) => logs.push(message) };
		hooks['astro:config:setup']?.({ config, command: 'build', logger });
		// The links validator's hook, which runs after this one's.
		rmSync(storeFile(), { force: true });
		hooks['astro:config:done']?.({ config, logger });
		const kept = existsSync(storeFile());
		sync();
		hooks['astro:build:start']?.({ logger });
		return { kept, logs };
	};
	const storeFile = () => path.join(root, 'node_modules/.astro', STORE_FILE);

	it('puts back the store the last build wrote, not one written since by another command, nor after a code change', () => {
		const write = (text: string) => () => writeFileSync(storeFile(), text);
		expect(build(write('[1]')).kept).toBe(false);
		expect(build(() => undefined)).toEqual({
			kept: true,
			logs: ['Kept the content store of the last build: unchanged entries are not loaded again.'],
		});
		writeFileSync(storeFile(), '[2]'); // astro sync or astro check wrote it
		expect(build(write('[3]')).logs).toEqual([
			"Loading all content: the last build's content store is not kept (it changed since the last build wrote it).",
		]);
		expect(build(() => undefined).kept).toBe(true);
		writeFileSync(path.join(root, 'src/lib/loader.ts'), 'export const a = 2;\n');
		expect(build(() => undefined).logs).toEqual([
			"Loading all content: the last build's content store is not kept (the code changed since).",
		]);
		expect(readdirSync(path.join(root, 'node_modules/.astro')).filter((name) => name.endsWith('.aside'))).toEqual([]);
	});

	it('removes a store set aside by a process that is gone', () => {
		const left = path.join(root, 'node_modules/.astro', `${STORE_FILE}.999999999.aside`);
		writeFileSync(left, '[1]');
		build(() => undefined);
		expect(existsSync(left)).toBe(false);
	});
});

/**
 * What content-store.ts relies on in starlight-links-validator: it deletes `data-store.json` in Astro's cacheDir
 * from its `astro:config:setup` (index.ts, libs/astro.ts), and its Sätteri plugin collects links only from renders
 * that have a file (libs/satteri.ts; practice sets are rendered without one). When the installed files differ,
 * read them again: if the validator now collects links some other way (from the store, from renders without a
 * file), the store may no longer be kept as content-store.ts does; then update the pins.
 */
const VALIDATOR = [
	{ file: 'index.ts', sha256: '0e6ef6493c63499a0574d1a9f83fb57ed59a7d828a3bea076a0bdf0a201c6c3d' },
	{ file: 'libs/astro.ts', sha256: '2e3c5c2c4779fe765cdd1221cf6fb16d4fa4192e05f3905cbb4fd052a55a080c' },
	{ file: 'libs/satteri.ts', sha256: 'cd766ec27396eec8cb1970b9589c2fd17c85de296f3f1cde31682a4f3dea4495' },
];

describe('the links validator content-store.ts was written against', () => {
	const root = path.resolve('node_modules/starlight-links-validator');
	const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
	for (const { file, sha256 } of VALIDATOR) {
		it(`has the ${file} of starlight-links-validator 0.26.0`, () => {
			const installed = createHash('sha256')
				.update(readFileSync(path.join(root, file)))
				.digest('hex');
			expect(
				installed,
				`starlight-links-validator ${version}: its ${file} changed. Read it and src/integrations/content-store.ts, then update this pin.`,
			).toBe(sha256);
		});
	}
});
