import { describe, expect, it } from 'vitest';
import { numberWord } from './words.ts';

describe('numberWord', () => {
	it('writes small counts as words, capitalised at the start of a sentence', () => {
		expect(numberWord(6)).toBe('six');
		expect(numberWord(7, { capital: true })).toBe('Seven');
	});

	it('falls back to digits past twelve', () => {
		expect(numberWord(13)).toBe('13');
	});
});
