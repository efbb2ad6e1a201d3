/**
 * The course's lessons, in reading order, as the practice features see them: the test draws only from sets
 * of real lessons (not the authoring guide's examples), links back to them, and the progress page lists them.
 */
import { withBase } from '../site/base-path.ts';

export interface LessonInfo {
	/** The lesson's slug: its page is `/lessons/<slug>/` and its practice sets `<slug>/<type>`. */
	slug: string;
	title: string;
	/** The lesson page's URL, with the site's base path. */
	href: string;
}

/** The part of a Starlight docs entry this needs. */
export interface DocsEntryLike {
	id: string;
	data: { title: string; sidebar?: { order?: number | undefined; label?: string | undefined } | undefined };
}

const PREFIX = 'lessons/';

/** Lesson pages (`src/content/docs/lessons/*.mdx`) sorted by their sidebar order, then slug. */
export function lessonsFrom(entries: readonly DocsEntryLike[], base: string): LessonInfo[] {
	return entries
		.filter((entry) => entry.id.startsWith(PREFIX) && !entry.id.slice(PREFIX.length).includes('/'))
		.map((entry) => ({ entry, slug: entry.id.slice(PREFIX.length), order: entry.data.sidebar?.order }))
		.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
		.map(({ entry, slug }) => ({ slug, title: entry.data.title, href: withBase(`/${PREFIX}${slug}/`, base) }));
}

/**
 * The lessons as one string for an island's props, one `slug<TAB>title` line each (a title's runs of white space
 * become one space, as HTML shows them): the test page's list of 500 lessons took 4 KB gzip as objects, each
 * with its href; `decodeLessons` derives the hrefs from `lessonsHref` (`/lessons/` with the base).
 */
export function encodeLessons(lessons: readonly LessonInfo[]): string {
	return lessons.map(({ slug, title }) => `${slug}\t${title.replace(/\s+/g, ' ')}`).join('\n');
}

export function decodeLessons(text: string, lessonsHref: string): LessonInfo[] {
	return text
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => {
			const [slug = '', title = ''] = line.split('\t');
			return { slug, title, href: `${lessonsHref}${slug}/` };
		});
}

/** The link to a section of a lesson: `/lessons/<slug>/#<section>`, or the lesson itself. */
export function sectionHref(lesson: LessonInfo, section: string | undefined): string {
	return section ? `${lesson.href}#${section}` : lesson.href;
}

/**
 * What follows a lesson, for its "Next" section: the next lesson in reading order, or the end of the course on
 * the last one; `undefined` for a page that is not a lesson. Derived, so adding a lesson updates the end of the
 * one before it.
 */
export function nextLesson(
	lessons: readonly LessonInfo[],
	slug: string,
): { last: false; lesson: LessonInfo } | { last: true } | undefined {
	const index = lessons.findIndex((lesson) => lesson.slug === slug);
	if (index === -1) return undefined;
	const next = lessons[index + 1];
	return next ? { last: false, lesson: next } : { last: true };
}
