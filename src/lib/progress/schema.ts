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
	/**
	 * How sure the reader said they were before checking: 0 guess, 1 unsure, 2 sure (`src/lib/review/confidence.ts`).
	 * Absent from answers stored before the lessons asked (December 2026), which count as unsure.
	 */
	conf: z.number().int().min(0).max(2).optional(),
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

/** One question of a test run, as answered there. */
export const testAnswer = z.object({
	id: z.string().min(1).max(100),
	/** Authored index of the chosen option; `null` when left unanswered. */
	choice: choiceIndex.nullable(),
	correct: z.boolean(),
});

/**
 * One finished run of the 10-question test. Kept apart from lesson practice: a test answer never changes what
 * the lessons show as done.
 */
export const testRecord = z.object({
	seed: z.string().regex(SEED_PATTERN),
	at: time,
	score: z.number().int().nonnegative(),
	total: count,
	/** Ids of the questions missed (wrong or unanswered). */
	missed: z.array(z.string().max(100)).max(50),
	/** Every question of the run (since version 2; runs stored before have none). */
	answers: z.array(testAnswer).max(50),
});

/**
 * An item's place in the review queue: its FSRS memory (`src/lib/review/fsrs.ts`) and the last review's
 * answer. Written only by reviews on `/review/`; before an item's first review its schedule is derived from
 * its latest lesson or test answer (`src/lib/review/queue.ts`).
 */
export const reviewRecord = z.object({
	/** The content hash of the item when last reviewed. */
	hash,
	/** When the item is due next. */
	due: time,
	/** FSRS stability (days) and difficulty (1–10). */
	s: z.number().min(0).max(36_500),
	d: z.number().min(0).max(10),
	/** FSRS state: 0 new, 1 learning, 2 review, 3 relearning. */
	state: z.number().int().min(0).max(3),
	/** Current (re)learning step. */
	step: z.number().int().min(0).max(10),
	/** When last reviewed. */
	last: time,
	reps: z.number().int().nonnegative(),
	lapses: z.number().int().nonnegative(),
	/** Confidence given at the last review: 0 guess, 1 unsure, 2 sure. */
	conf: z.number().int().min(0).max(2),
	correct: z.boolean(),
	/** Authored index of the option chosen at the last review; `null` for a flashcard. */
	choice: choiceIndex.nullable(),
});

/**
 * The stored document. Entries are validated one by one (see `store.ts`), so the envelope only checks that
 * `items`, `review` and `aside` are objects and `tests` a list. `aside` holds, untouched, the entries of an
 * imported file whose item ids this site no longer has: kept, not lost, and not counted.
 */
export const progressDocument = z.object({
	v: z.literal(PROGRESS_VERSION),
	items: z.record(z.string(), z.unknown()),
	tests: z.array(z.unknown()),
	review: z.record(z.string(), z.unknown()),
	aside: z.record(z.string(), z.unknown()),
});

export type CardRecord = z.output<typeof cardRecord>;
export type ChoiceRecord = z.output<typeof choiceRecord>;
export type ExplainRecord = z.output<typeof explainRecord>;
export type ItemRecord = z.output<typeof itemRecord>;
export type TestAnswer = z.output<typeof testAnswer>;
export type TestRecord = z.output<typeof testRecord>;
export type ReviewRecord = z.output<typeof reviewRecord>;
export type ProgressDocument = z.output<typeof progressDocument>;
