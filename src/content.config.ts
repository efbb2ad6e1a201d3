import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
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
	 * Practice sets: YAML under `src/content/practice`, validated and compiled by our own loader (which
	 * reports author errors with file, id and fix). The schema only types the compiled entries.
	 */
	practice: defineCollection({
		loader: practiceLoader({ base: 'src/content/practice' }),
		schema: z.custom<CompiledSet>(),
	}),
};
