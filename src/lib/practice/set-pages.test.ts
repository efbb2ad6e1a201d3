import { describe, expect, it } from 'vitest';
import {
	docsPath,
	embedAnchor,
	hostPageOf,
	lessonOf,
	practiceDataPath,
	practicePagePath,
	setAnchor,
} from './set-pages.ts';

describe('where practice lives, from set ids', () => {
	it("takes a set's lesson from the first segment of its id", () => {
		expect(lessonOf('aget/quiz')).toBe('aget');
		expect(lessonOf('no-afilter/problems')).toBe('no-afilter');
	});

	it('shows a set on its lesson unless the set names another page', () => {
		expect(hostPageOf({ id: 'aget/quiz' })).toBe('lessons/aget');
		expect(hostPageOf({ id: 'guide/quiz', page: 'guide/authoring' })).toBe('guide/authoring');
		expect(docsPath('guide/authoring')).toBe('/guide/authoring/');
		expect(docsPath('index')).toBe('/');
	});

	it('gives each lesson one practice page and one data file, and each set stable anchors', () => {
		expect(practicePagePath('aget')).toBe('/practice/aget/');
		expect(practiceDataPath('aget')).toBe('/practice/aget.json');
		expect(setAnchor('aget/problems')).toBe('problems');
		expect(embedAnchor('aget/problems')).toBe('set-problems');
	});
});
