/**
 * The four kinds of practice item. Cross-field rules live beside the shape they constrain, so the
 * message can say exactly what to change.
 */
import { z } from 'astro/zod';
import { difficulty, itemId, level, markdown } from './fields.ts';
import { choice, oneCorrectChoice } from './choice.ts';

export const card = z.strictObject({
	id: itemId,
	level,
	/** The question side. */
	front: markdown,
	/** The answer side, hidden until the reader reveals it. */
	back: markdown,
});

// Starlight's heading slugs (github-slugger) keep letters, digits, `_` and `-`.
const anchor = z.string().regex(/^[a-z0-9_-]+$/, {
	error: "must be a heading anchor of this lesson, such as `there-is-no-afilter` (no leading '#').",
});

const choices = <T extends z.ZodType>(entry: T) =>
	z
		.array(entry, { error: 'must be a list of choices.' })
		.min(2, { error: 'needs at least 2 choices. Fix: add the missing choices.' })
		.max(6, { error: 'has more than 6 choices. Fix: keep the 6 most instructive.' });

export const quizQuestion = z
	.strictObject({
		id: itemId,
		difficulty,
		prompt: markdown,
		choices: choices(choice),
		/** Shown after answering, under the per-choice feedback. */
		explanation: markdown,
		/** The heading anchor in this lesson that teaches the point, linked from the review. */
		section: anchor.optional(),
		/** A tag naming the misconception the question targets, such as `await-queryset`. */
		misconception: itemId.optional(),
	})
	.superRefine((question, ctx) => {
		oneCorrectChoice(question.choices, ctx);
		duplicateChoices(question.choices, ctx);
	});

export const explainQuestion = z.strictObject({
	id: itemId,
	prompt: markdown,
	hint: markdown,
	/** Key concepts the reader ticks off after comparing with the model answer. */
	concepts: z
		.array(markdown, { error: 'must be a list of key concepts.' })
		.min(2, { error: 'needs at least 2 key concepts.' })
		.max(6, { error: 'has more than 6 key concepts. Fix: merge or drop some.' }),
	/** The model answer. */
	answer: markdown,
});

export const problem = z
	.strictObject({
		id: itemId,
		difficulty,
		prompt: markdown,
		choices: choices(choice),
		hint: markdown,
		/** The step-by-step solution, in order. */
		steps: z
			.array(markdown, { error: 'must be a list of solution steps.' })
			.min(1, { error: 'needs at least one solution step.' }),
		/** A one-line quick check. */
		check: markdown,
		mistakes: z
			.array(markdown, { error: 'must be a list of common mistakes.' })
			.min(1, { error: 'needs at least one common mistake.' }),
	})
	.superRefine((item, ctx) => {
		oneCorrectChoice(item.choices, ctx);
		duplicateChoices(item.choices, ctx);
	});

function duplicateChoices(list: readonly { text: string }[], ctx: z.core.$RefinementCtx) {
	const seen = new Set<string>();
	list.forEach((choice, index) => {
		if (seen.has(choice.text)) {
			ctx.addIssue({
				code: 'custom',
				path: ['choices', index, 'text'],
				message: 'repeats an earlier choice. Fix: make every choice different.',
			});
		}
		seen.add(choice.text);
	});
}

export type Card = z.output<typeof card>;
export type QuizQuestion = z.output<typeof quizQuestion>;
export type ExplainQuestion = z.output<typeof explainQuestion>;
export type Problem = z.output<typeof problem>;
