// First: Node's source maps off for the modules after it in `astro build` (src/lib/site/build-source-maps.ts).
import './lib/site/build-source-maps.ts';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import type { StoredSet } from './lib/practice/dev-sets.ts';
import { withoutBodies } from './lib/site/docs-loader.ts';
import { builtOnce } from './lib/site/docs-schema.ts';
import { practiceLoader } from './lib/practice/loader.ts';
import { PRACTICE_DIRECTORY } from './lib/practice/set-index.ts';

export const collections = {
	docs: defineCollection({
		// Without the pages' text in the content store: src/lib/site/docs-loader.ts.
		loader: withoutBodies(docsLoader()),
		// Built once, not once per page: src/lib/site/docs-schema.ts.
		schema: builtOnce(
			docsSchema({
				extend: z.object({
					// A lesson's one-line summary, shown in the home page's list of lessons (LessonList.astro).
					summary: z.string().optional(),
					// Not frontmatter: set by the loader from the page's text (withoutBodies), read by MarkdownContent.astro.
					hasSamples: z.boolean().default(false),
				}),
			}),
		),
	}),
	/**
	 * Starlight's UI strings, overridden in `src/content/i18n/en.json`. Starlight reads this collection on every
	 * build; left undefined, Astro warns that it does not exist.
	 */
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
	/**
	 * Practice sets: YAML under `src/content/practice`, validated and compiled by our own loader (which
	 * reports author errors with file, id and fix). The schema only types the entries: a compiled set, or in
	 * `astro dev` a reference to one (read them with `compiledSet`, src/lib/practice/dev-sets.ts).
	 */
	practice: defineCollection({
		loader: practiceLoader({ base: PRACTICE_DIRECTORY }),
		schema: z.custom<StoredSet>(),
	}),
};
