/** Compiled practice data for the islands' component tests: what the build hands to islands. */
import type { CompiledCard, CompiledExplain, CompiledProblem, CompiledQuestion } from '~/lib/practice/compiled.ts';
import type { Difficulty } from '~/lib/practice/fields.ts';

export function question(
	id: string,
	right: number,
	difficulty: Difficulty = 'easy',
	lesson = 'aget',
): CompiledQuestion {
	return {
		id,
		hash: `${id}-v1`,
		difficulty,
		lesson,
		promptHtml: `<p>Prompt of ${id}?</p>`,
		choices: ['Alpha', 'Beta', 'Gamma'].map((name, index) => ({
			index,
			html: `${name} of ${id}`,
			correct: index === right,
			feedbackHtml: `<p>Why ${name} of ${id} is ${index === right ? 'right' : 'wrong'}.</p>`,
		})),
		explanationHtml: `<p>Explanation of ${id}.</p>`,
		section: `section-of-${id}`,
	};
}

export const quizItems: CompiledQuestion[] = [question('q-one', 0), question('q-two', 2, 'medium')];

export const problemItems: CompiledProblem[] = [
	{
		...question('p-one', 1),
		hintHtml: '<p>Hint of p-one.</p>',
		stepsHtml: ['<p>First step.</p>', '<p>Second step.</p>'],
		answerHtml: '<p>Beta of p-one</p>',
		checkHtml: '<p>Quick check of p-one.</p>',
		mistakesHtml: ['<p>Mistake one.</p>'],
	},
	{
		...question('p-two', 0, 'hard'),
		hintHtml: '<p>Hint of p-two.</p>',
		stepsHtml: ['<p>Only step.</p>'],
		answerHtml: '<p>Alpha of p-two</p>',
		checkHtml: '<p>Quick check of p-two.</p>',
		mistakesHtml: ['<p>Mistake two.</p>'],
	},
];

export const cardItems: CompiledCard[] = ['c-one', 'c-two', 'c-three'].map((id, index) => ({
	id,
	hash: `${id}-v1`,
	level: (['beginner', 'intermediate', 'advanced'] as const)[index] ?? 'beginner',
	frontHtml: `<p>Front of ${id}?</p>`,
	backHtml: `<p>Back of ${id}.</p>`,
}));

export const explainItems: CompiledExplain[] = [
	{
		id: 'x-one',
		hash: 'x-one-v1',
		promptHtml: '<p>Explain x-one.</p>',
		hintHtml: '<p>Hint of x-one.</p>',
		conceptsHtml: ['Concept A', 'Concept B', 'Concept C', 'Concept D'],
		answerHtml: '<p>Model answer of x-one.</p>',
	},
];

/** The stored progress document, as the store writes it. */
export function storedProgress(): { v: number; items: Record<string, Record<string, unknown>>; tests: unknown[] } {
	return JSON.parse(localStorage.getItem('awaitable:progress') ?? '{"v":1,"items":{},"tests":[]}');
}
