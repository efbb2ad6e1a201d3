/** The explain-it self-check: which key concepts the reader says their answer covered. */

/** Toggles a concept in a sorted list of ticked indices. */
export function toggleConcept(covered: readonly number[], index: number, ticked: boolean): number[] {
	const set = new Set(covered);
	if (ticked) set.add(index);
	else set.delete(index);
	return [...set].sort((a, b) => a - b);
}

/** "You covered 3/4 concepts." */
export function coverageMessage(covered: number, total: number): string {
	return `You covered ${covered}/${total} concepts.`;
}
