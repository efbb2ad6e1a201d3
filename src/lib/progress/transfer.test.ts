/**
 * Export, import and the device link. Every bad import is a fixture file (or, for the 50 MB file and the cut-off
 * link, made here): each must give its own clear message and leave the reader's progress exactly as it was.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReviewRecord } from './schema.ts';
import { createProgressStore, STORAGE_KEY } from './store.ts';
import {
	exportText,
	IMPORT_MESSAGES,
	importInto,
	linkFragment,
	MAX_IMPORT_BYTES,
	merge,
	readImport,
	readLink,
	tooLarge,
} from './transfer.ts';
import type { Envelope } from './validate.ts';

const fixture = (name: string) => readFileSync(new URL(`fixtures/import/${name}`, import.meta.url), 'utf8');
const hashes = new Map([
	['q-known', 'h-q-known'],
	['c-known', 'h-c-known'],
]);
const local: Envelope = {
	v: 2,
	items: { 'q-known': { kind: 'choice', hash: 'h-q-known', at: 5, attempts: 3, choice: 2, correct: false } },
	tests: [],
	review: {},
	aside: {},
};

/** A store holding `local`, over a Map-backed storage. */
function storeWithLocal() {
	const map = new Map<string, string>([[STORAGE_KEY, JSON.stringify(local)]]);
	const storage = {
		getItem: (key: string) => map.get(key) ?? null,
		setItem: (key: string, value: string) => void map.set(key, value),
		removeItem: (key: string) => void map.delete(key),
	} as Storage;
	return { store: createProgressStore(() => storage), raw: () => map.get(STORAGE_KEY) };
}

describe('importing a bad file changes nothing and says why', () => {
	it.each([
		['not JSON', 'not-json.txt', 'not-json'],
		['cut off', 'truncated.json', 'truncated'],
		['empty', 'empty.json', 'empty'],
		['blank', 'blank.json', 'empty'],
		["another site's file", 'other-site.json', 'not-ours'],
		['a JSON list', 'array.json', 'not-ours'],
		['from a future version', 'future-version.json', 'newer'],
		['with wrong types', 'wrong-types.json', 'invalid'],
		['with items that are not an object', 'items-not-an-object.json', 'invalid'],
	] as const)('a file %s', (_, name, problem) => {
		const { store, raw } = storeWithLocal();
		const before = raw();
		const result = readImport(fixture(name));
		expect(result).toMatchObject({ ok: false, problem, message: IMPORT_MESSAGES[problem] });
		expect(importInto(store, result, hashes)).toMatchObject({ ok: false });
		expect(raw()).toBe(before);
	});

	it('a 50 MB file, refused on its size before it is read', () => {
		const blob = new Blob([new Uint8Array(50 * 1024 * 1024)]);
		expect(tooLarge(blob.size)).toBe(true);
		// And if read anyway, its text is refused before parsing.
		expect(readImport('x'.repeat(MAX_IMPORT_BYTES + 1))).toMatchObject({ ok: false, problem: 'too-large' });
	});

	it('names the entry that is wrong', () => {
		const result = readImport(fixture('wrong-types.json'));
		const { store } = storeWithLocal();
		expect(importInto(store, result, hashes)).toEqual({
			ok: false,
			message: `${IMPORT_MESSAGES.invalid} (the answer to “q-known”)`,
		});
	});

	it('a device link cut off when copied', async () => {
		const fragment = await linkFragment(local, 1);
		for (const cut of [fragment.length - 3, Math.floor(fragment.length / 2), 'progress='.length + 2]) {
			expect(await readLink(fragment.slice(0, cut))).toMatchObject({ ok: false, problem: 'link-cut' });
		}
		expect(await readLink('#progress=%%%not-base64')).toMatchObject({ ok: false, problem: 'link-cut' });
	});
});

