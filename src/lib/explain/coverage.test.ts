import { describe, expect, it } from 'vitest';
import { coverageMessage, toggleConcept } from './coverage.ts';

describe('the explain-it checklist', () => {
	it('ticks and unticks concepts, keeping them sorted and unique', () => {
		expect(toggleConcept([2], 0, true)).toEqual([0, 2]);
		expect(toggleConcept([0, 2], 0, true)).toEqual([0, 2]);
		expect(toggleConcept([0, 2], 2, false)).toEqual([0]);
	});

	it('says how many concepts the reader covered', () => {
		expect(coverageMessage(3, 4)).toBe('You covered 3/4 concepts.');
		expect(coverageMessage(0, 2)).toBe('You covered 0/2 concepts.');
	});
});
