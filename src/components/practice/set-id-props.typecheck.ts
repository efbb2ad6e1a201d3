/**
 * Checked by `npm run check`, never run: the practice components accept only the ids of existing sets of their
 * own type, so the editor completes ids and underlines a wrong one. Each `@ts-expect-error` fails the check if
 * the mistake under it stops being a type error (for example when the generated set-id types are missing).
 */
import type { ComponentProps } from 'astro/types';
import type { ExplainIt, Flashcards, Practice, Quiz } from './index.ts';

export const accepted = [
	{ id: 'aget/cards' } satisfies ComponentProps<typeof Flashcards>,
	{ id: 'aget/quiz' } satisfies ComponentProps<typeof Quiz>,
	{ id: 'aget/explain' } satisfies ComponentProps<typeof ExplainIt>,
	{ id: 'aget/problems' } satisfies ComponentProps<typeof Practice>,
];

export const rejected = [
	// @ts-expect-error: a misspelt id names no set
	{ id: 'aget/quizz' } satisfies ComponentProps<typeof Quiz>,
	// @ts-expect-error: a cards set is not a quiz
	{ id: 'aget/cards' } satisfies ComponentProps<typeof Quiz>,
	// @ts-expect-error: the id is required
	{} satisfies ComponentProps<typeof Practice>,
];
