/**
 * Seeds for the test draw. A seed is a short lower-case string carried in the URL (`/test/?seed=k3x9q2`), so
 * a result can be shared or reproduced; the same seed over the same question banks draws the same questions.
 */
import { SEED_PATTERN } from '../progress/limits.ts';

export { SEED_PATTERN };

/** The seed of the draw a reader sees first, and the one rendered into the page for readers without JavaScript. */
export const DEFAULT_SEED = 'start';

/** Reads the seed from a URL query string (`?seed=abc`); an absent or malformed seed gives the default. */
export function seedFromSearch(search: string): string {
	const value = new URLSearchParams(search).get('seed')?.trim().toLowerCase();
	return value !== undefined && SEED_PATTERN.test(value) ? value : DEFAULT_SEED;
}

/**
 * A fresh seed for a retake. `random` returns 32 random bits; by default `crypto.getRandomValues`, passed
 * in by tests to make the result predictable.
 */
export function newSeed(random: () => number = randomUint32, avoid?: string): string {
	for (;;) {
		const seed = (random() >>> 0).toString(36).padStart(6, '0').slice(-6);
		if (seed !== avoid && seed !== DEFAULT_SEED) return seed;
	}
}

function randomUint32(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

/** The URL search string for a seed, keeping other parameters. */
export function searchWithSeed(search: string, seed: string): string {
	const params = new URLSearchParams(search);
	params.set('seed', seed);
	return `?${params.toString()}`;
}
