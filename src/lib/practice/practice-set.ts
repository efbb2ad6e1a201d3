/**
 * One YAML file = one practice set of a single type. `type` is the discriminator: adding a set type
 * makes every exhaustive `switch` over it fail the type check until it is handled.
 */
import { z } from 'astro/zod';
import { card, explainQuestion, problem, quizQuestion } from './items.ts';

/**
 * The docs page that shows the set, such as `guide/authoring`, for a set that does not live on its lesson
 * (`lessons/<first segment of its id>`, the default).
 */
const page = z
	.string({ error: 'is not text. Fix: write the id of a docs page, such as `guide/authoring`.' })
	.regex(/^[a-z0-9-]+(?:\/[a-z0-9-]+)*$/, {
		error:
			'is not the id of a docs page. Fix: write its path under src/content/docs without the extension, such as `guide/authoring`.',
	})
	.optional();

const title = z
	.string({ error: 'is not text. Fix: write the title as text, or remove the key.' })
	.min(1, { error: 'must not be empty. Fix: write a title, or remove the key.' })
	.optional();

const items = <T extends z.ZodType>(item: T) =>
	z
		.array(item, { error: 'is not a list. Fix: write the items as a list, each starting with `- id:`.' })
		.min(1, { error: 'is empty. Fix: add at least one item.' });

export const SET_TYPES = ['cards', 'quiz', 'explain', 'problems'] as const;

export const practiceSet = z.discriminatedUnion(
	'type',
	[
		z.strictObject({ type: z.literal('cards'), title, page, items: items(card) }),
		z.strictObject({ type: z.literal('quiz'), title, page, items: items(quizQuestion) }),
		z.strictObject({
			type: z.literal('explain'),
			title,
			page,
			items: items(explainQuestion),
		}),
		z.strictObject({ type: z.literal('problems'), title, page, items: items(problem) }),
	],
	{
		error: `must be one of ${SET_TYPES.join(', ')}. Fix: name the kind of set this file holds (quiz.yaml holds \`type: quiz\`).`,
	},
);

export type PracticeSetInput = z.input<typeof practiceSet>;
export type PracticeSet = z.output<typeof practiceSet>;
export type SetType = PracticeSet['type'];
