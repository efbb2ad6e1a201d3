/**
 * Starlight's `docsLoader()` without the pages' text in the content store (issue 10, the dev reload).
 *
 * Astro's `glob()` keeps each entry's source as `body` unless told `retainBody: false`, an option
 * `docsLoader()` does not pass on. Nothing reads it once the page is compiled (Starlight renders the MDX module,
 * Pagefind indexes the built HTML) except whether a lesson has Python samples, so this wrapper works out that
 * flag while the text is at hand and stores the entry without it, as `retainBody: false` would. In `astro dev`
 * every save rewrites `.astro/data-store.json` and the reloaded page makes Vite transform and run it as one
 * module: at 500 lessons the text was 3.4 MB of its 3.8.
 *
 * It wraps the store Starlight's loader writes to rather than copying its glob pattern and base: Starlight stays
 * the one source of which files are pages.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

/** Whether a page's Markdown text has a Python code block (```py or ```python): a lesson with Run buttons. */
export function hasPythonSamples(body: string): boolean {
	return /```py(thon)?\b/.test(body);
}

type Store = LoaderContext['store'];

/** `loader` with each entry stored without its `body`, and `data.hasSamples` set from that body instead. */
export function withoutBodies(loader: Loader): Loader {
	return {
		...loader,
		load: (context) => {
			const set: Store['set'] = ({ body, ...entry }) =>
				context.store.set({ ...entry, data: { ...entry.data, hasSamples: hasPythonSamples(body ?? '') } });
			return loader.load({ ...context, store: { ...context.store, set } });
		},
	};
}
