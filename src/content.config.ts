import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import type { CompiledSet } from './lib/practice/compiled.ts';
import { practiceLoader } from './lib/practice/loader.ts';

export const collections = {
	docs: defineCollection({
		loader: docsLoader(),
		schema: docsSchema({
			// A lesson's one-line summary, shown in the home page's list of lessons (LessonList.astro).
			extend: z.object({ summary: z.string().optional() }),
		}),
	}),
	/**
	 * Starlight's UI strings, overridden in `src/content/i18n/en.json`. Starlight reads this collection on every
	 * build; left undefined, Astro warns that it does not exist.
	 */
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
	/**
	 * Practice sets: YAML under `src/content/practice`, validated and compiled by our own loader (which
	 * reports author errors with file, id and fix). The schema only types the compiled entries.
	 */
	practice: defineCollection({
		loader: practiceLoader({ base: 'src/content/practice' }),
		schema: z.custom<CompiledSet>(),
	}),
};
