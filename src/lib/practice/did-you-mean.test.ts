import { describe, expect, it } from 'vitest';
import { didYouMean } from './author-errors.ts';
import { parsePracticeFile } from './parse-file.ts';

describe('"did you mean"', () => {
	it('suggests the closest candidate when at most a third of the letters differ, and at least 2 may', () => {
		expect(didYouMean('corect', ['correct', 'feedback'])).toBe('correct');
		expect(didYouMean('ids', ['id'])).toBe('id');
		expect(didYouMean('aget/quizz', ['aget/quiz', 'aget/cards'])).toBe('aget/quiz');
		expect(didYouMean('colour', ['correct', 'feedback'])).toBeUndefined();
	});

	it('knows every key of the schemas, read from them rather than from a list', () => {
		const result = parsePracticeFile(
			'src/content/practice/aget/quiz.yaml',
			`type: quiz
items:
  - id: aget-q
    difficulty: easy
    prompt: What?
    misconceptoin: await-queryset
    choices:
      - text: A
        correct: true
        feedback: Because A.
      - text: B
        correct: false
        feedback: Not B.
    explanation: A.
`,
		);
		expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual([
			'has unknown key `misconceptoin`. Fix: did you mean `misconception`? Rename it, or remove it.',
		]);
	});
});
