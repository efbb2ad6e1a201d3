/**
 * A lesson's practice data in the browser: `/practice/<lesson>.json`, fetched once per page however many
 * islands ask for it. The API other features build on (review, progress): `loadLessonPractice(href)` gives
 * every set of the lesson, compiled; `findSet` and `findItem` pick one out; `SetView` (widgets.tsx) renders a set.
 */
import type { CompiledSet, LessonPractice } from '~/lib/practice/compiled.ts';

const loads = new Map<string, Promise<LessonPractice>>();

/** The lesson's practice, fetched once; a failed fetch is forgotten so a later call tries again. */
export function loadLessonPractice(href: string): Promise<LessonPractice> {
	let load = loads.get(href);
	if (!load) {
		load = fetch(href).then((response) =>
			response.ok ? (response.json() as Promise<LessonPractice>) : Promise.reject(new Error(`${response.status}`)),
		);
		load.catch(() => loads.delete(href));
		loads.set(href, load);
	}
	return load;
}

export function findSet(practice: LessonPractice, setId: string): CompiledSet | undefined {
	return practice.sets.find((set) => set.id === setId);
}

/** One item of the lesson, whatever its set, with the set it belongs to. */
export function findItem(
	practice: LessonPractice,
	itemId: string,
): { set: CompiledSet; item: CompiledSet['items'][number] } | undefined {
	for (const set of practice.sets) {
		const item = (set.items as CompiledSet['items'][number][]).find((candidate) => candidate.id === itemId);
		if (item) return { set, item };
	}
	return undefined;
}
