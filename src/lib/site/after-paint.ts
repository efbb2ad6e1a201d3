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
 * - module scripts become inert (`deferModuleScripts`: a type no browser runs or preloads) and
 *   `AFTER_PAINT_LOADER`, in every page's head (src/components/site/Head.astro), imports them once the first
 *   frame after the page was parsed has been presented;
 * - islands that hydrate at load use `client:afterpaint` (`after-paint-directive.ts`), which waits for the same
 *   promise;
 * - small SVG images become `data:` URLs (`inlineSmallImages`: the logo, 0.35 KB) and the print stylesheet is
 *   inlined with its medium (hoist-stylesheets.ts);
 * - what a script would move on screen is in place from the first paint: the runner's markers under a lesson's
 *   samples show by CSS when scripts run, the Run bar's line reserved (src/styles/site.css).
 *
 * `e2e/first-paint.spec.ts` checks that a page requests nothing before its main text has painted.
 */

/** The `type` of a deferred module script: not a JavaScript type, so browsers neither run nor fetch it. */
export const AFTER_PAINT_TYPE = 'after-paint';

/**
 * The loader, inline in every page's head (hashed for the CSP by csp-headers.ts), written small: it counts as
 * JavaScript at load. Once the page is parsed, `awPainted` settles when a largest-paint entry for the main
 * pane's text exists (an entry is made once its frame has been presented: the main thread's paint can be 20–70
 * ms ahead of that in headless Chromium, and its next frames too), at once if the main text was presented while
 * the page was still being parsed, or 100 ms after parsing when the largest paint is not in the main pane. Then
 * it imports the inert module scripts.
 */
export const AFTER_PAINT_LOADER = `(self.awPainted=new Promise(p=>addEventListener("DOMContentLoaded",()=>{new PerformanceObserver(l=>l.getEntries().some(e=>e.element?.closest("main"))&&p()).observe({type:"largest-contentful-paint",buffered:!0});setTimeout(p,100)}))).then(()=>{for(let s of document.querySelectorAll('script[type="${AFTER_PAINT_TYPE}"]'))import(s.src)})`;

export const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/** Turns every external module script into an inert one the after-paint loader imports. */
export function deferModuleScripts(html: string): string {
	return html.replace(MODULE_SCRIPT, (_, src: string) => deferredModuleScript(src));
}

/** The inert script `deferModuleScripts` puts in place of `<script type="module" src="…"></script>`. */
export function deferredModuleScript(src: string): string {
	return `<script type="${AFTER_PAINT_TYPE}" src="${src}"></script>`;
}

/** Images up to this size go into the page as `data:` URLs (Vite's own limit for assets is 4 KB). */
export const INLINE_IMAGE_LIMIT = 1024;

export const SVG_IMAGE = /(<img\b[^>]*\ssrc=")([^"]+\.svg)(")/g;

/** An SVG as a `data:` URL that stays readable and small: only the characters that must be escaped are. */
export function svgDataUrl(svg: string): string {
	const text = svg.trim().replace(/\s+/g, ' ');
	const quoted = text.includes("'") ? text : text.replace(/"/g, "'");
	return `data:image/svg+xml,${quoted.replace(/[%#&"<>?[\\\]^`{|}]/g, encodeURIComponent)}`;
}

/** Replaces the `src` of every `<img>` showing an SVG that `read` can give, up to `INLINE_IMAGE_LIMIT` bytes. */
export function inlineSmallImages(html: string, read: (src: string) => string | undefined): string {
	return html.replace(SVG_IMAGE, (tag, start: string, src: string, end: string) =>
		inlinedImage(tag, start, src, end, read),
	);
}

/** What `inlineSmallImages` makes of one `SVG_IMAGE` match: its tag's start, `src` and closing quote. */
export function inlinedImage(
	tag: string,
	start: string,
	src: string,
	end: string,
	read: (src: string) => string | undefined,
): string {
	const svg = read(src);
	return svg === undefined || Buffer.byteLength(svg) > INLINE_IMAGE_LIMIT ? tag : `${start}${svgDataUrl(svg)}${end}`;
}
