/**
 * Links in practice data (AW208). starlight-links-validator checks the links of the lessons' Markdown, but not
 * those of the HTML the practice loader renders from YAML fields, which has no page file of its own. Here:
 *
 * - `setLinks` reads every `<a href>` out of a compiled set's HTML, naming the file, the item and the authored
 *   field it came from (the HTML is what readers get: links already carry the base path, see base-links-plugin.ts);
 * - `classifyHref` sorts an href into external (not checked), relative (an error: a set is shown on several
 *   pages) or internal (a path on this site, without the base, and its anchor);
 * - `checkLinks` turns the broken ones into author problems, given which pages the build wrote and their ids.
 *
 * The loader records the links of every set (`recordPracticeLinks`) and the integration
 * `src/integrations/practice-links.ts` checks them once the build has written the pages. The loader runs inside
 * Vite's module graph and the integration outside it (two copies of this module): the list lives on `globalThis`.
 */
import type { AuthorProblem } from './author-errors.ts';
import { didYouMean } from './author-errors.ts';
import type { CompiledSet, Html } from './compiled.ts';

export interface PracticeLink {
	/** Repository-relative YAML file. */
	file: string;
	/** The item's id and its position in the file's `items`. */
	id: string;
	item: number;
	/** The authored field, as messages name it (`choices[2].feedback`), and its path from the item. */
	field: string;
	path: (string | number)[];
	/** The href as rendered (with the base path, HTML entities decoded). */
	href: string;
}

/**
 * Compiled fields that repeat an authored one: a problem's `explanationHtml` is its steps in a list (for the
 * site-wide test) and its `answerHtml` the right choice's text. Their links are found in the authored field.
 */
const DERIVED: Partial<Record<CompiledSet['type'], readonly string[]>> = {
	problems: ['explanationHtml', 'answerHtml'],
};

const ANCHOR = /<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the HTML entities an attribute value can hold. */
export function decodeEntities(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
		if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}

/** The hrefs of the `<a>` elements of an HTML fragment, in order. */
export function hrefsOf(html: Html): string[] {
	if (!html.includes('<a')) return [];
	return [...html.matchAll(ANCHOR)].map((match) => decodeEntities(match[1] ?? match[2] ?? match[3] ?? ''));
}

/** Every link of a compiled set, with the item and the authored field it is written in. */
export function setLinks(set: CompiledSet): PracticeLink[] {
	const links: PracticeLink[] = [];
	const derived = DERIVED[set.type] ?? [];
	set.items.forEach((item, index) => {
		const add = (html: unknown, path: (string | number)[]) => {
			if (typeof html !== 'string' || !html.includes('<a')) return;
			const hrefs = hrefsOf(html);
			if (hrefs.length === 0) return;
			const field = path
				.map((part, at) => (typeof part === 'number' ? `[${part}]` : at === 0 ? part : `.${part}`))
				.join('');
			for (const href of hrefs) links.push({ file: set.file, id: item.id, item: index, field, path, href });
		};
		for (const [key, value] of Object.entries(item)) {
			if (key === 'choices' && Array.isArray(value)) {
				for (const choice of value as { index: number; html: Html; feedbackHtml: Html }[]) {
					add(choice.html, ['choices', choice.index, 'text']);
					add(choice.feedbackHtml, ['choices', choice.index, 'feedback']);
				}
				continue;
			}
			if (!key.endsWith('Html') || derived.includes(key)) continue;
			const name = key.slice(0, -'Html'.length);
			if (Array.isArray(value)) value.forEach((html, at) => add(html, [name, at]));
			else add(value, [name]);
		}
	});
	return links;
}

export type LinkTarget =
	| { kind: 'external' }
	| { kind: 'relative' }
	/** `path`: the site path without the base, from `/`; `hash`: the anchor, decoded, or '' for none. */
	| { kind: 'internal'; path: string; hash: string; outsideBase: boolean };

/**
 * Where an href leads. `base` is the normalized base (`/` or `/awaitable/`), `site` the configured origin (a link
 * to it is internal).
 */
export function classifyHref(href: string, base: string, site?: string): LinkTarget {
	let pathAndHash: string;
	if (href.startsWith('//')) return { kind: 'external' };
	if (href.startsWith('/')) pathAndHash = href;
	else if (/^[a-z][a-z\d+.-]*:/i.test(href)) {
		// A URL with a scheme: internal only when it is this site's origin.
		let url: URL;
		let origin: string | undefined;
		try {
			url = new URL(href);
			origin = site === undefined ? undefined : new URL(site).origin;
		} catch {
			return { kind: 'external' };
		}
		if (origin === undefined || url.origin !== origin) return { kind: 'external' };
		pathAndHash = url.pathname + url.search + url.hash;
	} else return { kind: 'relative' };
	const hashAt = pathAndHash.indexOf('#');
	const rawHash = hashAt === -1 ? '' : pathAndHash.slice(hashAt + 1);
	let path = (hashAt === -1 ? pathAndHash : pathAndHash.slice(0, hashAt)).replace(/\?.*$/, '');
	const outsideBase = base !== '/' && !path.startsWith(base);
	if (base !== '/' && !outsideBase) path = `/${path.slice(base.length)}`;
	return { kind: 'internal', path: decodeSafely(path), hash: decodeSafely(rawHash), outsideBase };
}

