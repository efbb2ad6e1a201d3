/**
 * A small seeded pseudo-random generator. Not for security: it only has to give the same sequence for the
 * same seed in Node (the build renders the default draw) and in every browser.
 */

/** A 32-bit hash of a string (FNV-1a followed by a murmur3 finaliser, so short seeds still spread well). */
export function hashString(text: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}
	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x85ebca6b);
	hash ^= hash >>> 13;
	hash = Math.imul(hash, 0xc2b2ae35);
	hash ^= hash >>> 16;
	return hash >>> 0;
}

/** mulberry32: returns a function giving floats in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: string): () => number {
	let state = hashString(seed);
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A shuffled copy (Fisher–Yates) driven by `random`. */
export function shuffle<T>(list: readonly T[], random: () => number): T[] {
	const copy = [...list];
	for (let index = copy.length - 1; index > 0; index--) {
		const other = Math.floor(random() * (index + 1));
		[copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
	}
	return copy;
}
