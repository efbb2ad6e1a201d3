/**
 * The shape of a reader's stored progress, as Zod schemas: the single source of truth for its types and the
 * reference the browser-side validator (`validate.ts`) is tested against.
 *
 * Why two validators: Zod itself (even `zod/mini`) costs 5–7 KB gzip in the browser, half of the whole island
 * budget of a lesson page. So the browser runs a small hand-written validator, and `validate.test.ts` proves it
 * accepts exactly what these schemas accept and returns the same output (fixtures plus thousands of mutated
 * values). Only types are imported from here into browser code, so Zod never reaches the bundle.
 */
import { z } from 'astro/zod';
import { MAX_DRAFT, PROGRESS_VERSION, SEED_PATTERN } from './limits.ts';

const time = z.number().int().nonnegative();
const hash = z.string().min(1).max(64);
const count = z.number().int().positive();
const choiceIndex = z.number().int().min(0).max(5);

/** A flashcard the reader marked. */
export const cardRecord = z.object({
	kind: z.literal('card'),
	/** The content hash of the card when the reader marked it. */
	hash,
	/** When (epoch milliseconds) the reader last marked it. */
	at: time,
	/** How many times the reader marked it. */
	attempts: count,
	known: z.boolean(),
});

/** A single-answer question (quiz question or practice problem) the reader checked. */
export const choiceRecord = z.object({
	kind: z.literal('choice'),
	hash,
	at: time,
	attempts: count,
	/**
	 * The chosen option's authored index (its position in the YAML file), never its shown position: choices
	 * are shown shuffled (`choice-order.ts`), and records written before the shuffle hold authored indices too.
	 */
	choice: choiceIndex,
	correct: z.boolean(),
});

/** An explain-it question: the reader's draft, and whether they compared it with the model answer. */
export const explainRecord = z.object({
	kind: z.literal('explain'),
	hash,
	at: time,
	draft: z.string().max(MAX_DRAFT),
	/** Indices of the key concepts the reader ticked. */
	covered: z.array(choiceIndex).max(6),
	/** The reader opened the model answer. */
	done: z.boolean(),
});

export const itemRecord = z.discriminatedUnion('kind', [cardRecord, choiceRecord, explainRecord]);

/** One finished run of the 10-question test. */
export const testRecord = z.object({
	seed: z.string().regex(SEED_PATTERN),
	at: time,
	score: z.number().int().nonnegative(),
	total: count,
	/** Ids of the questions missed (wrong or unanswered). */
	missed: z.array(z.string().max(100)).max(50),
});

/**
 * The stored document. Entries are validated one by one (see `store.ts`), so the envelope only checks that
 * `items` is an object and `tests` a list.
 */
export const progressDocument = z.object({
	v: z.literal(PROGRESS_VERSION),
	items: z.record(z.string(), z.unknown()),
	tests: z.array(z.unknown()),
});

export type CardRecord = z.output<typeof cardRecord>;
export type ChoiceRecord = z.output<typeof choiceRecord>;
export type ExplainRecord = z.output<typeof explainRecord>;
export type ItemRecord = z.output<typeof itemRecord>;
export type TestRecord = z.output<typeof testRecord>;
export type ProgressDocument = z.output<typeof progressDocument>;
