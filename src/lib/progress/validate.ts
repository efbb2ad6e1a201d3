/**
 * Validates stored progress in the browser. It implements the Zod schemas of `schema.ts` by hand, because
 * Zod would cost half the JavaScript budget of a lesson page; `validate.test.ts` checks that both accept
 * exactly the same values and give the same output. Change the two together.
 */
import type { ItemRecord, TestRecord } from './schema.ts';
import { MAX_DRAFT, SEED_PATTERN } from './limits.ts';

type Fields = Record<string, unknown>;
/** Returns the parsed value (a copy where Zod copies), or FAIL. */
export type Parse = (value: unknown) => unknown;

export const FAIL: unique symbol = Symbol('invalid');

export function isFields(value: unknown): value is Fields {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const when =
	(test: (value: unknown) => boolean): Parse =>
	(value) =>
		test(value) ? value : FAIL;
export const int = (min: number, max = Number.MAX_SAFE_INTEGER): Parse =>
	when((value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max);
export const num = (min: number, max: number): Parse =>
	when((value) => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max);
const text = (min: number, max: number, pattern?: RegExp): Parse =>
	when(
		(value) =>
			typeof value === 'string' && value.length >= min && value.length <= max && (!pattern || pattern.test(value)),
	);
const list =
	(max: number, each: Parse): Parse =>
	(value) => {
		if (!Array.isArray(value) || value.length > max) return FAIL;
		const out = value.map(each);
		return out.includes(FAIL) ? FAIL : out;
	};
export const nullable =
	(parse: Parse): Parse =>
	(value) =>
		value === null ? null : parse(value);
export const bool: Parse = when((value) => typeof value === 'boolean');
/** A field that may be missing (`undefined`); `object` leaves it out of its output then, as Zod does. */
const optional =
	(parse: Parse): Parse =>
	(value) =>
		value === undefined ? value : parse(value);
export const choiceIndex = int(0, 5);

/** The listed fields of `value` when every one parses, in a new object (unknown keys dropped, as Zod does). */
export const object =
	(shape: Record<string, Parse>): Parse =>
	(value) => {
		if (!isFields(value)) return FAIL;
		const out: Fields = {};
		for (const [key, parse] of Object.entries(shape)) {
			const field = parse(value[key]);
			if (field === FAIL) return FAIL;
			if (field !== undefined) out[key] = field;
		}
		return out;
	};

/** The fields of each record, as in `schema.ts`. */
export const hash = text(1, 64);
export const time = int(0);
const base = { hash, at: time };
const ITEM: Record<ItemRecord['kind'], Parse> = {
	card: object({ ...base, attempts: int(1), known: bool }),
	choice: object({ ...base, attempts: int(1), choice: choiceIndex, correct: bool, conf: optional(int(0, 2)) }),
	explain: object({ ...base, draft: text(0, MAX_DRAFT), covered: list(6, choiceIndex), done: bool }),
};
const TEST = object({
	seed: text(1, 32, SEED_PATTERN),
	at: time,
	score: int(0),
	total: int(1),
	missed: list(50, text(0, 100)),
	answers: list(50, object({ id: text(1, 100), choice: nullable(choiceIndex), correct: bool })),
});

export const orUndefined = <T>(value: unknown): T | undefined => (value === FAIL ? undefined : (value as T));

/** Parses one stored item record; `undefined` when it is not valid. */
export function parseItemRecord(value: unknown): ItemRecord | undefined {
	if (!isFields(value)) return undefined;
	const { kind } = value;
	if (kind !== 'card' && kind !== 'choice' && kind !== 'explain') return undefined;
	const fields = ITEM[kind](value);
	return fields === FAIL ? undefined : ({ kind, ...(fields as Fields) } as ItemRecord);
}

/** Parses one stored test result; `undefined` when it is not valid. */
export const parseTestRecord = (value: unknown): TestRecord | undefined => orUndefined(TEST(value));

/** The stored document's envelope, entries not yet validated. */
export interface Envelope {
	v: number;
	items: Fields;
	tests: unknown[];
	review: Fields;
	aside: Fields;
}

/**
 * Reads the envelope of a parsed value: `undefined` when it is not an object with a numeric version. A
 * missing or malformed `items`, `tests`, `review` or `aside` becomes empty, so one bad field does not lose the
 * others.
 */
export function parseEnvelope(value: unknown): Envelope | undefined {
	if (!isFields(value) || !Number.isSafeInteger(value['v']) || (value['v'] as number) < 0) return undefined;
	const fields = (key: string) => (isFields(value[key]) ? value[key] : {});
	return {
		v: value['v'] as number,
		items: fields('items'),
		tests: Array.isArray(value['tests']) ? value['tests'] : [],
		review: fields('review'),
		aside: fields('aside'),
	};
}
