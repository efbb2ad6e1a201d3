/**
 * `client:afterpaint`: hydrate at load, once the page has painted (`awaitablePainted`, set by the loader in
 * src/components/site/Head.astro; see after-paint.ts). Where the loader is missing, at once, as `client:load`.
 */
import type { ClientDirective } from 'astro';

declare global {
	var awaitablePainted: Promise<void> | undefined;
}

const afterPaint: ClientDirective = (load) => {
	void (self.awaitablePainted ?? Promise.resolve()).then(async () => (await load())());
};

export default afterPaint;
