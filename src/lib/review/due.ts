/**
 * The "n due" count shown on every page. It runs at load on every page, so it is kept tiny (its budget is
 * 0.5 KB gzip): no validator, no scheduler. It reads the stored document as it is and counts what is due with
 * the same rules as the review queue (`queue.ts`), which `due.test.ts` checks against the queue itself:
 *
 * - an item reviewed on `/review/` is due at its stored `due`;
 * - an item answered only in a lesson or a test is due after its latest answer as the scheduler would put it
 *   after a first review (`firstDue` in `queue.ts`: 1 minute after a wrong answer; after a right one 6 minutes
 *   when guessed, 10 when unsure or not said, 8 days when sure).
 *
 * It imports nothing, not even `firstDue`: the review page's islands import the queue, and a module both use
 * would become a chunk of its own, one more request at load on every page.
 */

const MINUTE = 60_000;

/** The progress store's key (`STORAGE_KEY` in `store.ts`, not imported so the store stays out of this script). */
export const DUE_KEY = 'awaitable:progress';

type Loose = Record<
	string,
	{ at: number; due: number; kind: string; correct?: boolean; known?: boolean; conf?: number }
>;
interface Stored {
	items?: Loose;
	review?: Loose;
	tests?: { at: number; answers?: { id: string; correct: boolean }[] }[];
}

/**
 * How many items are due at `now` in a stored document (`JSON.parse` of the stored value). Written for size:
 * a document that is not the store's may throw, and the caller shows no count then.
 */
export function countDue(document: unknown, now: number): number {
	const { items = {}, tests = [], review = {} } = (document ?? {}) as Stored;
	const latest: Record<string, [number, boolean | undefined, number | undefined]> = {};
	// The latest answer of each item not yet reviewed; a lesson answer wins a tie, as in the queue.
	const note = (id: string, at: number, correct: boolean | undefined, conf?: number) => {
		if (!(id in review) && !((latest[id]?.[0] ?? -1) >= at)) latest[id] = [at, correct, conf];
	};
	for (const [id, record] of Object.entries(items)) {
		if (record.kind !== 'explain') note(id, record.at, record.known ?? record.correct, record.conf);
	}
	for (const test of tests) for (const answer of test.answers ?? []) note(answer.id, test.at, answer.correct);
	return (
		Object.values(review).filter((record) => record.due <= now).length +
		Object.values(latest).filter(
			([at, correct, conf = 1]) => at + ([1, 6, 10, 11_520][correct ? conf + 1 : 0] as number) * MINUTE <= now,
		).length
	);
}
