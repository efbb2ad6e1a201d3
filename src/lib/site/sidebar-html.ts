/**
 * The sidebar's HTML, rendered once and reused by every page with the same sidebar (src/components/site/Sidebar.astro).
 *
 * Starlight renders the whole sidebar on every page, and a course's sidebar lists every lesson: at 500 lessons
 * that is 500 links (82 KB of HTML) rendered 500 times, about a seventh of the build's page generation. Pages of
 * one course differ only in which link is the current page (`aria-current="page"`, Starlight's `SidebarSublist`
 * writes it right after `href`) and in which collapsed groups the current page opens. So the list is rendered
 * without a current page, with the groups the current page opens already open, and cached under a key that
 * holds everything else the list shows; each page then marks its current links in the cached HTML. The result
 * is the HTML Starlight renders for that page, byte for byte.
 */
import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import { addAttribute } from 'astro/runtime/server/index.js';

type Entry = StarlightRouteData['sidebar'][number];
type Link = Extract<Entry, { type: 'link' }>;

/** Whether a group holds the current page at any depth (Starlight's `sidebarGroupHasCurrent`). */
function hasCurrent(entries: readonly Entry[]): boolean {
	return entries.some((entry) => (entry.type === 'link' ? entry.isCurrent : hasCurrent(entry.entries)));
}

/** Every link marked as the current page. */
export function currentLinks(entries: readonly Entry[]): Link[] {
	return entries.flatMap((entry) =>
		entry.type === 'link' ? (entry.isCurrent ? [entry] : []) : currentLinks(entry.entries),
	);
}

/** The sidebar without a current page, each group that the current page opens marked open (not collapsed). */
export function withoutCurrent(entries: readonly Entry[]): Entry[] {
	return entries.map((entry) =>
		entry.type === 'link'
			? { ...entry, isCurrent: false }
			: { ...entry, collapsed: entry.collapsed && !hasCurrent(entry.entries), entries: withoutCurrent(entry.entries) },
	);
}

/**
 * What the list's HTML depends on, apart from which links are current: two pages with the same key render the
 * same list. Each link's href, label, badge and attributes; each group's label, badge and whether it is open
 * (Starlight opens a collapsed group that holds the current page). Built by hand rather than with
 * `JSON.stringify`, which took three times as long on a 500-lesson sidebar (it is built for every page).
 */
export function sidebarKey(entries: readonly Entry[]): string {
	const parts: string[] = [];
	keyOf(entries, parts);
	return parts.join('\u0000');
}

/** Adds the key's parts of `entries` to `parts`; whether any of them is the current page. */
function keyOf(entries: readonly Entry[], parts: string[]): boolean {
	let current = false;
	for (const entry of entries) {
		const extra = entry.badge === undefined ? '' : JSON.stringify(entry.badge);
		if (entry.type === 'link') {
			current ||= entry.isCurrent;
			const attrs = Object.keys(entry.attrs).length === 0 ? '' : JSON.stringify(entry.attrs);
			parts.push('l', entry.href, entry.label, extra, attrs);
		} else {
			const at = parts.push('g', entry.label, extra, '');
			const holds = keyOf(entry.entries, parts);
			parts[at - 1] = entry.collapsed && !holds ? 'closed' : 'open';
			parts.push('/g');
			current ||= holds;
		}
	}
	return current;
}

/** Marks the current links in a list rendered without a current page, where Starlight writes `aria-current`. */
export function markCurrent(html: string, current: readonly Link[]): string {
	let marked = html;
	for (const href of new Set(current.map((link) => link.href))) {
		// Astro's own escaping of the attribute (it escapes only `&` and `"`), so the href is found as it is written.
		const start = `<a${String(addAttribute(href, 'href'))}`;
		marked = marked
			.replaceAll(`${start} `, `${start} aria-current="page" `)
			.replaceAll(`${start}>`, `${start} aria-current="page">`);
	}
	return marked;
}

/** Rendered lists by key; a few, so a page with a sidebar of its own does not push out the course's. */
const cache = new Map<string, string>();
const CACHE_SIZE = 4;

/**
 * The list's HTML for a page's sidebar: from the cache, or rendered by `render` (which renders
 * `withoutCurrent(entries)`) and cached.
 */
export async function sidebarHtml(entries: readonly Entry[], render: () => Promise<string>): Promise<string> {
	const key = sidebarKey(entries);
	let html = cache.get(key);
	if (html === undefined) {
		html = await render();
		cache.set(key, html);
		if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
	}
	return markCurrent(html, currentLinks(entries));
}
