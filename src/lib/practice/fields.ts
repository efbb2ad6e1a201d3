/**
 * Field schemas shared by every kind of practice item. Each carries an author-facing message that says
 * what is wrong and how to fix it, because these messages are what an author sees when a build stops.
 */
import { z } from 'astro/zod';
import { DIFFICULTIES, LEVELS } from './scales.ts';

export { DIFFICULTIES, LEVELS };

/** Markdown text: inline code, emphasis, links and fenced code blocks. Never empty. */
export const markdown = z
	.string({ error: 'must be Markdown text. Fix: write the text, quoting it if it starts with a backtick.' })
	.trim()
	.min(1, { error: 'must not be empty. Fix: write the text, or remove the item.' });

/**
 * A permanent item id. It keys the reader's stored progress, so it must never change once published:
 * lower-case kebab-case keeps ids readable in URLs and in `localStorage`.
 */
export const itemId = z
	.string({ error: 'is not text. Fix: write a kebab-case id such as `aget-returns-instance`.' })
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
		error:
			'is not lower-case kebab-case. Fix: use only lower-case letters, digits and single hyphens, such as `aget-returns-instance`.',
	});

export const difficulty = z.enum(DIFFICULTIES, {
	error: `must be one of ${DIFFICULTIES.join(', ')}.`,
});
export type Difficulty = z.output<typeof difficulty>;

export const level = z.enum(LEVELS, { error: `must be one of ${LEVELS.join(', ')}.` });
export type Level = z.output<typeof level>;
