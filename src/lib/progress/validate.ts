/**
 * Validates stored progress in the browser. It implements the Zod schemas of `schema.ts` by hand, because
 * Zod would cost half the JavaScript budget of a lesson page; `validate.test.ts` checks that both accept
 * exactly the same values and give the same output. Change the two together.
 */
import type { ItemRecord, TestRecord } from './schema.ts';
import { MAX_DRAFT, SEED_PATTERN } from './limits.ts';

type Fields = Record<string, unknown>;
type Check = (value: unknown) => boolean;

function isFields(value: unknown): value is Fields {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const int =
	(min: number, max = Number.MAX_SAFE_INTEGER): Check =>
	(value) =>
		Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const text =
	(min: number, max: number, pattern?: RegExp): Check =>
	(value) =>
		typeof value === 'string' && value.length >= min && value.length <= max && (!pattern || pattern.test(value));
const list =
	(max: number, each: Check): Check =>
	(value) =>
		Array.isArray(value) && value.length <= max && value.every(each);
const bool: Check = (value) => typeof value === 'boolean';
const choiceIndex = int(0, 5);

/** The fields of each record, as in `schema.ts`; unknown keys are dropped, as Zod does. */
const base = { hash: text(1, 64), at: int(0) };
const SHAPES: Record<ItemRecord['kind'], Record<string, Check>> = {
	card: { ...base, attempts: int(1), known: bool },
	choice: { ...base, attempts: int(1), choice: choiceIndex, correct: bool },
	explain: { ...base, draft: text(0, MAX_DRAFT), covered: list(6, choiceIndex), done: bool },
};
const TEST: Record<string, Check> = {
	seed: text(1, 32, SEED_PATTERN),
	at: int(0),
	score: int(0),
	total: int(1),
	missed: list(50, text(0, 100)),
};

/** The listed fields of `value` when every one passes its check, copied (lists too); else `undefined`. */
function pick(value: Fields, shape: Record<string, Check>): Fields | undefined {
	const out: Fields = {};
	for (const [key, check] of Object.entries(shape)) {
		const field = value[key];
		if (!check(field)) return undefined;
		out[key] = Array.isArray(field) ? [...field] : field;
	}
	return out;
}

/** Parses one stored item record; `undefined` when it is not valid. */
export function parseItemRecord(value: unknown): ItemRecord | undefined {
	if (!isFields(value)) return undefined;
	const { kind } = value;
	if (kind !== 'card' && kind !== 'choice' && kind !== 'explain') return undefined;
	const fields = pick(value, SHAPES[kind]);
	return fields && ({ kind, ...fields } as ItemRecord);
}

/** Parses one stored test result; `undefined` when it is not valid. */
export function parseTestRecord(value: unknown): TestRecord | undefined {
	return isFields(value) ? (pick(value, TEST) as TestRecord | undefined) : undefined;
}

/** The stored document's envelope: `{ v, items: {…}, tests: […] }`, entries not yet validated. */
export interface Envelope {
	v: number;
	items: Fields;
	tests: unknown[];
}

/**
 * Reads the envelope of a parsed value: `undefined` when it is not an object with a numeric version. A
 * missing or malformed `items` or `tests` becomes empty, so one bad field does not lose the other.
 */
export function parseEnvelope(value: unknown): Envelope | undefined {
	if (!isFields(value) || !int(0)(value['v'])) return undefined;
	return {
		v: value['v'] as number,
		items: isFields(value['items']) ? value['items'] : {},
		tests: Array.isArray(value['tests']) ? value['tests'] : [],
	};
}
