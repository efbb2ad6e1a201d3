/**
 * Marks Preact components as Preact's for Astro's server render, so each is rendered once per use instead of
 * twice.
 *
 * When an `.astro` file renders a framework component, Astro asks each renderer whether the component is its
 * own (`check`), unless the component carries the renderer's name under `Symbol.for('astro:renderer')` (what
 * Astro's own `__astro_tag_component__` sets for MDX and JSX). `@astrojs/preact`'s check answers by rendering
 * the component to a string and throwing the result away. `preact({ include })` (astro.config.mjs) makes the check
 * answer no at once for a hydrated island whose module is not a `.tsx` file (Astro then falls back to its only
 * renderer), but a component rendered without hydration, such as each practice page's `SetView` (a whole set),
 * was still rendered twice. `preact-renderer.test.tsx` renders through Astro's container and fails when a
 * tagged component is rendered more than once (an Astro upgrade that stops reading the tag).
 *
 * Server only: tag in a module the `.astro` files import for the build, never in an island's own module, whose
 * code would then reach the browser (see `src/components/practice/server-render.ts`).
 */
const RENDERER = Symbol.for('astro:renderer');
export const PREACT_RENDERER = '@astrojs/preact';

/** Tags each component as Preact's (once; a tagged component stays as it is). */
export function tagPreactComponents(...components: readonly object[]): void {
	for (const component of components) {
		if (RENDERER in component) continue;
		Object.defineProperty(component, RENDERER, { value: PREACT_RENDERER, enumerable: false, writable: false });
	}
}
