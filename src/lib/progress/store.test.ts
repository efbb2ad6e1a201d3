import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_DRAFT, MAX_STORED_LENGTH, MAX_TESTS, PROGRESS_VERSION } from './limits.ts';
import type { ItemRecord, ReviewRecord } from './schema.ts';
import { createProgressStore, decode, STORAGE_KEY, toProgress } from './store.ts';

/** A `Storage` over a Map, with switches to make it fail like real browsers do. */
class FakeStorage implements Storage {
	readonly map = new Map<string, string>();
	failReads = false;
	failWrites = false;
	get length() {
		return this.map.size;
	}
	clear() {
		this.map.clear();
	}
	getItem(key: string) {
		if (this.failReads) throw new DOMException('The operation is insecure.', 'SecurityError');
		return this.map.get(key) ?? null;
	}
	key(index: number) {
		return [...this.map.keys()][index] ?? null;
	}
	removeItem(key: string) {
		this.map.delete(key);
	}
	setItem(key: string, value: string) {
		if (this.failWrites) throw new DOMException('Quota exceeded', 'QuotaExceededError');
		this.map.set(key, value);
	}
}

const card = (hash: string, known = true): ItemRecord => ({ kind: 'card', hash, at: 1000, attempts: 1, known });
const reviewed: ReviewRecord = {
	hash: 'h',
	due: 5,
	s: 1,
	d: 5,
	state: 2,
	step: 0,
	last: 1,
	reps: 1,
	lapses: 0,
	conf: 1,
	correct: true,
	choice: 0,
};
const fresh = () => {
	const storage = new FakeStorage();
	return createProgressStore(() => storage);
};
const stored = (storage: FakeStorage) => JSON.parse(storage.map.get(STORAGE_KEY) ?? 'null') as unknown;

describe('decoding the stored value', () => {
	it('reads nothing stored as empty', () => {
		expect(decode(null)).toEqual({ kind: 'empty' });
	});

	it('reads a current document', () => {
		const document = { v: PROGRESS_VERSION, items: {}, tests: [], review: {}, aside: {} };
		expect(decode(JSON.stringify(document))).toEqual({ kind: 'ok', envelope: document });
	});

	it('migrates a version 1 document: lesson answers and test runs kept, an empty review queue added', () => {
		const v1 = {
			v: 1,
			items: { a: card('h') },
			tests: [{ seed: 'abc', at: 1, score: 1, total: 10, missed: ['q'] }, 'junk'],
		};
		const decoded = decode(JSON.stringify(v1));
		expect(decoded).toEqual({
			kind: 'ok',
			envelope: {
				v: 2,
				items: { a: card('h') },
				tests: [{ seed: 'abc', at: 1, score: 1, total: 10, missed: ['q'], answers: [] }, 'junk'],
				review: {},
				aside: {},
			},
		});
		if (decoded.kind !== 'ok') return;
		const progress = toProgress(decoded.envelope);
		expect(progress.items.get('a')).toEqual(card('h'));
		expect(progress.tests).toEqual([{ seed: 'abc', at: 1, score: 1, total: 10, missed: ['q'], answers: [] }]);
		expect(progress.review).toEqual({});
	});

	it.each([
		['not JSON', '{"v":1,', 'not-json'],
		['JSON but not an object', '"hello"', 'not-progress'],
		['an object without a version', '{"items":{}}', 'not-progress'],
		['an older version with no migration', '{"v":0,"answers":{}}', 'no-migration'],
	])('reads a value that is %s as unreadable', (_, raw, reason) => {
		expect(decode(raw)).toEqual({ kind: 'unreadable', reason });
	});

	it('refuses to parse a huge value', () => {
		const huge = `{"v":1,"items":{},"tests":[],"pad":"${'x'.repeat(MAX_STORED_LENGTH)}"}`;
		expect(decode(huge)).toEqual({ kind: 'unreadable', reason: 'too-long' });
	});

	it('recognises a newer version', () => {
		expect(decode('{"v":99,"items":{}}')).toEqual({ kind: 'newer', version: 99 });
	});

	it('skips invalid entries and keeps the valid ones', () => {
		const progress = toProgress({
			v: 2,
			items: { good: card('h'), bad: { kind: 'card' }, worse: 'x' },
			tests: [{ seed: 'abc', at: 1, score: 1, total: 10, missed: [], answers: [] }, { seed: 1 }],
			review: { good: reviewed, bad: { ...reviewed, state: 9 } },
			aside: {},
		});
		expect([...progress.items.keys()]).toEqual(['good']);
		expect(progress.tests).toHaveLength(1);
		// Review entries stay raw here; the review queue validates them (queue.test.ts).
		expect(Object.keys(progress.review)).toEqual(['good', 'bad']);
	});
});

