/**
 * Draws the "Test this pattern" questions: a fixed mix of difficulties from all lessons' quiz questions and
 * practice problems, deterministic for a seed. The pool is sorted by id first, so the draw does not depend
 * on the order the banks were loaded in; it does change when questions are added, which is fine: a shared
 * seed reproduces a draw over the same site version.
 */
import type { Difficulty } from '../practice/fields.ts';
import { seededRandom, shuffle } from './prng.ts';

export type Mix = Readonly<Record<Difficulty, number>>;

/** 3 easy, 4 medium, 3 hard: a ramp that separates "knows the basics" from "knows the traps". */
export const DEFAULT_MIX: Mix = { easy: 3, medium: 4, hard: 3 };

const ORDER: readonly Difficulty[] = ['easy', 'medium', 'hard'];

interface Drawable {
	id: string;
	difficulty: Difficulty;
}

/** One question of the test's compact index: what a draw needs, and the lesson whose data holds it. */
export interface TestEntry extends Drawable {
	lesson: string;
}

/**
 * Returns the drawn questions, easy ones first. When a difficulty has too few questions, the gap is filled
 * from the others so the test keeps its length whenever the pool allows it.
 */
export function drawTest<T extends Drawable>(pool: readonly T[], seed: string, mix: Mix = DEFAULT_MIX): T[] {
	const random = seededRandom(seed);
	const sorted = [...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const drawn: T[] = [];
	const leftovers: T[] = [];
	for (const difficulty of ORDER) {
		const shuffled = shuffle(
			sorted.filter((question) => question.difficulty === difficulty),
			random,
		);
		drawn.push(...shuffled.slice(0, mix[difficulty]));
		leftovers.push(...shuffled.slice(mix[difficulty]));
	}
	const wanted = ORDER.reduce((sum, difficulty) => sum + mix[difficulty], 0);
	drawn.push(...shuffle(leftovers, random).slice(0, Math.max(0, wanted - drawn.length)));
	return drawn.sort((a, b) => ORDER.indexOf(a.difficulty) - ORDER.indexOf(b.difficulty));
}

/** Counts per difficulty, for showing and checking the mix. */
export function mixOf(questions: readonly Drawable[]): Record<Difficulty, number> {
	const counts: Record<Difficulty, number> = { easy: 0, medium: 0, hard: 0 };
	for (const question of questions) counts[question.difficulty]++;
	return counts;
}
