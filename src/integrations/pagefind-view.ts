/**
 * What Pagefind reads of a page (pagefind-pages.ts), apart from the module that runs Pagefind: the build's page pass
 * computes it in its worker threads (csp-audit.ts), from each page as Astro rendered it.
 */

/** The attribute with which Pagefind keeps a page in its index (and drops the pages without it). */
export const PAGEFIND_BODY = 'data-pagefind-body';

/** Whether a byte ends a tag name (whitespace, `/` or `>`). */
function endsTagName(byte: number | undefined): boolean {
	return byte === 32 || byte === 9 || byte === 10 || byte === 12 || byte === 13 || byte === 47 || byte === 62;
}

/** Whether `page` has `text` between `from` and `to`. */
function hasBetween(page: Buffer, text: string, from: number, to: number): boolean {
	return to > from && page.subarray(from, to).includes(text);
}

/**
 * The page without the parts of its `<body>` outside the element marked `data-pagefind-body` (a copy of its
 * bytes), or undefined to give Pagefind the page itself. Pagefind reads nothing of those parts but `data-pagefind-*`
 * attributes, the first `<h1>` and the first `<img>` after it (its `title` and `image`): so a part goes only
 * without them. Starlight's sidebar, about 160 B per lesson in every page (80 KB per page at 500 lessons), was half
 * of Pagefind's time. The head, `<html>`'s attributes and the marked element are the page's bytes unchanged.
 *
 * Undefined (the whole page) unless: one element is marked, inside `<body>`; its end is the last closing tag of
 * its name in the body (counting the ones nested in it); the first `<h1>` of the page is in it; and the parts that
 * go have no `data-pagefind` text, no `<h1>`, and after the element no `<img>`.
 */
export function pagefindView(page: Buffer): Buffer | undefined {
	const marker = page.indexOf(PAGEFIND_BODY);
	if (marker === -1 || page.indexOf(PAGEFIND_BODY, marker + 1) !== -1) return undefined;
	const open = page.lastIndexOf('<', marker);
	const tagEnd = page.indexOf('>', marker);
	if (open === -1 || tagEnd === -1 || page.indexOf('<', open + 1) < tagEnd) return undefined;
	const name = /^<([a-z][a-z0-9-]*)[\s>/]/.exec(page.toString('latin1', open, Math.min(tagEnd + 1, open + 64)))?.[1];
	const bodyOpen = page.indexOf('<body');
	const bodyStart = bodyOpen === -1 ? -1 : page.indexOf('>', bodyOpen) + 1;
	const bodyEnd = page.lastIndexOf('</body>');
	if (!name || bodyStart <= 0 || bodyStart > open || bodyEnd === -1) return undefined;
	const opening = `<${name}`;
	const closing = `</${name}>`;
	let depth = 1;
	let at = tagEnd + 1;
	while (depth > 0) {
		const close = page.indexOf(closing, at);
		if (close === -1 || close > bodyEnd) return undefined;
		let nested = page.indexOf(opening, at);
		while (nested !== -1 && nested < close && !endsTagName(page[nested + opening.length]))
			nested = page.indexOf(opening, nested + 1);
		if (nested !== -1 && nested < close) {
			depth++;
			at = nested + opening.length;
		} else {
			depth--;
			at = close + closing.length;
		}
	}
	const end = at;
	if (hasBetween(page, closing, end, bodyEnd)) return undefined;
	// The page's first h1 is in the element.
	if (hasBetween(page, '<h1', 0, open) || hasBetween(page, '<H1', 0, open)) return undefined;
	if (!hasBetween(page, '<h1', open, end) && !hasBetween(page, '<H1', open, end)) return undefined;
	for (const text of ['data-pagefind', 'DATA-PAGEFIND', '<h1', '<H1']) {
		if (hasBetween(page, text, end, bodyEnd)) return undefined;
	}
	if (hasBetween(page, 'data-pagefind', bodyStart, open) || hasBetween(page, 'DATA-PAGEFIND', bodyStart, open))
		return undefined;
	if (hasBetween(page, '<img', end, bodyEnd) || hasBetween(page, '<IMG', end, bodyEnd)) return undefined;
	return Buffer.concat([page.subarray(0, bodyStart), page.subarray(open, end), page.subarray(bodyEnd)]);
}