function decodeSafely(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** The `id` attributes of a built page, decoded. */
export function idsOf(html: string): Set<string> {
	return new Set([...html.matchAll(/\sid\s*=\s*"([^"]*)"/g)].map((match) => decodeEntities(match[1] ?? '')));
}

/** How an id is written in a built page's HTML: ` id="…"`, the value escaped (for a plain text search of the page). */
export const idAttribute = (id: string): string =>
	` id="${id.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`;

export interface SiteTargets {
	/** The normalized base path and the site's origin, as configured. */
	base: string;
	site?: string | undefined;
	/** Whether the build wrote a page (`/lessons/aget/`) or a file (`/practice/aget.json`) at this path. */
	exists: (path: string) => boolean;
	/**
	 * Which of `ids` the page at this path has, looked for as text (`idAttribute`): asked once per page that links
	 * point into with an anchor, with all their anchors.
	 */
	findIds: (path: string, ids: readonly string[]) => Set<string>;
	/** Every id of the page at this path (`idsOf`): asked only to confirm an id `findIds` missed and suggest one. */
	allIds: (path: string) => Set<string>;
	/** Every page's path, for "did you mean". */
	pages: () => readonly string[];
}

const FROM_ROOT = 'from the site\'s root without the base path, such as "/lessons/aget/#heading-id"';

/**
 * The author problems of the links that lead nowhere, one per link; `lineOf` finds a broken link's line in its
 * file (called only for broken links).
 */
export function checkLinks(
	links: readonly PracticeLink[],
	site: SiteTargets,
	lineOf: (link: PracticeLink) => number | undefined = () => undefined,
): AuthorProblem[] {
	const problems: (AuthorProblem | undefined)[] = [];
	/** Links with an anchor into a page that exists, by page: checked after, one look at each page. */
	const anchors = new Map<string, { index: number; link: PracticeLink; hash: string; shown: string }[]>();
	const at = (link: PracticeLink) => ({
		code: 'AW208' as const,
		file: link.file,
		line: lineOf(link),
		id: link.id,
		field: link.field,
	});
	links.forEach((link, index) => {
		const target = classifyHref(link.href, site.base, site.site);
		if (target.kind === 'external') return;
		if (target.kind === 'relative') {
			problems[index] = {
				...at(link),
				message: `has the relative link "${link.href}": a practice set is shown on several pages (its lesson, its practice page, the site-wide test), where a relative link leads to different places. Fix: write it ${FROM_ROOT}.`,
			};
			return;
		}
		const shown = target.path + (target.hash ? `#${target.hash}` : '');
		if (target.outsideBase || !site.exists(target.path)) {
			const slashed = target.path.endsWith('/') ? undefined : `${target.path}/`;
			const fix =
				slashed !== undefined && site.exists(slashed)
					? `end the path with a slash: "${slashed}${target.hash ? `#${target.hash}` : ''}" (every page's address does)`
					: (() => {
							const nearest = didYouMean(target.path, site.pages());
							return `link to a page that exists, written ${FROM_ROOT}${nearest ? `; did you mean "${nearest}"?` : '.'}`;
						})();
			problems[index] = {
				...at(link),
				message: `links to "${shown}", a page this site does not have. Fix: ${/[.?]$/.test(fix) ? fix : `${fix}.`}`,
			};
			return;
		}
		if (target.hash === '' || !target.path.endsWith('/')) return;
		let onPage = anchors.get(target.path);
		if (!onPage) anchors.set(target.path, (onPage = []));
		onPage.push({ index, link, hash: target.hash, shown });
	});
	for (const [path, onPage] of anchors) {
		const found = site.findIds(path, [...new Set(onPage.map(({ hash }) => hash))]);
		let all: Set<string> | undefined;
		for (const { index, link, hash, shown } of onPage) {
			if (found.has(hash) || (all ??= site.allIds(path)).has(hash)) continue;
			const nearest = didYouMean(hash, [...all]);
			problems[index] = {
				...at(link),
				message: `links to "${shown}", but ${path} has no heading or element with the id "${hash}". Fix: use the id of one of its headings (the heading's text in lower case, words joined by "-")${nearest ? `; did you mean "#${nearest}"?` : ', or link to the page without an anchor.'}`,
			};
		}
	}
	return problems.filter((problem) => problem !== undefined);
}

/** The path of a link's field from the file's root, to find its line (`['items', 3, 'choices', 1, 'feedback']`). */
export const fieldPath = (link: PracticeLink): (string | number)[] => ['items', link.item, ...link.path];

const KEY = Symbol.for('awaitable.practice-links');

/** Replaces the recorded links (the loader, after each load in a build). */
export function recordPracticeLinks(links: PracticeLink[]): void {
	(globalThis as { [KEY]?: PracticeLink[] })[KEY] = links;
}

/** The links the loader recorded in this process, or `undefined` when it did not run. */
export function recordedPracticeLinks(): PracticeLink[] | undefined {
	return (globalThis as { [KEY]?: PracticeLink[] })[KEY];
}
