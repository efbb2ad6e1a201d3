import { z } from 'astro/zod';
import { markdown } from './fields.ts';
import { run } from './run.ts';

/** Fields every answer choice has, in quizzes and in practice problems alike. */
const choiceFields = {
	text: markdown,
	/** Why this choice is right or wrong; shown for every choice after answering. */
	feedback: markdown,
	run: run.optional(),
	/** Why code shown in this choice is not executed (for example: a settings fragment). */
	norun: markdown.optional(),
};

function runOrNorun(value: { run?: unknown; norun?: unknown }, ctx: z.core.$RefinementCtx) {
	if (value.run !== undefined && value.norun !== undefined) {
		ctx.addIssue({
			code: 'custom',
			path: ['norun'],
			message: 'has both `run` and `norun`. Fix: keep `run` if the code can run, else keep `norun` with the reason.',
		});
	}
}

/** A quiz choice marks itself right or wrong. */
export const quizChoice = z
	.strictObject({
		...choiceFields,
		correct: z.boolean({ error: 'must be `true` or `false`. Fix: add `correct: true` or `correct: false`.' }),
	})
	.superRefine(runOrNorun);

/** A practice problem's choice; the problem's `answer` names the right one. */
export const problemChoice = z.strictObject(choiceFields).superRefine(runOrNorun);

export type QuizChoice = z.output<typeof quizChoice>;
export type ProblemChoice = z.output<typeof problemChoice>;
