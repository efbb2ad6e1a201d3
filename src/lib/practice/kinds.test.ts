import { describe, expect, it } from 'vitest';
import type { CompiledSet } from './compiled.ts';
import { SET_TYPES as SCHEMA_TYPES } from './practice-set.ts';
import { cardItems, explainItems, problemItems, question } from '~/components/practice/islands/test-fixtures.ts';
import { KINDS, SET_TYPES, setSummary } from './kinds.ts';

const base = {
	id: 'aget/x',
	lesson: 'aget',
	page: 'lessons/aget',
	file: 'src/content/practice/aget/x.yaml',
	assets: [],
};

describe('the set-kind registry', () => {
	it('has one entry per kind the schema knows, in the order lessons show them', () => {
		expect(SET_TYPES.toSorted()).toEqual([...SCHEMA_TYPES].sort());
		expect(SET_TYPES.map((type) => KINDS[type].title)).toEqual(['Recall & review', 'Quiz', 'Explain it', 'Practice']);
		expect(new Set(SET_TYPES.map((type) => KINDS[type].component)).size).toBe(SET_TYPES.length);
	});

	it('summarises a set by its count and mix, in the lists’ order, leaving out what is absent', () => {
		const quiz: CompiledSet = {
			...base,
			type: 'quiz',
			items: [question('a', 0, 'hard'), question('b', 0, 'easy'), question('c', 0, 'hard')],
		};
		expect(setSummary(quiz)).toBe('3 questions: 1 easy, 2 hard');
		expect(setSummary({ ...base, type: 'cards', items: cardItems })).toBe(
			'3 cards: 1 beginner, 1 intermediate, 1 advanced',
		);
		expect(setSummary({ ...base, type: 'problems', items: problemItems })).toBe('2 problems: 1 easy, 1 hard');
		expect(setSummary({ ...base, type: 'explain', items: explainItems })).toBe(
			'1 question to answer in your own words',
		);
	});
});
