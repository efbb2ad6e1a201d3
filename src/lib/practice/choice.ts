import { z } from 'astro/zod';
import type { AuthorIssueParams } from './author-errors.ts';
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
			params: { authorCode: 'AW203' } satisfies AuthorIssueParams,
			message: 'has both `run` and `norun`. Fix: keep `run` if the code can run, else keep `norun` with the reason.',
		});
	}
}

/** A choice of a quiz question or a practice problem marks itself right or wrong. */
export const choice = z
	.strictObject({
		...choiceFields,
		correct: z.boolean({ error: 'must be `true` or `false`. Fix: add `correct: true` or `correct: false`.' }),
	})
	.superRefine(runOrNorun);

export type Choice = z.output<typeof choice>;

/** Exactly one choice is right; the message names the choices when several claim to be. */
export function oneCorrectChoice(list: readonly Choice[], ctx: z.core.$RefinementCtx) {
	const correct = list.filter((entry) => entry.correct);
	if (correct.length === 1) return;
	ctx.addIssue({
		code: 'custom',
		path: ['choices'],
		params: { authorCode: 'AW201' } satisfies AuthorIssueParams,
		message:
			correct.length === 0
				? 'has no correct choice. Fix: set `correct: true` on the one right answer.'
				: `has ${correct.length} correct choices (${correct.map((entry) => JSON.stringify(entry.text)).join(', ')}), but a question has exactly one right answer. Fix: keep \`correct: true\` on one choice and set the others to \`correct: false\`.`,
	});
}