describe('the progress store', () => {
	afterEach(() => vi.restoreAllMocks());

	it('saves a record and reads it back after a reload', () => {
		const storage = new FakeStorage();
		createProgressStore(() => storage).update('a', () => card('h1'));
		const reloaded = createProgressStore(() => storage);
		expect(reloaded.get().items.get('a')).toEqual(card('h1'));
		expect(reloaded.status()).toBe('saved');
	});

	it('passes the previous record to an update, so attempts can be counted', () => {
		const store = fresh();
		store.update('a', () => card('h'));
		store.update('a', (previous) => ({
			...card('h'),
			attempts: (previous?.kind === 'card' ? previous.attempts : 0) + 1,
		}));
		expect(store.get().items.get('a')).toMatchObject({ attempts: 2 });
	});

	it('gives a new snapshot after each change and the same one otherwise', () => {
		const store = fresh();
		const first = store.get();
		expect(store.get()).toBe(first);
		store.update('a', () => card('h'));
		expect(store.get()).not.toBe(first);
	});

	it('keeps records of unknown ids and entries it cannot read when writing', () => {
		const storage = new FakeStorage();
		const old = {
			v: 2,
			items: { gone: card('old'), future: { kind: 'spaced', due: 5 } },
			tests: [],
			review: { gone: { due: 1 } },
			aside: { older: card('x') },
		};
		storage.map.set(STORAGE_KEY, JSON.stringify(old));
		createProgressStore(() => storage).update('new', () => card('h'));
		expect(stored(storage)).toEqual({ ...old, items: { ...old.items, new: card('h') } });
	});

	it('keeps working in memory when localStorage throws on access', () => {
		const store = createProgressStore(() => {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		});
		expect(store.get().items.size).toBe(0);
		store.update('a', () => card('h'));
		expect(store.get().items.get('a')).toEqual(card('h'));
		expect(store.status()).toBe('memory');
	});

	it('keeps working in memory when reads throw', () => {
		const storage = new FakeStorage();
		storage.failReads = true;
		const store = createProgressStore(() => storage);
		store.update('a', () => card('h'));
		expect(store.get().items.has('a')).toBe(true);
		expect(store.status()).toBe('memory');
	});

	it('keeps working in memory when the quota is full, and stops trying to write', () => {
		const storage = new FakeStorage();
		storage.failWrites = true;
		const store = createProgressStore(() => storage);
		store.update('a', () => card('h'));
		expect(store.status()).toBe('memory');
		storage.failWrites = false;
		store.update('b', () => card('h'));
		expect(store.get().items.size).toBe(2);
		expect(storage.map.has(STORAGE_KEY)).toBe(false);
	});

	it('works without any storage (server rendering)', () => {
		const store = createProgressStore(() => undefined);
		store.update('a', () => card('h'));
		expect(store.get().items.size).toBe(1);
		expect(store.status()).toBe('memory');
	});

	it('replaces a corrupted value on the next write', () => {
		const storage = new FakeStorage();
		storage.map.set(STORAGE_KEY, '{not json');
		const store = createProgressStore(() => storage);
		expect(store.get().items.size).toBe(0);
		store.update('a', () => card('h'));
		expect(stored(storage)).toEqual({ v: 2, items: { a: card('h') }, tests: [], review: {}, aside: {} });
	});

	it('never overwrites a newer version, and keeps this page working in memory', () => {
		const storage = new FakeStorage();
		const newer = JSON.stringify({ v: PROGRESS_VERSION + 1, items: { a: { shape: 'new' } } });
		storage.map.set(STORAGE_KEY, newer);
		const store = createProgressStore(() => storage);
		store.update('a', () => card('h'));
		expect(store.status()).toBe('newer');
		expect(store.get().items.get('a')).toEqual(card('h'));
		expect(storage.map.get(STORAGE_KEY)).toBe(newer);
	});

	it('cuts an explain-it draft to the limit', () => {
		const storage = new FakeStorage();
		const store = createProgressStore(() => storage);
		store.update('x', () => ({
			kind: 'explain',
			hash: 'h',
			at: 1,
			draft: 'y'.repeat(MAX_DRAFT + 50),
			covered: [],
			done: false,
		}));
		const record = store.get().items.get('x');
		expect(record?.kind === 'explain' && record.draft.length).toBe(MAX_DRAFT);
	});

	it('keeps the last test results only', () => {
		const store = fresh();
		for (let index = 0; index < MAX_TESTS + 5; index++) {
			store.addTest({ seed: `s${index}`, at: index, score: 1, total: 10, missed: [], answers: [] });
		}
		const tests = store.get().tests;
		expect(tests).toHaveLength(MAX_TESTS);
		expect(tests.at(-1)?.seed).toBe(`s${MAX_TESTS + 4}`);
	});

	it('picks up what another tab wrote before writing', () => {
		const storage = new FakeStorage();
		const here = createProgressStore(() => storage);
		const there = createProgressStore(() => storage);
		here.get();
		there.update('b', () => card('h'));
		here.update('a', () => card('h'));
		expect(Object.keys((stored(storage) as { items: object }).items).sort()).toEqual(['a', 'b']);
	});

	it('resets everything, including records of unknown ids', () => {
		const storage = new FakeStorage();
		storage.map.set(STORAGE_KEY, JSON.stringify({ v: 1, items: { gone: card('x') }, tests: [] }));
		const store = createProgressStore(() => storage);
		store.update('a', () => card('h'));
		store.reset();
		expect(store.get().items.size).toBe(0);
		expect(storage.map.has(STORAGE_KEY)).toBe(false);
	});

	it('tells subscribers about changes until they unsubscribe', () => {
		const store = fresh();
		const listener = vi.fn();
		const unsubscribe = store.subscribe(listener);
		store.update('a', () => card('h'));
		store.addTest({ seed: 'abc', at: 1, score: 1, total: 1, missed: [], answers: [] });
		expect(listener).toHaveBeenCalledTimes(2);
		unsubscribe();
		store.reset();
		expect(listener).toHaveBeenCalledTimes(2);
	});
});

