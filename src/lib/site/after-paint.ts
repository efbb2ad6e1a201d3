/**
 * Nothing but the document before the main text paints (issue 15, Lighthouse LCP).
 *
 * Lighthouse's mobile figures are simulated (Lantern): every request that ended before the observed largest
 * paint is counted as holding it, each small file on a fresh connection of the simulated 150 ms network (about
 * 300 ms). On localhost Starlight's module scripts (search, tables of contents, Expressive Code's copy button),
 * our runner buttons, the islands' entries, the print stylesheet and the logo all came back before a lesson's
 * main text had painted: the lessons' LCP was 1.18–1.21 s where the document and the first layout alone give
 * 0.85–0.95 s. None of them is needed to paint, so the build keeps them from the network until the page has
 * painted once after it was parsed:
 *
 * - module scripts become inert (`deferModuleScripts`: a type no browser runs or preloads) and the loader in
 *   `src/components/site/Head.astro` imports them once `awaitablePainted` settles (the first frame after
 *   `DOMContentLoaded`, and one more so that frame has been presented);
 * - islands that hydrate at load use `client:afterpaint` (`after-paint-directive.ts`), which waits for the same
 *   promise;
 * - small SVG images become `data:` URLs (`inlineSmallImages`: the logo, 0.35 KB) and the print stylesheet is
 *   inlined with its medium (hoist-stylesheets.ts).
 *
 * `e2e/first-paint.spec.ts` checks that a page requests nothing before its main text has painted.
 */

/** The `type` of a deferred module script: not a JavaScript type, so browsers neither run nor fetch it. */
export const AFTER_PAINT_TYPE = 'awaitable/after-paint';

const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/** Turns every external module script into an inert one the after-paint loader imports. */
export function deferModuleScripts(html: string): string {
	return html.replace(MODULE_SCRIPT, `<script type="${AFTER_PAINT_TYPE}" src="$1"></script>`);
}

/** Images up to this size go into the page as `data:` URLs (Vite's own limit for assets is 4 KB). */
export const INLINE_IMAGE_LIMIT = 1024;

const SVG_IMAGE = /(<img\b[^>]*\ssrc=")([^"]+\.svg)(")/g;

/** An SVG as a `data:` URL that stays readable and small: only the characters that must be escaped are. */
export function svgDataUrl(svg: string): string {
	const text = svg.trim().replace(/\s+/g, ' ');
	const quoted = text.includes("'") ? text : text.replace(/"/g, "'");
	return `data:image/svg+xml,${quoted.replace(/[%#&"<>?[\\\]^`{|}]/g, encodeURIComponent)}`;
}

/** Replaces the `src` of every `<img>` showing an SVG that `read` can give, up to `INLINE_IMAGE_LIMIT` bytes. */
export function inlineSmallImages(html: string, read: (src: string) => string | undefined): string {
	return html.replace(SVG_IMAGE, (tag, start: string, src: string, end: string) => {
		const svg = read(src);
		return svg === undefined || Buffer.byteLength(svg) > INLINE_IMAGE_LIMIT ? tag : `${start}${svgDataUrl(svg)}${end}`;
	});
}
