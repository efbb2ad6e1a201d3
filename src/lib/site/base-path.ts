/**
 * Building URLs under a base path. The same build can be hosted at a domain root (`/`) or under a sub-path
 * such as a GitHub Pages project site (`/awaitable/`), so every internal link goes through here.
 */

/** Normalizes a configured base to `/` or `/segment/…/` (leading and trailing slash). */
export function normalizeBase(base: string | undefined): string {
	const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
	return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Is this href a root-relative path on this site (not `//host`, not a URL, not a fragment)? */
export function isRootRelative(href: string): boolean {
	return href.startsWith('/') && !href.startsWith('//');
}

/**
 * Prefixes a root-relative path with the base. Other hrefs (absolute URLs, fragments, relative paths) and
 * paths that already carry the base are returned unchanged, so calling it twice is harmless.
 */
export function withBase(href: string, base: string): string {
	const normalized = normalizeBase(base);
	if (!isRootRelative(href) || normalized === '/') return href;
	if (href === normalized.slice(0, -1) || href.startsWith(normalized)) return href;
	return normalized + href.slice(1);
}
