import { describe, expect, it } from 'vitest';
import { inWords, tagWords } from './shared.ts';

const MINUTE = 60_000;

describe('times and tags in words', () => {
	it.each([
		[0, 'now'],
		[30_000, 'in 1 minute'],
		[10 * MINUTE, 'in 10 minutes'],
		[59.6 * MINUTE, 'in 1 hour'],
		[3 * 60 * MINUTE, 'in 3 hours'],
		[23.8 * 60 * MINUTE, 'tomorrow'],
		[8 * 1440 * MINUTE, 'in 8 days'],
	])('says %d ms ahead as "%s"', (wait, words) => {
		expect(inWords(1_000_000 + wait, 1_000_000)).toBe(words);
	});

	it('turns a misconception tag into words, keeping version numbers whole', () => {
		expect(tagWords('await-queryset')).toBe('await queryset');
		expect(tagWords('asave-in-4-1')).toBe('asave in 4-1');
	});
});
