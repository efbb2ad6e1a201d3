/**
 * The reader's progress: the one module that touches `localStorage`.
 *
 * Data shape (key `awaitable:progress`, JSON; types and Zod schemas in `schema.ts`):
 *
 *     {
 *       "v": 2,                                   // PROGRESS_VERSION
 *       "items": {                                // lesson practice, keyed by permanent item id, unique across the site
 *         "aget-returns-instance": { "kind": "card", "hash": "Xy3…", "at": 1767225600000, "attempts": 2, "known": true },
 *         "await-queryset-typeerror": { "kind": "choice", "hash": "…", "at": …, "attempts": 1, "choice": 2, "correct": false },
 *         "explain-why-no-afilter": { "kind": "explain", "hash": "…", "at": …, "draft": "…", "covered": [0, 2], "done": true }
 *       },
 *       "tests": [ { "seed": "k3x9q2", "at": …, "score": 7, "total": 10, "missed": ["…"],
 *                    "answers": [ { "id": "…", "choice": 1, "correct": false } ] } ],   // newest last, ≤ 20
 *       "review": {                               // the review queue's state of items reviewed on /review/
 *         "await-queryset-typeerror": { "hash": "…", "due": …, "s": 2.3, "d": 5.1, "state": 2, "step": 0,
 *                                       "last": …, "reps": 3, "lapses": 1, "conf": 2, "correct": true, "choice": 0 }
 *       },
 *       "aside": { … }                            // entries of an imported file whose ids this site no longer has
 *     }
 *
 * Lesson practice, test runs and reviews are kept apart: a test never changes what a lesson shows as done, and
 * a review never changes either. A choice is stored by its authored index, whatever order it was shown in.
 * Each record keeps the content hash of the item as it was answered. Editing one question changes only its
 * hash: that answer then reads as "changed since you answered" (not done), and every other answer survives.
 *
 * Lifecycle:
 * - Nothing is read at import; the first `get()` (from an island's effect, never during server rendering)
 *   reads and validates the stored value. Each entry is validated on its own, so one bad record costs only
 *   itself.
 * - Writes re-read the stored value first (another tab may have written), change one entry, and write the
 *   whole document back. Entries this version does not understand, and records of ids that no longer exist,
 *   are carried along untouched: only `reset()` deletes them.
 * - Every storage access may throw (private browsing, quota, storage disabled, `localStorage` itself throwing
 *   on access). The store then keeps working in memory for the rest of the page's life, and `status()` says so.
 * - Islands of one page share this module instance, so they see each other's writes at once (`subscribe`);
 *   other tabs are picked up through the `storage` event.
 *
 * Migrations: the stored `v` is compared with PROGRESS_VERSION when reading.
 * - Same version: used as is.
 * - Older: passed through MIGRATIONS, one step per version (v1 → v2 → …); a value with no known migration is
 *   dropped (read as empty, replaced on the next write). v1 → v2 adds the empty `review` and `aside` maps and
 *   an empty `answers` list to each stored test run (version 1 did not keep them).
 * - Newer (a tab left open across a deploy, then rolled back): never overwritten; this page works in memory.
 * - Not JSON, not an object, no version, or longer than MAX_STORED_LENGTH: treated as empty and replaced on
 *   the next write. We never write anything like it, so there is nothing to keep.
 *
 * The first write into empty storage also asks the browser to keep the site's storage
 * (`navigator.storage.persist()`), so it is not evicted under storage pressure.
 */
import { MAX_DRAFT, MAX_STORED_LENGTH, MAX_TESTS, PROGRESS_VERSION } from './limits.ts';
import { assertNever } from '../practice/compiled.ts';
import type { ItemRecord, TestRecord } from './schema.ts';
import { isFields, parseEnvelope, parseItemRecord, parseTestRecord, type Envelope } from './validate.ts';

export const STORAGE_KEY = 'awaitable:progress';

