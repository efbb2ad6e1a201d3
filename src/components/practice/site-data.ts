/**
 * Build-time lookups over the content collections for the practice components: the lessons in order, each
 * lesson's practice, the test's question index and the review index. Thin glue over `astro:content`; the
 * logic is in `src/lib`.
 */
import { getCollection, getEntry } from 'astro:content';
import { compiledSet } from '~/lib/practice/dev-sets.ts';
import type { CompiledQuestion, CompiledSet, LessonPractice } from '~/lib/practice/compiled.ts';
import { lessonsFrom, type LessonInfo } from '~/lib/lessons/lessons.ts';
import { itemsOf, type ItemsByType } from '~/lib/progress/catalog.ts';
import { withBase } from '~/lib/site/base-path.ts';
import { docsPath } from '~/lib/practice/set-pages.ts';
import type { TestEntry } from '~/lib/test-draw/draw.ts';
import { SET_TYPES } from '~/lib/practice/kinds.ts';
import { encodeCourseIndex } from '~/lib/review/course-index.ts';

const base = import.meta.env.BASE_URL;

/** A URL on this site, with the base path. */
export const siteHref = (path: string) => withBase(path, base);

/**
 * A lookup computed once per build and shared by every page that asks (a lesson page asked for every set of the
 * course three times: 1,500 pages of a 500-lesson course sorted 2,000 sets each). The collections cannot change
 * during `astro build`; in `astro dev` a saved file changes them, so there each call computes afresh. Callers
 * must not modify what they get.
 */
function oncePerBuild<T>(compute: () => Promise<T>): () => Promise<T> {
	if (import.meta.env.DEV) return compute;
	let value: Promise<T> | undefined;
	return () => (value ??= compute());
}

export const lessons: () => Promise<LessonInfo[]> = oncePerBuild(async () =>
	lessonsFrom(await getCollection('docs'), base),
);

/**
 * Every practice set, in id order. The collection's own order follows the file system's, which differs between
 * machines; the test's draw for a seed depends on the pool's order, so it must not.
 */
const sets: () => Promise<CompiledSet[]> = oncePerBuild(async () =>
	(await getCollection('practice'))
		.map((entry) => compiledSet(entry.data))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
);

/** Every lesson's (or other page's) sets, by the first segment of their ids. */
const setsByLesson: () => Promise<ReadonlyMap<string, CompiledSet[]>> = oncePerBuild(async () => {
	const byLesson = new Map<string, CompiledSet[]>();
	for (const set of await sets()) {
		const list = byLesson.get(set.lesson);
		if (list) list.push(set);
		else byLesson.set(set.lesson, [set]);
	}
	return byLesson;
});

/** One lesson's practice with the page that shows it: a practice page and a data file each. */
export interface PracticeGroup extends LessonPractice {
	/** The page that shows the sets; `path` without the base, `href` with it. */
	host: { id: string; title: string; path: string; href: string };
}

/**
 * Every lesson's practice (sets grouped by the first segment of their ids, in the order lessons show the
 * kinds), for lessons whose page exists. Relations come from ids and the sets' `page`, not from reading MDX.
 */
export const practiceGroups: () => Promise<PracticeGroup[]> = oncePerBuild(async () => {
	const groups: PracticeGroup[] = [];
	for (const [lesson, list] of await setsByLesson()) {
		const ordered = list.toSorted((a, b) => SET_TYPES.indexOf(a.type) - SET_TYPES.indexOf(b.type));
		const hostId = ordered[0]?.page ?? `lessons/${lesson}`;
		const entry = await getEntry('docs', hostId);
		if (!entry) continue;
		const path = docsPath(hostId);
		groups.push({ lesson, sets: ordered, host: { id: hostId, title: entry.data.title, path, href: siteHref(path) } });
	}
	return groups;
});

/** The review and progress pages' compact index of every item with a data file (`encodeCourseIndex`). */
export const courseIndex: () => Promise<string> = oncePerBuild(async () =>
	encodeCourseIndex((await practiceGroups()).flatMap((group) => group.sets)),
);

/**
 * Every quiz question and practice problem of the lessons (not of other pages, such as the authoring guide's
 * examples), in id order. A problem is a question (CompiledProblem extends CompiledQuestion).
 */
const questionPool: () => Promise<CompiledQuestion[]> = oncePerBuild(async () => {
	const slugs = new Set((await lessons()).map((lesson) => lesson.slug));
	const pool: CompiledQuestion[] = [];
	for (const set of await sets()) {
		if (!slugs.has(set.lesson) || set.page !== `lessons/${set.lesson}`) continue;
		if (set.type === 'quiz' || set.type === 'problems') pool.push(...set.items);
	}
	return pool;
});

/** The test's compact index of the pool: what a draw needs, and which lesson's data has each question. */
export async function testIndex(): Promise<TestEntry[]> {
	return (await questionPool()).map(({ id, difficulty, lesson }) => ({ id, difficulty, lesson }));
}

/** The questions of a draw, trimmed to what the test shows. */
export async function testQuestions(ids: readonly string[]): Promise<CompiledQuestion[]> {
	const byId = new Map((await questionPool()).map((question) => [question.id, question]));
	return ids.flatMap((id) => {
		const question = byId.get(id);
		if (!question) return [];
		const { hash, difficulty, lesson, promptHtml, choices, explanationHtml, section } = question;
		return [{ id, hash, difficulty, lesson, promptHtml, choices, explanationHtml, ...(section ? { section } : {}) }];
	});
}

/** The asset tags every set's HTML may need, once each (they are the same for the whole site). */
export const practiceAssets: () => Promise<string[]> = oncePerBuild(async () => [
	...new Set((await sets()).flatMap((set) => set.assets)),
]);

/** The items of one lesson (or other page's practice), for the per-page status line. */
export async function itemsOfLesson(lesson: string): Promise<ItemsByType> {
	return itemsOf((await setsByLesson()).get(lesson) ?? []);
}
