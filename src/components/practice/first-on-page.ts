/**
 * Which practice component renders first on a page: that one also renders the page's status line. Astro
 * starts rendering a page's components in document order, and this check runs before the first `await` of a
 * component, so the first component in the page wins. Keyed by the request's `locals`, one object per page
 * render, held weakly so nothing outlives the render.
 */
const seen = new WeakSet<object>();

export function isFirstOnPage(locals: object): boolean {
	if (seen.has(locals)) return false;
	seen.add(locals);
	return true;
}
