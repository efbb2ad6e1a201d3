/**
 * Validates stored progress in the browser. It implements the Zod schemas of `schema.ts` by hand, because
 * Zod would cost half the JavaScript budget of a lesson page; `validate.test.ts` checks that both accept
 * exactly the same values and give the same output. Change the two together.
 */
import type { CardRecord, ChoiceRecord, ExplainRecord, ItemRecord, TestRecord } from './schema.ts';
import { MAX_DRAFT } from './limits.ts';
import { SEED_PATTERN } from '../test-draw/seed.ts';

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isInt = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

const isHash = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 64;

const isChoiceIndex = (value: unknown): value is number => isInt(value, 0, 5);

/** Parses one stored item record; `undefined` when it is not valid. Unknown keys are dropped, as Zod does. */
export function parseItemRecord(value: unknown): ItemRecord | undefined {
	if (!isFields(value)) return undefined;
	const { kind, hash, at } = value;
	if (!isHash(hash) || !isInt(at, 0)) return undefined;
	switch (kind) {
		case 'card': {
			const { attempts, known } = value;
			if (!isInt(attempts, 1) || typeof known !== 'boolean') return undefined;
			return { kind, hash, at, attempts, known } satisfies CardRecord;
		}
		case 'choice': {
			const { attempts, choice, correct } = value;
			if (!isInt(attempts, 1) || !isChoiceIndex(choice) || typeof correct !== 'boolean') return undefined;
			return { kind, hash, at, attempts, choice, correct } satisfies ChoiceRecord;
		}
		case 'explain': {
			const { draft, covered, done } = value;
			if (typeof draft !== 'string' || draft.length > MAX_DRAFT || typeof done !== 'boolean') return undefined;
			if (!Array.isArray(covered) || covered.length > 6 || !covered.every(isChoiceIndex)) return undefined;
			return { kind, hash, at, draft, covered: [...covered], done } satisfies ExplainRecord;
		}
		default:
			return undefined;
	}
}

/** Parses one stored test result; `undefined` when it is not valid. */
export function parseTestRecord(value: unknown): TestRecord | undefined {
	if (!isFields(value)) return undefined;
	const { seed, at, score, total, missed } = value;
	if (typeof seed !== 'string' || !SEED_PATTERN.test(seed)) return undefined;
	if (!isInt(at, 0) || !isInt(score, 0) || !isInt(total, 1)) return undefined;
	if (!Array.isArray(missed) || missed.length > 50) return undefined;
	if (!missed.every((id): id is string => typeof id === 'string' && id.length <= 100)) return undefined;
	return { seed, at, score, total, missed: [...missed] };
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
	if (!isFields(value) || !isInt(value['v'], 0)) return undefined;
	return {
		v: value['v'],
		items: isFields(value['items']) ? value['items'] : {},
		tests: Array.isArray(value['tests']) ? value['tests'] : [],
	};
}
