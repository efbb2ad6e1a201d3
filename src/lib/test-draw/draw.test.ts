import { describe, expect, it } from 'vitest';
import type { Difficulty } from '../practice/fields.ts';
import { DEFAULT_MIX, drawTest, mixOf } from './draw.ts';
import { hashString, seededRandom, shuffle } from './prng.ts';
import { DEFAULT_SEED, newSeed, searchWithSeed, seedFromSearch } from './seed.ts';
import { lessonsToRead } from './suggest.ts';

function bank(counts: Record<Difficulty, number>) {
	return (Object.keys(counts) as Difficulty[]).flatMap((difficulty) =>
		Array.from({ length: counts[difficulty] }, (_, index) => ({ id: `${difficulty}-${index}`, difficulty })),
	);
}

describe('the seeded generator', () => {
	it('gives the same sequence for the same seed', () => {
		const a = seededRandom('abc');
		const b = seededRandom('abc');
		expect([a(), a(), a()]).toEqual([b(), b(), b()]);
	});

	it('gives different sequences for different seeds', () => {
		expect(seededRandom('abc')()).not.toBe(seededRandom('abd')());
	});

	it('returns floats in [0, 1)', () => {
		const random = seededRandom('range');
		for (let index = 0; index < 1000; index++) {
			const value = random();
			expect(value).toBeGreaterThanOrEqual(0);
			expect(value).toBeLessThan(1);
		}
	});

	it('hashes strings to unsigned 32-bit integers that differ for near-identical strings', () => {
		expect(hashString('a')).not.toBe(hashString('b'));
		expect(Number.isInteger(hashString('seed'))).toBe(true);
		expect(hashString('seed')).toBeGreaterThanOrEqual(0);
		expect(hashString('seed')).toBeLessThan(2 ** 32);
	});

	it('shuffles into a permutation without touching the input', () => {
		const input = [1, 2, 3, 4, 5, 6, 7, 8];
		const shuffled = shuffle(input, seededRandom('x'));
		expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect([...shuffled].sort()).toEqual(input);
		expect(shuffled).not.toEqual(input);
	});
});

describe('drawing the test', () => {
	const pool = bank({ easy: 8, medium: 9, hard: 7 });

	it('draws 3 easy, 4 medium and 3 hard questions, easy ones first', () => {
		const drawn = drawTest(pool, 'k3x9q2');
		expect(drawn).toHaveLength(10);
		expect(mixOf(drawn)).toEqual(DEFAULT_MIX);
		expect(drawn.map((question) => question.difficulty)).toEqual([
			'easy',
			'easy',
			'easy',
			'medium',
			'medium',
			'medium',
			'medium',
			'hard',
			'hard',
			'hard',
		]);
	});

	it('draws each question at most once', () => {
		const ids = drawTest(pool, 'unique').map((question) => question.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('draws the same questions for the same seed, whatever order the pool is in', () => {
		const reversed = [...pool].reverse();
		expect(drawTest(reversed, 'same').map((q) => q.id)).toEqual(drawTest(pool, 'same').map((q) => q.id));
	});

	it('draws different questions for different seeds', () => {
		const draws = new Set(
			['a', 'b', 'c', 'd', 'e'].map((seed) =>
				drawTest(pool, seed)
					.map((q) => q.id)
					.join(),
			),
		);
		expect(draws.size).toBeGreaterThan(1);
	});

	it('reaches every question over many seeds', () => {
		const seen = new Set<string>();
		for (let index = 0; index < 200; index++) for (const question of drawTest(pool, `s${index}`)) seen.add(question.id);
		expect(seen.size).toBe(pool.length);
	});

	it('fills a missing difficulty from the others to keep ten questions', () => {
		const drawn = drawTest(bank({ easy: 10, medium: 2, hard: 0 }), 'fill');
		expect(drawn).toHaveLength(10);
		expect(mixOf(drawn)).toEqual({ easy: 8, medium: 2, hard: 0 });
	});

	it('draws the whole pool when it has fewer than ten questions', () => {
		expect(drawTest(bank({ easy: 1, medium: 2, hard: 1 }), 'small')).toHaveLength(4);
		expect(drawTest([], 'empty')).toEqual([]);
	});
});

describe('seeds in the URL', () => {
	it('reads the seed from the query string', () => {
		expect(seedFromSearch('?seed=k3x9q2')).toBe('k3x9q2');
		expect(seedFromSearch('?other=1&seed=AbC')).toBe('abc');
	});

	it('falls back to the default seed when the seed is absent or malformed', () => {
		expect(seedFromSearch('')).toBe(DEFAULT_SEED);
		expect(seedFromSearch('?seed=')).toBe(DEFAULT_SEED);
		expect(seedFromSearch('?seed=<script>')).toBe(DEFAULT_SEED);
		expect(seedFromSearch(`?seed=${'a'.repeat(33)}`)).toBe(DEFAULT_SEED);
	});

	it('makes a new six-character seed that differs from the current one', () => {
		const values = [5, 5, 7];
		const random = () => values.shift() ?? 9;
		const current = newSeed(() => 5);
		expect(current).toMatch(/^[a-z0-9]{6}$/);
		expect(newSeed(random, current)).toBe(newSeed(() => 7));
	});

	it('puts the seed into the query string and keeps other parameters', () => {
		expect(searchWithSeed('?a=1', 'xyz')).toBe('?a=1&seed=xyz');
		expect(searchWithSeed('?seed=old', 'new')).toBe('?seed=new');
	});
});

describe('lessons to read after the test', () => {
	it('lists the lessons of the missed questions once each, in lesson order', () => {
		const missed = [{ lesson: 'blocking' }, { lesson: 'aget' }, { lesson: 'blocking' }];
		expect(lessonsToRead(missed, ['event-loop', 'aget', 'no-afilter', 'blocking'])).toEqual(['aget', 'blocking']);
	});

	it('suggests nothing when nothing was missed', () => {
		expect(lessonsToRead([], ['aget'])).toEqual([]);
	});
});
