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

/** The link to a section of a lesson: `/lessons/<slug>/#<section>`, or the lesson itself. */
export function sectionHref(lesson: LessonInfo, section: string | undefined): string {
	return section ? `${lesson.href}#${section}` : lesson.href;
}
