/**
 * Build-time glue for the review and progress pages: the reviewable items of every set and the pages that teach
 * them. Thin over `astro:content`; the logic is in `src/lib/review/`.
 */
import { getCollection } from 'astro:content';
import { compiledSet } from '~/lib/practice/dev-sets.ts';
import { lessonsFrom } from '~/lib/lessons/lessons.ts';
import { buildCatalog, type CatalogLesson } from '~/lib/progress/catalog.ts';
import { reviewItems } from '~/lib/review/catalog.ts';
import type { ReviewItem } from '~/lib/review/queue.ts';
import { withBase } from '~/lib/site/base-path.ts';
import type { LessonLink } from './shared.ts';

const base = import.meta.env.BASE_URL;
export const siteHref = (path: string) => withBase(path, base);

export interface ReviewData {
	items: ReviewItem[];
	/** The lessons in reading order, then any other page whose sets have reviewable items (the authoring guide). */
	links: LessonLink[];
	catalog: CatalogLesson[];
}

export async function reviewData(): Promise<ReviewData> {
	const docs = await getCollection('docs');
	const sets = (await getCollection('practice'))
		.map((entry) => compiledSet(entry.data))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const lessons = lessonsFrom(docs, base);
	const items = reviewItems(sets);
	const links: LessonLink[] = [...lessons];
	for (const slug of new Set(items.map((item) => item.lesson))) {
		if (links.some((link) => link.slug === slug)) continue;
		// A set's first id segment names its page: `guide/cards` lives on `guide/authoring`.
		const page = docs.find((entry) => entry.id === slug || entry.id.startsWith(`${slug}/`));
		if (page) links.push({ slug, title: page.data.title, href: siteHref(`/${page.id}/`) });
	}
	return { items, links, catalog: buildCatalog(sets, lessons) };
}
