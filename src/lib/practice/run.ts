/**
 * The executable-truth annotation on an answer choice: what its code does when run against Django 5.2
 * by `npm run test:samples`. Exactly one outcome key, so an annotation can never be ambiguous.
 */
import { z } from 'astro/zod';

const OUTCOMES = ['raises', 'prints', 'returns', 'ok'] as const;

export const run = z
	.strictObject({
		/** The code to run. Defaults to the code shown in the choice's text. */
		code: z.string().trim().min(1).optional(),
		/** Exception class name (`TypeError`, `Post.DoesNotExist`) the code must raise. */
		raises: z
			.string()
			.regex(/^[A-Za-z_][\w.]*$/, { error: 'must be an exception class name such as `TypeError`.' })
			.optional(),
		/** A fragment of the exception message, with `raises`. */
		match: z.string().min(1).optional(),
		/** Exact standard output. */
		prints: z.string().optional(),
		/** `repr()` of the value of the last expression statement. */
		returns: z.string().optional(),
		/** The code completes without an exception. */
		ok: z.literal(true, { error: 'must be `true` when present.' }).optional(),
		/** `sync` runs with no event loop; the default runs inside one. */
		context: z.enum(['async', 'sync'], { error: 'must be `async` or `sync`.' }).optional(),
	})
	.superRefine((value, ctx) => {
		const outcomes = OUTCOMES.filter((key) => value[key] !== undefined);
		if (outcomes.length !== 1) {
			ctx.addIssue({
				code: 'custom',
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
				message: 'only makes sense with `raises`. Fix: add `raises: ExceptionName` or remove `match`.',
			});
		}
	});
export type Run = z.output<typeof run>;
