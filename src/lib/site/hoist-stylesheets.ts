/**
 * Moves stylesheet links that a page carries in its `<body>` into its `<head>`.
 *
 * Expressive Code links its stylesheet at a page's first code block, deep in the body. A browser that meets a
 * stylesheet there may paint what it has parsed so far without it, then restyle. In the head the stylesheet is
 * loaded before the first paint, like every other style. (The 0.41 layout shift once blamed on this came from
 * Starlight's right sidebar: see the end of src/styles/site.css.)
 */
export const BODY_LINK = /<link rel="stylesheet"[^>]*>/g;

export function hoistStylesheets(html: string): string {
	const headEnd = html.indexOf('</head>');
	if (headEnd === -1) return html;
	const head = html.slice(0, headEnd);
	const body = html.slice(headEnd);
	const links = body.match(BODY_LINK) ?? [];
	if (links.length === 0) return html;
	const fresh = [...new Set(links)].filter((link) => !head.includes(link));
	return head + fresh.join('') + body.replace(BODY_LINK, '');
}

/** A stylesheet link, for every medium or for one (`media="print"`: Starlight's print stylesheet). */
const LINK = /<link rel="stylesheet" href="([^"]+)"(?: media="([^"]+)")?>/g;

/** The same, for one link tag whole (the one-pass rewrite of csp-audit.ts reads tags by `BODY_LINK`). */
const ONE_LINK = /^<link rel="stylesheet" href="([^"]+)"(?: media="([^"]+)")?>$/;

/**
 * Replaces each stylesheet link whose file `read` can give with a `<style>` of its text (keeping its `media`):
 * Astro's own stylesheets (it links them: `build.inlineStylesheets: 'never'`, so that this runs in the build's
 * worker threads rather than on Astro's one). Expressive Code links its stylesheet itself;
 * on a slow phone that link was a round trip before the first paint (Lighthouse: about 170 ms of the lessons'
 * LCP). Starlight's print stylesheet is not needed to paint, but Lighthouse counts every request that ends before
 * the largest paint as holding it (a fresh connection: about 300 ms in its simulation), and inlined it costs
 * less than its request.
 */
export function inlineStylesheets(html: string, read: (href: string) => string | undefined): string {
	return html.replace(LINK, (link, href: string, media: string | undefined) => inlined(link, href, media, read));
}

function inlined(link: string, href: string, media: string | undefined, read: (href: string) => string | undefined) {
	const css = read(href);
	if (css === undefined || css.includes('</style')) return link;
	return media === undefined ? `<style>${css}</style>` : `<style media="${media}">${css}</style>`;
}

/** What `inlineStylesheets` makes of one whole `<link rel="stylesheet" …>` tag. */
export function inlineStylesheet(link: string, read: (href: string) => string | undefined): string {
	const match = ONE_LINK.exec(link);
	return match ? inlined(link, match[1] ?? '', match[2], read) : link;
}
