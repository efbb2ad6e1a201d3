/**
 * The browser validator of review states (`reviewRecord` in `schema.ts`), apart from `validate.ts` so that
 * only the review and progress pages load it, not every lesson. Proven equal to the Zod schema, with the rest,
 * in `validate.test.ts`.
 */
import type { ReviewRecord } from './schema.ts';
import { bool, choiceIndex, hash, int, nullable, num, object, orUndefined, time } from './validate.ts';

const REVIEW = object({
	hash,
	due: time,
	s: num(0, 36_500),
	d: num(0, 10),
	state: int(0, 3),
	step: int(0, 10),
	last: time,
	reps: int(0),
	lapses: int(0),
	conf: int(0, 2),
	correct: bool,
	choice: nullable(choiceIndex),
});

/** Parses one item's review state; `undefined` when it is not valid. */
export const parseReviewRecord = (value: unknown): ReviewRecord | undefined => orUndefined(REVIEW(value));
