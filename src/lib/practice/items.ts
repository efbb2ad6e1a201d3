/**
 * The four kinds of practice item. Cross-field rules live beside the shape they constrain, so the
 * message can say exactly what to change.
 */
import { z } from 'astro/zod';
import type { AuthorIssueParams } from './author-errors.ts';
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
	error:
		"is not a heading anchor. Fix: write the anchor of a heading of this lesson, such as `there-is-no-afilter` (no leading '#').",
});

const choices = <T extends z.ZodType>(entry: T) =>
	z
		.array(entry, { error: 'is not a list. Fix: write the choices as a list, each starting with `- text:`.' })
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
		.array(markdown, { error: 'is not a list. Fix: write the key concepts as a list, one `- ` line each.' })
		.min(2, { error: 'needs at least 2 key concepts. Fix: add the concepts a good answer names.' })
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
			.array(markdown, { error: 'is not a list. Fix: write the solution steps as a list, one `- ` line each.' })
			.min(1, { error: 'needs at least one solution step. Fix: add the steps that lead to the answer.' }),
		/** A one-line quick check. */
		check: markdown,
		mistakes: z
			.array(markdown, { error: 'is not a list. Fix: write the common mistakes as a list, one `- ` line each.' })
			.min(1, { error: 'needs at least one common mistake. Fix: add the mistake readers most often make here.' }),
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
				params: { authorCode: 'AW202' } satisfies AuthorIssueParams,
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
