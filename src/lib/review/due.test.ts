/** The tiny due count every page shows must agree with the review queue itself, on any stored document. */
import { describe, expect, it } from 'vitest';
import { decode, STORAGE_KEY, toProgress } from '../progress/store.ts';
import { seededRandom } from '../test-draw/prng.ts';
import { countDue, DUE_KEY } from './due.ts';
import { dueQueue, type ReviewItem } from './queue.ts';
import { reviewed } from './step.ts';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const NOW = Date.UTC(2026, 11, 2, 9);

describe('the due count', () => {
	it('reads the key the progress store writes', () => {
		expect(DUE_KEY).toBe(STORAGE_KEY);
	});

	it('counts nothing in an empty or unreadable document', () => {
		expect(countDue(null, NOW)).toBe(0);
		expect(countDue({ v: 2 }, NOW)).toBe(0);
		expect(countDue({ v: 2, items: {}, tests: [], review: {} }, NOW)).toBe(0);
	});

	it('agrees with the review queue on thousands of random stored documents', () => {
		const random = seededRandom('due-count');
		const ids = Array.from({ length: 12 }, (_, index) => `item-${index}`);
		const items: ReviewItem[] = ids.map((id, index) => ({
			id,
			hash: 'h',
			type: index % 3 === 0 ? 'cards' : 'quiz',
			lesson: 'aget',
			set: 'aget/quiz',
		}));
		const time = () => NOW - Math.floor(random() * 3 * DAY) + Math.floor(random() * 4) * MINUTE;
		let nonZero = 0;
		for (let round = 0; round < 2000; round++) {
			const document = { v: 2, items: {} as Record<string, unknown>, tests: [] as unknown[], review: {}, aside: {} };
			for (const [index, id] of ids.entries()) {
				if (random() < 0.5) continue;
				const correct = random() < 0.5;
				document.items[id] =
					index % 3 === 0
						? { kind: 'card', hash: 'h', at: time(), attempts: 1, known: correct }
						: {
								kind: 'choice',
								hash: 'h',
								at: time(),
								attempts: 1,
								choice: 0,
								correct,
								// Answers stored before the lessons asked for confidence have none.
								...(random() < 0.25 ? {} : { conf: Math.floor(random() * 3) }),
							};
			}
			if (random() < 0.5) {
				const at = time();
				document.tests.push({
					seed: 'abc',
					at,
					score: 0,
					total: 3,
					missed: [],
					answers: ids
						.slice(0, 3 + Math.floor(random() * 6))
						.map((id) => ({ id, choice: null, correct: random() < 0.5 })),
				});
			}
			let progress = toProgress(document);
			for (const item of items) {
				if (random() < 0.3) {
					const record = reviewed(
						progress,
						item,
						{ correct: random() < 0.5, confidence: Math.floor(random() * 3) as 0 | 1 | 2, choice: null },
						time(),
					);
					(document.review as Record<string, unknown>)[item.id] = record;
					progress = toProgress(document);
				}
			}
			const stored = JSON.parse(JSON.stringify(document)) as unknown;
			const decoded = decode(JSON.stringify(document));
			if (decoded.kind !== 'ok') throw new Error('unreadable document');
			const now = NOW + Math.floor(random() * 5) * MINUTE * (random() < 0.2 ? 2000 : 1);
			const expected = dueQueue(toProgress(decoded.envelope), items, now).length;
			expect(countDue(stored, now)).toBe(expected);
			if (expected > 0) nonZero++;
		}
		expect(nonZero).toBeGreaterThan(500);
	});

	it('puts a first answer due when the queue does, to the minute', () => {
		const item: ReviewItem = { id: 'item', hash: 'h', type: 'quiz', lesson: 'aget', set: 'aget/quiz' };
		for (const correct of [false, true]) {
			const document = {
				v: 2,
				items: { item: { kind: 'choice', hash: 'h', at: NOW, attempts: 1, choice: 0, correct } },
				tests: [],
				review: {},
				aside: {},
			};
			for (let minutes = 0; minutes <= 12; minutes++) {
				const now = NOW + minutes * MINUTE - 1;
				expect(countDue(document, now), `${minutes} min after a ${correct ? 'right' : 'wrong'} answer`).toBe(
					dueQueue(toProgress(document), [item], now).length,
				);
			}
		}
	});
});
