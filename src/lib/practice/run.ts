/**
 * The executable-truth annotation on an answer choice: what its code does when run against Django 5.2
 * by `npm run test:samples`. Exactly one outcome key, so an annotation can never be ambiguous.
 */
import { z } from 'astro/zod';
import type { AuthorIssueParams } from './author-errors.ts';

const OUTCOMES = ['raises', 'prints', 'returns', 'ok'] as const;

export const run = z
	.strictObject({
		/** The code to run. Defaults to the code shown in the choice's text. */
		code: z
			.string({ error: "is not text. Fix: write the code as text, or remove `code` to run the choice's own code." })
			.trim()
			.min(1, { error: "must not be empty. Fix: write the code, or remove `code` to run the choice's own code." })
			.optional(),
		/** Exception class name (`TypeError`, `Post.DoesNotExist`) the code must raise. */
		raises: z
			.string()
			.regex(/^[A-Za-z_][\w.]*$/, {
				error: 'is not an exception class name. Fix: write one such as `TypeError` or `Post.DoesNotExist`.',
			})
			.optional(),
		/** A fragment of the exception message, with `raises`. */
		match: z
			.string({ error: 'is not text. Fix: write part of the exception message as text.' })
			.min(1, { error: 'must not be empty. Fix: write part of the exception message, or remove `match`.' })
			.optional(),
		/** Exact standard output. */
		prints: z.string({ error: 'is not text. Fix: write the exact output as text, quoted.' }).optional(),
		/** `repr()` of the value of the last expression statement. */
		returns: z.string({ error: 'is not text. Fix: write the `repr()` of the value as text, quoted.' }).optional(),
		/** The code completes without an exception. */
		ok: z.literal(true, { error: 'can only be `true`. Fix: write `ok: true`, or remove the key.' }).optional(),
		/** `sync` runs with no event loop; the default runs inside one. */
		context: z.enum(['async', 'sync'], { error: 'must be `async` or `sync`.' }).optional(),
	})
	.superRefine((value, ctx) => {
		const outcomes = OUTCOMES.filter((key) => value[key] !== undefined);
		if (outcomes.length !== 1) {
			ctx.addIssue({
				code: 'custom',
				params: { authorCode: 'AW204' } satisfies AuthorIssueParams,
				message:
					outcomes.length === 0
						? 'says nothing about the outcome. Fix: add exactly one of `raises`, `prints`, `returns` or `ok: true`.'
						: `has ${outcomes.map((key) => `\`${key}\``).join(' and ')}. Fix: keep exactly one outcome key.`,
			});
		}
		if (value.match !== undefined && value.raises === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['match'],
				params: { authorCode: 'AW205' } satisfies AuthorIssueParams,
				message: 'only makes sense with `raises`. Fix: add `raises: ExceptionName` or remove `match`.',
			});
		}
	});
export type Run = z.output<typeof run>;
