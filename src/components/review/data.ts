/**
 * Build-time glue for the review and progress pages: what their islands need at load, whatever the course's
 * size: the compact index of every item (`encodeCourseIndex`: id, type and lesson), the lessons in reading order
 * (`encodeLessons`) and the other pages with practice (the authoring guide). Hashes, misconceptions and sections
 * come from the lessons' practice data in the browser, for the lessons whose items the reader has stored.
 */
import { encodeLessons } from '~/lib/lessons/lessons.ts';
import { courseIndex, lessons, practiceGroups, siteHref } from '../practice/site-data.ts';
import type { LessonLink } from './shared.ts';

export { siteHref };

export interface ReviewData {
	index: string;
	lessons: string;
	/** Pages other than lessons whose sets have items, such as the authoring guide (`guide/cards`). */
	pages: LessonLink[];
}

export async function reviewData(): Promise<ReviewData> {
	const [groups, lessonList, index] = await Promise.all([practiceGroups(), lessons(), courseIndex()]);
	const slugs = new Set(lessonList.map((lesson) => lesson.slug));
	return {
		index,
		lessons: encodeLessons(lessonList),
		pages: groups
			.filter((group) => !slugs.has(group.lesson) && group.sets.some((set) => set.type !== 'explain'))
			.map(({ lesson, host }) => ({ slug: lesson, title: host.title, href: host.href })),
	};
}
