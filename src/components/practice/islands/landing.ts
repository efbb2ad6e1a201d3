/**
 * Links that land. A lesson's sets render from its data, which makes the page taller above any heading below
 * them: a deep link (`#quiz`), a click in "On this page", or a return with the browser's back button would
 * leave the reader far from where they meant to be. So when the reader is headed somewhere (the URL's hash
 * names an element, or a back/forward visit has a saved position), every set renders right after load, and
 * once all have, the reader is put back where they were headed. Nothing moves after that.
 *
 * A plain visit (no hash, not back/forward) renders each set only as it comes within `RENDER_MARGIN` of the
 * viewport (`whenNeeded`): rendering all of a long lesson's sets at load blocked a phone's main thread for
 * hundreds of milliseconds (Lighthouse's total blocking time) and built thousands of elements nobody had
 * reached yet. A set below the viewport grows below it, so nothing on screen moves; a click in "On this page"
 * renders the rest at once and lands as above.
 *
 * If the reader scrolls on their own before then (wheel, touch, keys), their position wins and nothing is
 * restored. On the practice page sets are rendered whole on the server, so they never change the layout.
 */

const STATE_KEY = 'awScrollY';
let readerScrolled = false;
let restored = false;

function onReaderScroll(event: Event) {
	if (event instanceof KeyboardEvent && !/^(Arrow|Page|Home|End|Space| )/.test(event.key || event.code)) return;
	readerScrolled = true;
}

function savedScrollY(): number | undefined {
	const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
	if (entry?.type !== 'back_forward') return undefined;
	const state = history.state as Record<string, unknown> | null;
	const value = state?.[STATE_KEY];
	return typeof value === 'number' ? value : undefined;
}

let started = false;

/**
 * How far outside the viewport a set starts to render on a plain visit: about two phone screens, so a set has
 * several frames to arrive before a reader scrolling at speed reaches it.
 */
export const RENDER_MARGIN = 1600;

/** Sets waiting to come near the viewport, and the observer that watches them. */
const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;

/**
 * Calls `render` when the set at `element` is needed: at once if the reader is headed somewhere (a hash, or a
 * back/forward return with a saved position), else when it comes within `RENDER_MARGIN` of the viewport.
 */
export function whenNeeded(element: Element | null, render: () => void): void {
	if (!element || location.hash.length > 1 || savedScrollY() !== undefined) return render();
	observer ??= new IntersectionObserver(
		(entries) => {
			// Once rendered, the placeholder leaves the page, and the observer with it.
			for (const { target, isIntersecting } of entries) {
				if (isIntersecting) waiting.get(target)?.();
				if (isIntersecting) waiting.delete(target);
			}
		},
		{ rootMargin: `${RENDER_MARGIN}px 0px` },
	);
	waiting.set(element, render);
	observer.observe(element);
}

/** Called by each set island as it mounts: starts watching the reader once per page. */
export function watchLanding(): void {
	if (started || typeof window === 'undefined') return;
	started = true;
	// We restore positions ourselves once the sets have rendered; the browser's own restoration would run
	// against a page that is not yet its full height.
	history.scrollRestoration = 'manual';
	for (const type of ['wheel', 'touchmove', 'keydown']) {
		addEventListener(type, onReaderScroll, { passive: true, capture: true });
	}
	// A click in "On this page" or any same-page link: a new target, to restore if sets are still rendering.
	addEventListener('hashchange', () => {
		readerScrolled = false;
		restored = false;
		// The sets still waiting render now (each settles as it arrives); the last one lands on the target.
		if (!waiting.size) settle();
		for (const render of waiting.values()) render();
		waiting.clear();
	});
	// Remember where the reader was, for a return with back or forward.
	addEventListener('pagehide', () => {
		try {
			history.replaceState({ ...(history.state as object | null), [STATE_KEY]: scrollY }, '');
		} catch {
			// A sandboxed page may refuse; the hash still lands.
		}
	});
}

/**
 * Scrolls `target` to the top, then keeps it there for the next frames until it has stayed put for a few: code
 * blocks near the new viewport are laid out only once they come near it (`content-visibility: auto` in
 * site.css) and are often shorter than their placeholder. The browser's scroll anchoring holds the target while
 * they do (site.css keeps Starlight's right sidebar from being the anchor); in a browser without it, they move the
 * target a frame or two later, and this puts it back.
 */
function land(target: HTMLElement, frames = 90): void {
	target.scrollIntoView({ block: 'start', behavior: 'instant' });
	const wanted = target.getBoundingClientRect().top;
	let still = 0;
	const check = (left: number) => {
		if (readerScrolled || left <= 0 || still >= 6) return;
		if (Math.abs(target.getBoundingClientRect().top - wanted) >= 1) {
			target.scrollIntoView({ block: 'start', behavior: 'instant' });
			still = 0;
		} else still++;
		requestAnimationFrame(() => check(left - 1));
	};
	requestAnimationFrame(() => check(frames));
}

/** Called by each set island once it has rendered its set (or given up): restores the target when all have. */
export function settle(): void {
	if (!started || restored) return;
	if (document.querySelector('.aw-widget[data-pending]')) return;
	restored = true;
	if (readerScrolled) return;
	const id = decodeURIComponent(location.hash.slice(1));
	const target = id ? document.getElementById(id) : null;
	if (target) {
		land(target);
		return;
	}
	const saved = savedScrollY();
	if (saved !== undefined) scrollTo({ top: saved, behavior: 'instant' });
}