/** A validated, read-only snapshot; a new object after every change, so views can compare by identity. */
export interface Progress {
	items: ReadonlyMap<string, ItemRecord>;
	tests: readonly TestRecord[];
	/**
	 * The review queue's entries as stored, not yet validated: only the review and progress pages read them
	 * (through `reviewRecord` in `src/lib/review/queue.ts`), so the lesson pages do not load their validator.
	 */
	review: Readonly<Record<string, unknown>>;
}

/**
 * - `saved`: reads and writes reach `localStorage`.
 * - `memory`: storage is unavailable or refused a write; progress lasts until the page is left.
 * - `newer`: storage holds a newer version's data, which this page leaves alone (progress kept in memory).
 */
export type StorageStatus = 'saved' | 'memory' | 'newer';

/** How a stored value was read; `decode` is pure so every case is unit-tested. */
export type Decoded =
	| { kind: 'empty' }
	| { kind: 'ok'; envelope: Envelope }
	| { kind: 'newer'; version: number }
	| { kind: 'unreadable'; reason: 'too-long' | 'not-json' | 'not-progress' | 'no-migration' };

/** Steps from version N to N + 1, keyed by N. */
const MIGRATIONS: Readonly<Record<number, (envelope: Envelope) => Envelope>> = {
	1: (envelope) => ({
		...envelope,
		v: 2,
		tests: envelope.tests.map((test) =>
			isFields(test) && !Array.isArray(test['answers']) ? { ...test, answers: [] } : test,
		),
	}),
};

export function decode(raw: string | null): Decoded {
	if (raw === null) return { kind: 'empty' };
	if (raw.length > MAX_STORED_LENGTH) return { kind: 'unreadable', reason: 'too-long' };
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return { kind: 'unreadable', reason: 'not-json' };
	}
	let envelope: Envelope | undefined = parseEnvelope(parsed);
	if (!envelope) return { kind: 'unreadable', reason: 'not-progress' };
	if (envelope.v > PROGRESS_VERSION) return { kind: 'newer', version: envelope.v };
	while (envelope.v < PROGRESS_VERSION) {
		const step: ((from: Envelope) => Envelope) | undefined = MIGRATIONS[envelope.v];
		if (!step) return { kind: 'unreadable', reason: 'no-migration' };
		envelope = step(envelope);
	}
	return { kind: 'ok', envelope };
}

/** Validates the entries of an envelope into a snapshot; invalid entries are skipped, not fatal. */
export function toProgress(envelope: Envelope): Progress {
	const items = new Map<string, ItemRecord>();
	for (const [id, value] of Object.entries(envelope.items)) {
		const record = parseItemRecord(value);
		if (record) items.set(id, record);
	}
	const tests = envelope.tests.map(parseTestRecord).filter((test): test is TestRecord => test !== undefined);
	return { items, tests, review: envelope.review };
}

export function emptyEnvelope(): Envelope {
	return { v: PROGRESS_VERSION, items: {}, tests: [], review: {}, aside: {} };
}

export interface ProgressStore {
	get(): Progress;
	/** Replaces one item's record, computed from the previous one (for counting attempts). */
	update(id: string, next: (previous: ItemRecord | undefined) => ItemRecord): void;
	addTest(result: TestRecord): void;
	/** The whole stored document, entries this version does not understand included (for export). */
	document(): Envelope;
	/** Replaces the whole document with one computed from it (a review, an import). */
	replace(change: (current: Envelope) => Envelope): void;
	/** Deletes everything stored, including records of ids that no longer exist. */
	reset(): void;
	status(): StorageStatus;
	/** Calls `listener` after every change (here or in another tab); returns the unsubscribe function. */
	subscribe(listener: () => void): () => void;
}

/**
 * Asks the browser not to evict the site's storage. Chromium grants it silently to sites a reader engages with,
 * Firefox may ask the reader, Safari ignores it (hence the 7-day notice on the progress page). Never throws.
 */