describe('importing a good file', () => {
	it('migrates a file of an older version', () => {
		const result = readImport(fixture('older-version.json'));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.envelope.v).toBe(2);
		expect(result.envelope.tests).toEqual([expect.objectContaining({ seed: 'k3x9q2', answers: [] })]);
	});

	it('keeps aside, not lost, the entries of items the site no longer has', () => {
		const { store } = storeWithLocal();
		const outcome = importInto(store, readImport(fixture('unknown-ids.json')), hashes);
		expect(outcome).toEqual({ ok: true, taken: 1, aside: 2 });
		const document = store.document();
		expect(Object.keys(document.items)).toEqual(['q-known']);
		expect(document.aside['q-removed']).toEqual({
			item: expect.objectContaining({ hash: 'h-old', correct: false }),
			review: expect.objectContaining({ hash: 'h-old', conf: 2 }),
		});
	});

	it('restores exactly what was exported into empty storage', () => {
		const result = readImport(fixture('valid.json'));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const empty: Envelope = { v: 2, items: {}, tests: [], review: {}, aside: {} };
		expect(merge(empty, result.envelope, hashes).envelope).toEqual(result.envelope);
		const again = readImport(exportText(result.envelope, 9));
		expect(again).toEqual(result);
	});
});

describe('merging', () => {
	const review = (last: number, hash = 'h-q-known'): ReviewRecord => ({
		hash,
		due: last + 1,
		s: 1,
		d: 5,
		state: 2,
		step: 0,
		last,
		reps: 1,
		lapses: 0,
		conf: 1,
		correct: true,
		choice: 0,
	});

	it('keeps the newest answer of each item', () => {
		const imported: Envelope = {
			...local,
			items: {
				'q-known': { kind: 'choice', hash: 'h-q-known', at: 9, attempts: 1, choice: 0, correct: true },
				'c-known': { kind: 'card', hash: 'h-c-known', at: 1, attempts: 1, known: true },
			},
			review: { 'q-known': review(3) },
		};
		const mine: Envelope = { ...local, review: { 'q-known': review(4) } };
		const { envelope, taken } = merge(mine, imported, hashes);
		expect(envelope.items['q-known']).toMatchObject({ at: 9, correct: true });
		expect(envelope.items['c-known']).toMatchObject({ known: true });
		expect(envelope.review['q-known']).toEqual(review(4));
		expect(taken).toBe(2);
	});

	it('prefers an answer to the item as it is now over a newer one to an older version of it', () => {
		const imported: Envelope = { ...local, review: { 'q-known': review(100, 'h-before-an-edit') } };
		const mine: Envelope = { ...local, review: { 'q-known': review(4) } };
		expect(merge(mine, imported, hashes).envelope.review['q-known']).toEqual(review(4));
		expect(merge(imported, mine, hashes).envelope.review['q-known']).toEqual(review(4));
	});

	it('merges test runs as a set, once each, oldest first', () => {
		const run = (at: number) => ({ seed: 'abc', at, score: 1, total: 10, missed: [], answers: [] });
		const merged = merge({ ...local, tests: [run(1), run(3)] }, { ...local, tests: [run(2), run(3)] }, hashes);
		expect(merged.envelope.tests).toEqual([run(1), run(2), run(3)]);
	});
});

describe('the device link', () => {
	it('carries the whole document, compressed, in the URL fragment', async () => {
		const big: Envelope = {
			...local,
			items: Object.fromEntries(
				Array.from({ length: 250 }, (_, index) => [
					`question-number-${index}`,
					{ kind: 'choice', hash: `hash${index}`, at: 1796100000000 + index, attempts: 1, choice: 1, correct: true },
				]),
			),
		};
		const fragment = await linkFragment(big, 1);
		expect(fragment).toMatch(/^progress=[A-Za-z0-9_-]+$/);
		expect(fragment.length).toBeLessThan(exportText(big, 1).length / 2);
		expect(await readLink(`#${fragment}`)).toEqual({ ok: true, envelope: big });
	});

	it('ignores a fragment that is not a device link', async () => {
		expect(await readLink('#quiz')).toBeUndefined();
	});
});
