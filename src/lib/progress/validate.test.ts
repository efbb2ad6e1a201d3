/**
 * The browser's hand-written validator must agree with the Zod schemas, which are the source of truth: the
 * same values accepted, the same output. Fixtures cover each rule; a seeded fuzzer covers the rest.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../test-draw/prng.ts';
import { MAX_DRAFT } from './limits.ts';
import { itemRecord, progressDocument, reviewRecord, testRecord } from './schema.ts';
import { parseEnvelope, parseItemRecord, parseTestRecord } from './validate.ts';
import { parseReviewRecord } from './validate-review.ts';

const card = { kind: 'card', hash: 'abc', at: 1, attempts: 1, known: true };
const choice = { kind: 'choice', hash: 'abc', at: 1, attempts: 2, choice: 3, correct: false };
const sure = { ...choice, conf: 2 };
const explain = { kind: 'explain', hash: 'abc', at: 1, draft: 'text', covered: [0, 2], done: true };
const test = {
	seed: 'k3x9q2',
	at: 5,
	score: 7,
	total: 10,
	missed: ['a', 'b'],
	answers: [
		{ id: 'a', choice: 1, correct: false },
		{ id: 'b', choice: null, correct: false },
	],
};
const review = {
	hash: 'abc',
	due: 9,
	s: 2.3065,
	d: 2.11810397,
	state: 2,
	step: 0,
	last: 5,
	reps: 3,
	lapses: 1,
	conf: 2,
	correct: true,
	choice: null,
};

function agreesOnItem(value: unknown) {
	const zod = itemRecord.safeParse(value);
	expect(parseItemRecord(value)).toEqual(zod.success ? zod.data : undefined);
}

function agreesOnTest(value: unknown) {
	const zod = testRecord.safeParse(value);
	expect(parseTestRecord(value)).toEqual(zod.success ? zod.data : undefined);
}

function agreesOnReview(value: unknown) {
	const zod = reviewRecord.safeParse(value);
	expect(parseReviewRecord(value)).toEqual(zod.success ? zod.data : undefined);
}

describe('the browser validator', () => {
	it('accepts valid records like Zod does', () => {
		for (const value of [card, choice, sure, explain]) {
			expect(parseItemRecord(value)).toEqual(value);
			agreesOnItem(value);
		}
		expect(parseTestRecord(test)).toEqual(test);
		expect(parseReviewRecord(review)).toEqual(review);
		agreesOnTest(test);
		agreesOnReview(review);
	});

	it('reads an answer stored without a confidence (before the lessons asked) as having none', () => {
		expect(parseItemRecord(choice)).toStrictEqual(choice);
		expect(itemRecord.parse(choice)).toStrictEqual(choice);
	});

	it('drops unknown keys like Zod does', () => {
		expect(parseItemRecord({ ...card, extra: 1 })).toEqual(card);
		agreesOnItem({ ...card, extra: 1 });
	});

	it.each([
		['a non-object', 'card'],
		['null', null],
		['an array', [card]],
		['an unknown kind', { ...card, kind: 'flashcard' }],
		['an empty hash', { ...card, hash: '' }],
		['a long hash', { ...card, hash: 'x'.repeat(65) }],
		['a negative time', { ...card, at: -1 }],
		['a fractional time', { ...card, at: 1.5 }],
		['an unsafe integer time', { ...card, at: 2 ** 60 }],
		['a time as text', { ...card, at: '1' }],
		['zero attempts', { ...card, attempts: 0 }],
		['known as text', { ...card, known: 'yes' }],
		['a choice past the sixth option', { ...choice, choice: 6 }],
		['a missing choice', { ...choice, choice: undefined }],
		['correct as a number', { ...choice, correct: 1 }],
		['a confidence of 3', { ...choice, conf: 3 }],
		['a fractional confidence', { ...choice, conf: 1.5 }],
		['a confidence as text', { ...choice, conf: 'sure' }],
		['a null confidence', { ...choice, conf: null }],
		['a draft over the limit', { ...explain, draft: 'x'.repeat(MAX_DRAFT + 1) }],
		['covered with a string', { ...explain, covered: ['0'] }],
		['covered too long', { ...explain, covered: [0, 1, 2, 3, 4, 5, 0] }],
		['covered not a list', { ...explain, covered: 1 }],
		['NaN', { ...card, at: Number.NaN }],
		['Infinity', { ...card, at: Number.POSITIVE_INFINITY }],
	])('rejects %s like Zod does', (_, value) => {
		expect(parseItemRecord(value)).toBeUndefined();
		agreesOnItem(value);
	});

	it.each([
		['a bad seed', { ...test, seed: 'Has Spaces' }],
		['a zero total', { ...test, total: 0 }],
		['a negative score', { ...test, score: -1 }],
		['missed with a number', { ...test, missed: [1] }],
		['missed too long', { ...test, missed: Array.from({ length: 51 }, () => 'a') }],
		['a long missed id', { ...test, missed: ['a'.repeat(101)] }],
		['no answers (a version 1 shape)', { ...test, answers: undefined }],
		['an answer without an id', { ...test, answers: [{ choice: 1, correct: true }] }],
		['an answer with a choice as text', { ...test, answers: [{ id: 'a', choice: '1', correct: true }] }],
		['an answer with a seventh option', { ...test, answers: [{ id: 'a', choice: 6, correct: true }] }],
	])('rejects a test result with %s like Zod does', (_, value) => {
		expect(parseTestRecord(value)).toBeUndefined();
		agreesOnTest(value);
	});

	it('drops unknown keys inside test answers like Zod does', () => {
		const value = { ...test, answers: [{ id: 'a', choice: 0, correct: true, extra: 1 }] };
		expect(parseTestRecord(value)?.answers).toEqual([{ id: 'a', choice: 0, correct: true }]);
		agreesOnTest(value);
	});

	it.each([
		['a stability over the maximum', { ...review, s: 36_501 }],
		['a negative stability', { ...review, s: -0.1 }],
		['an infinite stability', { ...review, s: Number.POSITIVE_INFINITY }],
		['a difficulty over 10', { ...review, d: 10.5 }],
		['an unknown state', { ...review, state: 4 }],
		['a fractional step', { ...review, step: 0.5 }],
		['a confidence of 3', { ...review, conf: 3 }],
		['a missing choice', { ...review, choice: undefined }],
		['a due time as text', { ...review, due: '9' }],
		['correct missing', { ...review, correct: undefined }],
	])('rejects a review state with %s like Zod does', (_, value) => {
		expect(parseReviewRecord(value)).toBeUndefined();
		agreesOnReview(value);
	});

	it('agrees with Zod on thousands of mutated records', () => {
		const random = seededRandom('fuzz');
		const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
		const values: unknown[] = [
			undefined,
			null,
			true,
			false,
			0,
			1,
			-1,
			2.5,
			5,
			6,
			2 ** 53,
			Number.NaN,
			'',
			'a',
			'card',
			'choice',
			'explain',
			[],
			[0],
			[7],
			['a'],
			{},
			'k3x9q2',
			'x'.repeat(70),
			0.5,
			10,
			11,
			36_500,
			[{ id: 'a', choice: null, correct: true }],
			[{ id: 'a', choice: 7, correct: true }],
		];
		let accepted = 0;
		for (let round = 0; round < 5000; round++) {
			const base: Record<string, unknown> = { ...pick([card, choice, sure, explain, test, review]) };
			const mutations = 1 + Math.floor(random() * 2);
			for (let index = 0; index < mutations; index++) {
				const key = pick([...Object.keys(base), 'kind', 'extra']);
				if (random() < 0.2) Reflect.deleteProperty(base, key);
				else base[key] = pick(values);
			}
			agreesOnItem(base);
			agreesOnTest(base);
			agreesOnReview(base);
			if (parseItemRecord(base) || parseTestRecord(base) || parseReviewRecord(base)) accepted++;
		}
		// The fuzzer must exercise both outcomes, or it proves nothing.
		expect(accepted).toBeGreaterThan(50);
		expect(accepted).toBeLessThan(4800);
	});

	it('reads the envelope of a stored document and tolerates a broken items or tests field', () => {
		const document = { v: 2, items: { a: card }, tests: [test], review: { a: review }, aside: { gone: card } };
		expect(progressDocument.safeParse(document).success).toBe(true);
		expect(parseEnvelope(document)).toEqual(document);
		expect(parseEnvelope({ v: 1, items: [], tests: 'x', review: 1 })).toEqual({
			v: 1,
			items: {},
			tests: [],
			review: {},
			aside: {},
		});
		expect(parseEnvelope({ items: {} })).toBeUndefined();
		expect(parseEnvelope({ v: '1' })).toBeUndefined();
		expect(parseEnvelope([1])).toBeUndefined();
	});
});
