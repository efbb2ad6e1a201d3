/**
 * FSRS-6, the spaced-repetition scheduler of Anki and ts-fsrs, reduced to what the review queue uses: default
 * parameters, learning steps of 1 and 10 minutes, a relearning step of 10 minutes, 90 % requested retention,
 * no fuzz.
 *
 * Why not the `ts-fsrs` package itself: it adds 6.7 KB gzip to a bundle (measured with esbuild, minified,
 * tree-shaken), and the review page's islands, Preact included, must stay within 15 KB. This module is about a
 * tenth of that. `fsrs.test.ts` proves it schedules exactly as `ts-fsrs` (a dev dependency, used as the oracle)
 * over thousands of random review histories, so an upgrade of `ts-fsrs` that changes the algorithm fails the
 * test until this file follows.
 *
 * The formulas, step rules and 8-decimal rounding are ts-fsrs's `FSRSAlgorithm`, `BasicScheduler` and
 * `BasicLearningStepsStrategy` (ts-fsrs 5.4, FSRS-6.0). Times are epoch milliseconds.
 */

/** FSRS-6 default weights (ts-fsrs `default_w`). */
const W = [
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483,
	0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
] as const;
const w = (index: number): number => W[index] as number;

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const S_MIN = 0.001;
const S_MAX = 36_500;
const MAX_INTERVAL = 36_500;
const LEARNING_STEPS = [1, 10];
const RELEARNING_STEPS = [10];

/** Again, Hard, Good, Easy, as in FSRS. */
export type Rating = 1 | 2 | 3 | 4;

/** New, Learning, Review, Relearning, as in FSRS. */
export type CardState = 0 | 1 | 2 | 3;

/** What the scheduler needs to remember of one item. */
export interface Memory {
	state: CardState;
	/** When the item is due next (epoch ms). */
	due: number;
	/** FSRS stability: days until recall drops to 90 %. 0 for a new item. */
	s: number;
	/** FSRS difficulty, 1–10. 0 for a new item. */
	d: number;
	/** Index of the current learning or relearning step. */
	step: number;
	/** When it was last reviewed (epoch ms); 0 for a new item. */
	last: number;
	reps: number;
	lapses: number;
}

export const NEW_MEMORY: Memory = { state: 0, due: 0, s: 0, d: 0, step: 0, last: 0, reps: 0, lapses: 0 };

const round8 = (value: number) => Math.round(value * 1e8) / 1e8;
const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

const DECAY = -w(20);
const FACTOR = round8(Math.exp(Math.pow(DECAY, -1) * Math.log(0.9)) - 1);
/** Interval multiplier for 90 % retention; 1 by construction, rounded as ts-fsrs rounds it. */
const MODIFIER = round8((Math.pow(0.9, 1 / DECAY) - 1) / FACTOR);

/** Whole UTC calendar days between two times, as ts-fsrs counts elapsed days. */
function daysBetween(from: number, to: number): number {
	const start = new Date(from);
	const end = new Date(to);
	const utc = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
	return Math.floor((utc(end) - utc(start)) / DAY);
}

const retrievability = (days: number, s: number) => round8(Math.pow(1 + (FACTOR * days) / s, DECAY));
const initDifficulty = (rating: Rating) => round8(w(4) - Math.exp((rating - 1) * w(5)) + 1);

function nextDifficulty(d: number, rating: Rating): number {
	const delta = -w(6) * (rating - 3);
	const next = d + round8((delta * (10 - d)) / 9);
	return clamp(round8(w(7) * initDifficulty(4) + (1 - w(7)) * next), 1, 10);
}

function nextStability(d: number, s: number, days: number, rating: Rating, r: number): number {
	if (days === 0) {
		const sinc = Math.pow(s, -w(19)) * Math.exp(w(17) * (rating - 3 + w(18)));
		return round8(clamp(s * (rating >= 2 ? Math.max(sinc, 1) : sinc), S_MIN, S_MAX));
	}
	if (rating === 1) {
		const afterFail = round8(
			clamp(w(11) * Math.pow(d, -w(12)) * (Math.pow(s + 1, w(13)) - 1) * Math.exp((1 - r) * w(14)), S_MIN, S_MAX),
		);
		return clamp(round8(s / Math.exp(w(17) * w(18))), S_MIN, afterFail);
	}
	const hard = rating === 2 ? w(15) : 1;
	const easy = rating === 4 ? w(16) : 1;
	const grow = Math.exp(w(8)) * (11 - d) * Math.pow(s, -w(9)) * (Math.exp((1 - r) * w(10)) - 1) * hard * easy;
	return round8(clamp(s * (1 + grow), S_MIN, S_MAX));
}

const interval = (s: number) => Math.min(Math.max(1, Math.round(s * MODIFIER)), MAX_INTERVAL);

/** Minutes to the next (re)learning step and the step index after it; `undefined` means: graduate. */
function learningStep(state: CardState, step: number, rating: Rating): [number, number] | undefined {
	const steps = state === 2 || state === 3 ? RELEARNING_STEPS : LEARNING_STEPS;
	const first = steps[0];
	if (first === undefined || step >= steps.length) return undefined;
	if (state === 2) return rating === 1 ? [steps[Math.max(0, step)] as number, 0] : undefined;
	if (rating === 1) return [first, 0];
	if (rating === 2) {
		const second = steps[1];
		return [second === undefined ? Math.round(first * 1.5) : Math.round((first + second) / 2), step];
	}
	const next = rating === 3 ? steps[step + 1] : undefined;
	return next ? [next, step + 1] : undefined;
}

/** The memory after the reader reviews an item at `now` with `rating`. */
export function review(memory: Memory, now: number, rating: Rating): Memory {
	// A review dated before the last one (a device whose clock is behind) counts as the same day; ts-fsrs throws.
	const days = memory.state !== 0 && memory.last ? Math.max(0, daysBetween(memory.last, now)) : 0;
	let s: number;
	let d: number;
	if (memory.d === 0 && memory.s === 0) {
		d = clamp(initDifficulty(rating), 1, 10);
		s = Math.max(w(rating - 1), 0.1);
	} else {
		const r = retrievability(days, memory.s);
		s = nextStability(memory.d, memory.s, days, rating, r);
		d = nextDifficulty(memory.d, rating);
	}
	const next: Memory = { ...memory, s, d, last: now, reps: memory.reps + 1 };

	if (memory.state === 2 && rating > 1) {
		// A review answered: Hard ≤ Good < Easy in whole days, each computed from its own stability.
		const r = retrievability(days, memory.s);
		const at = (rating: Rating) => interval(nextStability(memory.d, memory.s, days, rating, r));
		const hard = Math.min(at(2), at(3));
		const good = Math.max(at(3), hard + 1);
		const days2 = rating === 2 ? hard : rating === 3 ? good : Math.max(at(4), good + 1);
		return { ...next, state: 2, step: 0, due: now + days2 * DAY };
	}
	if (memory.state === 2) next.lapses += 1;
	const stepped = learningStep(memory.state, memory.step, rating);
	if (stepped && stepped[0] > 0 && stepped[0] < 1440) {
		const state: CardState = memory.state === 0 ? 1 : memory.state === 2 ? 3 : memory.state;
		return { ...next, state, step: stepped[1], due: now + Math.round(stepped[0]) * MINUTE };
	}
	return { ...next, state: 2, step: 0, due: now + interval(s) * DAY };
}
