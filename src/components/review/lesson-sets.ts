/**
 * The practice sets of some lessons in the browser, from the lessons' data (`loadLessonPractice`, one fetch per
 * lesson and page), in set-id order as the build's catalog has them. A lesson whose data could not be loaded
 * (offline, a failed request) is listed in `failed`, and the caller says so.
 */
import type { CompiledSet } from '~/lib/practice/compiled.ts';
import { loadLessonPractice } from '~/components/practice/islands/lesson-data.ts';
import { bySetId } from '~/lib/review/course-index.ts';

export async function loadSets(
	practiceHref: string,
	lessons: readonly string[],
): Promise<{ sets: Map<string, CompiledSet[]>; failed: string[] }> {
	const results = await Promise.allSettled(
		lessons.map((lesson) => loadLessonPractice(`${practiceHref}${lesson}.json`)),
	);
	const sets = new Map<string, CompiledSet[]>();
	const failed: string[] = [];
	results.forEach((result, index) => {
		const lesson = lessons[index] as string;
		if (result.status === 'fulfilled') sets.set(lesson, result.value.sets.toSorted(bySetId));
		else failed.push(lesson);
	});
	return { sets, failed };
}