describe('reviews, export and first save', () => {
	it('keeps a review apart from the lesson answer of the same item', () => {
		const storage = new FakeStorage();
		const store = createProgressStore(() => storage);
		store.update('a', () => card('h', false));
		store.replace((current) => ({ ...current, review: { a: reviewed } }));
		const again = createProgressStore(() => storage).get();
		expect(again.items.get('a')).toEqual(card('h', false));
		expect(again.review['a']).toEqual(reviewed);
	});

	it('gives the whole document for export, entries it cannot read included', () => {
		const storage = new FakeStorage();
		const document = { v: 2, items: { x: { kind: 'later' } }, tests: [], review: {}, aside: { y: 1 } };
		storage.map.set(STORAGE_KEY, JSON.stringify(document));
		expect(createProgressStore(() => storage).document()).toEqual(document);
	});

	it('asks the browser to persist storage on the first save only', () => {
		const persist = vi.fn(() => Promise.resolve(true));
		vi.stubGlobal('navigator', { storage: { persist } });
		const store = fresh();
		store.update('a', () => card('h'));
		store.update('b', () => card('h'));
		expect(persist).toHaveBeenCalledTimes(1);
		vi.unstubAllGlobals();
	});

	it('saves a review in memory when storage is full, and says so', () => {
		const storage = new FakeStorage();
		const store = createProgressStore(() => storage);
		store.update('a', () => card('h'));
		storage.failWrites = true;
		store.replace((current) => ({ ...current, review: { a: reviewed } }));
		expect(store.get().review['a']).toEqual(reviewed);
		expect(store.status()).toBe('memory');
	});
});
