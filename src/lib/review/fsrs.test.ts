/**
 * The scheduler must schedule exactly as ts-fsrs, the reference implementation of FSRS, configured as the
 * review queue uses it (defaults: FSRS-6 weights, steps 1m/10m and 10m, 90 % retention, no fuzz).
 */
import { describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade } from 'ts-fsrs';
import { seededRandom } from '../test-draw/prng.ts';
import { NEW_MEMORY, review, type Memory, type Rating } from './fsrs.ts';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const oracle = fsrs(generatorParameters({ enable_fuzz: false }));

function same(memory: Memory, card: Card) {
	expect(memory.due).toBe(card.due.getTime());
	expect(memory.state).toBe(card.state);
	expect(memory.s).toBe(card.stability);
	expect(memory.d).toBe(card.difficulty);
	expect(memory.step).toBe(card.learning_steps);
	expect(memory.reps).toBe(card.reps);
	expect(memory.lapses).toBe(card.lapses);
	expect(memory.last).toBe(card.last_review?.getTime() ?? 0);
}

describe('the FSRS scheduler', () => {
	it('uses the weights ts-fsrs uses after its own clipping', () => {
		// A change of defaults upstream shows here first, with the numbers to copy.
		expect(oracle.parameters.w).toEqual([
			0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
			1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
		]);
		expect(oracle.parameters.learning_steps).toEqual(['1m', '10m']);
		expect(oracle.parameters.relearning_steps).toEqual(['10m']);
		expect(oracle.parameters.request_retention).toBe(0.9);
	});

	it('brings a new item answered Again back in one minute, and Easy in eight days', () => {
		const now = Date.UTC(2026, 11, 2, 9);
		expect(review(NEW_MEMORY, now, 1).due).toBe(now + MINUTE);
		expect(review(NEW_MEMORY, now, 4).due).toBe(now + 8 * DAY);
	});

	it('schedules exactly as ts-fsrs over thousands of random review histories', () => {
		const random = seededRandom('fsrs-oracle');
		const gaps = [0, 30_000, MINUTE, 5 * MINUTE, 10 * MINUTE, 3 * 3_600_000, 20 * 3_600_000, DAY, 3 * DAY, 40 * DAY];
		let reviews = 0;
		const seen = new Set<string>();
		for (let history = 0; history < 2000; history++) {
			let now = Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * DAY);
			let card = createEmptyCard(new Date(now));
			let memory: Memory = { ...NEW_MEMORY, due: now };
			const length = 1 + Math.floor(random() * 12);
			for (let step = 0; step < length; step++) {
				// Mostly on time, sometimes early or late, sometimes far off.
				const roll = random();
				if (roll < 0.5) now = Math.max(now, memory.due) + Math.floor(random() * 2 * 3_600_000);
				else if (roll < 0.8) now += gaps[Math.floor(random() * gaps.length)] as number;
				else now += Math.floor(random() * 200 * DAY);
				const rating = (1 + Math.floor(random() * 4)) as Rating;
				seen.add(`${card.state}:${rating}`);
				card = oracle.next(card, new Date(now), rating as Grade).card;
				memory = review(memory, now, rating);
				same(memory, card);
				reviews++;
			}
		}
		expect(reviews).toBeGreaterThan(10_000);
		// Every state met every rating, so no branch went unchecked.
		expect(seen.size).toBe(16);
	});
});

describe('the FSRS scheduler with a clock that went back', () => {
	it('treats a review dated before the last one as the same day, never producing NaN', () => {
		const now = Date.UTC(2026, 11, 2, 9);
		const first = review(NEW_MEMORY, now, 3);
		const second = review(review(first, now + 2 * DAY, 3), now - 3 * DAY, 1);
		expect(Number.isFinite(second.s)).toBe(true);
		expect(Number.isFinite(second.d)).toBe(true);
	});
});
