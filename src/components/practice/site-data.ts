/**
 * Build-time lookups over the content collections for the practice components: the lessons in order, the
 * test's question pool and the progress catalog. Thin glue over `astro:content`; the logic is in `src/lib`.
 */
import { getCollection, render } from 'astro:content';
import type { CompiledQuestion, CompiledSet } from '~/lib/practice/compiled.ts';
import { lessonsFrom, type LessonInfo } from '~/lib/lessons/lessons.ts';
import { buildCatalog, itemsOf, type CatalogLesson, type ItemsByType } from '~/lib/progress/catalog.ts';
import { withBase } from '~/lib/site/base-path.ts';
import { slimItems } from '~/lib/practice/slim.ts';
import { setHosts } from '~/lib/practice/set-pages.ts';
import { htmlByKey } from './islands/ui/Html.tsx';

const base = import.meta.env.BASE_URL;

/** A URL on this site, with the base path. */
export const siteHref = (path: string) => withBase(path, base);

/**
 * What an island's props carry: the items without their HTML, which goes to the server render through
 * `htmlByKey` instead (see slim.ts), so the page does not carry every fragment twice.
 */
export function forIsland<T extends { id: string }>(items: readonly T[]): T[] {
	const { items: slim, html } = slimItems(items);
	for (const [key, value] of html) htmlByKey.set(key, value);
	return slim;
}

/** The HTML of every question the test can draw, by key: what `/test/pool.json` serves. */
export async function testPoolHtml(): Promise<Record<string, string>> {
	return Object.fromEntries(slimItems(await testPool()).html);
}

export async function lessons(): Promise<LessonInfo[]> {
	return lessonsFrom(await getCollection('docs'), base);
}

/**
 * Every practice set, in id order. The collection's own order follows the file system's, which differs between
 * machines; the test's draw for a seed depends on the pool's order, so it must not.
 */
async function sets(): Promise<CompiledSet[]> {
	return (await getCollection('practice'))
		.map((entry) => entry.data)
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Every quiz question and practice problem of the lessons (not of other pages, such as the authoring guide's
 * examples). A problem goes in as the question it is (CompiledProblem extends CompiledQuestion), trimmed to
 * what the test shows, to keep the page light.
 */
export async function testPool(): Promise<CompiledQuestion[]> {
	const slugs = new Set((await lessons()).map((lesson) => lesson.slug));
	const pool: CompiledQuestion[] = [];
	for (const set of await sets()) {
		if (!slugs.has(set.lesson) || (set.type !== 'quiz' && set.type !== 'problems')) continue;
		for (const item of set.items) {
			const { id, hash, difficulty, lesson, promptHtml, choices, explanationHtml, section } = item;
			pool.push({
				id,
				hash,
				difficulty,
				lesson,
				promptHtml,
				choices,
				explanationHtml,
				...(section ? { section } : {}),
			});
		}
	}
	return pool;
}

export async function catalog(): Promise<CatalogLesson[]> {
	return buildCatalog(await sets(), await lessons());
}

/** The items of one lesson (or other page's practice), for the per-page status line. */
export async function itemsOfLesson(lesson: string): Promise<ItemsByType> {
	return itemsOf((await sets()).filter((set) => set.lesson === lesson));
}

/** A practice set with the page that embeds it, for the set's own page. */
export interface HostedSet {
	set: CompiledSet;
	/** `path` is the page's path without the base, `href` with it. */
	host: { title: string; path: string; href: string; anchors: { slug: string; text: string }[] };
}

let hostedOnce: Promise<HostedSet[]> | undefined;

/**
 * Every practice set some page embeds, with that page. Both the set pages and their JSON need it; a build
 * computes it once (a dev server each time, so edits show).
 */
export function hostedSets(): Promise<HostedSet[]> {
	if (import.meta.env.DEV) return findHostedSets();
	hostedOnce ??= findHostedSets();
	return hostedOnce;
}

async function findHostedSets(): Promise<HostedSet[]> {
	const hosts = setHosts(await getCollection('docs'));
	// Rendering a page for its headings is the costly part: once per page, not once per set.
	const pages = new Map<string, Promise<HostedSet['host']>>();
	const hostOf = (entry: NonNullable<ReturnType<typeof hosts.get>>) => {
		let host = pages.get(entry.id);
		if (!host) {
			const path = entry.id === 'index' ? '/' : `/${entry.id}/`;
			host = render(entry).then(({ headings }) => ({
				title: entry.data.title,
				path,
				href: siteHref(path),
				anchors: headings,
			}));
			pages.set(entry.id, host);
		}
		return host;
	};
	const hosted: HostedSet[] = [];
	for (const set of await sets()) {
		const entry = hosts.get(set.id);
		if (entry) hosted.push({ set, host: await hostOf(entry) });
	}
	return hosted;
}
