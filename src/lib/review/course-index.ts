/**
 * The review and progress pages' compact index of the course's items, as one string: the pages carry it instead
 * of every item's hash, lesson, set, misconception and section (1.4-1.9 MB of HTML at 500 lessons), and the
 * islands fetch the practice data (`/practice/<lesson>.json`) of only the lessons whose items the reader has
 * stored, deriving the rest with the build's own functions (`reviewItems`, `itemsOf`, `itemHashes`).
 *
 * One line per lesson (one practice data file), `lesson<TAB>c:ids<TAB>q:ids…`: one group per set, in set-id
 * order (the order of the build's catalog, which the queue keeps for items due at the same time), tagged by the
 * set's type (c cards, q quiz, x explain, p problems); ids shortened as in the test's index (`shortId`).
 */
import type { CompiledSet } from '../practice/compiled.ts';
import type { SetType } from '../practice/practice-set.ts';
import { fullId, shortId } from '../test-draw/test-index.ts';

export interface IndexEntry {
	id: string;
	type: SetType;
	/** The lesson (or other page's practice) whose data file has the item. */
	lesson: string;
}

const TAG: Record<SetType, string> = { cards: 'c', quiz: 'q', explain: 'x', problems: 'p' };
const TYPES = Object.keys(TAG) as SetType[];

/** Sets in id order: the order of the catalog the islands derive, whatever order they were loaded in. */
export const bySetId = (a: CompiledSet, b: CompiledSet) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function encodeCourseIndex(sets: readonly CompiledSet[]): string {
	const lines = new Map<string, string[]>();
	for (const set of sets.toSorted(bySetId)) {
		const line = lines.get(set.lesson) ?? [set.lesson];
		line.push(`${TAG[set.type]}:${set.items.map((item) => shortId(set.lesson, item.id)).join(',')}`);
		lines.set(set.lesson, line);
	}
	return [...lines.values()].map((line) => line.join('\t')).join('\n');
}

export function decodeCourseIndex(text: string): IndexEntry[] {
	const entries: IndexEntry[] = [];
	for (const line of text.split('\n')) {
		const [lesson, ...groups] = line.split('\t');
		if (!lesson) continue;
		for (const group of groups) {
			const type = TYPES.find((name) => TAG[name] === group[0]);
			if (!type || group[1] !== ':') continue;
			for (const short of group.slice(2).split(',')) {
				if (short !== '') entries.push({ id: fullId(lesson, short), type, lesson });
			}
		}
	}
	return entries;
}

/** The lessons that hold any of `ids`, in index order; ids the course no longer has are left out. */
export function lessonsOf(entries: readonly IndexEntry[], ids: Iterable<string>): string[] {
	const wanted = new Set(ids);
	return [...new Set(entries.filter((entry) => wanted.has(entry.id)).map((entry) => entry.lesson))];
}