function askToPersist(): void {
	try {
		void globalThis.navigator?.storage?.persist?.().catch(() => undefined);
	} catch {
		// Not available here (an old browser, a test environment): nothing to do.
	}
}

/**
 * Creates a store over the storage `getStorage` returns. Reaching `window.localStorage` can itself throw, so
 * it is behind a function, called inside `try`.
 */
export function createProgressStore(getStorage: () => Storage | null | undefined): ProgressStore {
	let envelope: Envelope | undefined;
	let snapshot: Progress | undefined;
	let status: StorageStatus = 'saved';
	const listeners = new Set<() => void>();

	/** Reads the stored document; `undefined` when storage cannot be used. */
	const readStored = (): Decoded | undefined => {
		try {
			const storage = getStorage();
			if (!storage) return undefined;
			return decode(storage.getItem(STORAGE_KEY));
		} catch {
			return undefined;
		}
	};

	const load = (): void => {
		if (status !== 'saved') return;
		const decoded = readStored();
		if (!decoded) {
			status = 'memory';
			return;
		}
		switch (decoded.kind) {
			case 'ok':
				envelope = decoded.envelope;
				return;
			case 'newer':
				status = 'newer';
				envelope = emptyEnvelope();
				return;
			case 'empty':
			case 'unreadable':
				envelope = emptyEnvelope();
				return;
			default:
				return assertNever(decoded);
		}
	};

	const ensureLoaded = (): Envelope => {
		if (!envelope) {
			load();
			envelope ??= emptyEnvelope();
		}
		return envelope;
	};

	const notify = () => {
		for (const listener of listeners) listener();
	};

	/** Applies a change to the latest stored document (or memory), then tries to persist it. */
	const write = (change: (current: Envelope) => Envelope): void => {
		ensureLoaded();
		load(); // pick up other tabs' writes; a no-op once in memory mode
		const next = change(envelope ?? emptyEnvelope());
		envelope = next;
		snapshot = undefined;
		if (status === 'saved') {
			try {
				const storage = getStorage();
				if (!storage) throw new Error('no storage');
				const first = storage.getItem(STORAGE_KEY) === null;
				storage.setItem(STORAGE_KEY, JSON.stringify(next));
				if (first) askToPersist();
			} catch {
				status = 'memory';
			}
		}
		notify();
	};

	let listening = false;
	const listenToOtherTabs = () => {
		if (listening || typeof window === 'undefined') return;
		listening = true;
		window.addEventListener('storage', (event) => {
			if (event.key !== STORAGE_KEY && event.key !== null) return;
			if (status !== 'saved') return;
			load();
			snapshot = undefined;
			notify();
		});
	};

	return {
		get() {
			snapshot ??= toProgress(ensureLoaded());
			return snapshot;
		},
		update(id, next) {
			write((current) => {
				const previous = parseItemRecord(current.items[id]);
				const record = next(previous);
				const stored = record.kind === 'explain' ? { ...record, draft: record.draft.slice(0, MAX_DRAFT) } : record;
				return { ...current, items: { ...current.items, [id]: stored } };
			});
		},
		addTest(result) {
			write((current) => ({ ...current, tests: [...current.tests, result].slice(-MAX_TESTS) }));
		},
		document() {
			return ensureLoaded();
		},
		replace(change) {
			write(change);
		},
		reset() {
			ensureLoaded();
			envelope = emptyEnvelope();
			snapshot = undefined;
			// The reader asked for a clean slate: this also clears a newer version's data.
			if (status !== 'memory') {
				try {
					getStorage()?.removeItem(STORAGE_KEY);
					status = 'saved';
				} catch {
					status = 'memory';
				}
			}
			notify();
		},
		status() {
			ensureLoaded();
			return status;
		},
		subscribe(listener) {
			listeners.add(listener);
			listenToOtherTabs();
			return () => listeners.delete(listener);
		},
	};
}

/** The page's store, over `window.localStorage`. */
export const progress: ProgressStore = createProgressStore(() => globalThis.localStorage);
