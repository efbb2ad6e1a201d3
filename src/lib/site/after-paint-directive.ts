/**
 * `client:afterpaint`: hydrate at load, once the page has painted (`awPainted`, set by the loader every
 * page has in its head: `AFTER_PAINT_LOADER` in after-paint.ts). Small: it is inline in every page that uses it.
 */
import type { ClientDirective } from 'astro';

declare global {
	var awPainted: Promise<void>;
}

const afterPaint: ClientDirective = (load) => awPainted.then(load).then((hydrate) => hydrate());

export default afterPaint;
