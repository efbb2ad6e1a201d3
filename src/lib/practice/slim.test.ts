import { describe, expect, it } from 'vitest';
import type { CompiledProblem } from './compiled.ts';
import { htmlKey, slimItems } from './slim.ts';

const problem: CompiledProblem = {
	id: 'p1',
	hash: 'h',
	difficulty: 'easy',
	lesson: 'aget',
	promptHtml: '<p>Prompt</p>',
	choices: [
		{ index: 0, html: '<code>a</code>', correct: true, feedbackHtml: '<p>Yes</p>' },
		{ index: 1, html: '<code>b</code>', correct: false, feedbackHtml: '<p>No</p>' },
	],
	explanationHtml: '<ol><li>Step</li></ol>',
	hintHtml: '<p>Hint</p>',
	stepsHtml: ['<p>Step</p>'],
	answerHtml: '<p>a</p>',
	checkHtml: '<p>Check</p>',
	mistakesHtml: ['<p>One</p>', '<p>Two</p>'],
};

describe('slim island props', () => {
	const { items, html } = slimItems([problem]);

	it('empty every HTML string and keep everything else, lists at their length', () => {
		expect(items[0]).toEqual({
			...problem,
			promptHtml: '',
			choices: [
				{ index: 0, html: '', correct: true, feedbackHtml: '' },
				{ index: 1, html: '', correct: false, feedbackHtml: '' },
			],
			explanationHtml: '',
			hintHtml: '',
			stepsHtml: [''],
			answerHtml: '',
			checkHtml: '',
			mistakesHtml: ['', ''],
		});
	});

	it('keep every HTML string under a key made of the item id and the field’s path', () => {
		const table = new Map(html);
		expect(table.get(htmlKey('p1', 'promptHtml'))).toBe('<p>Prompt</p>');
		expect(table.get(htmlKey('p1', 'choices', 1, 'feedbackHtml'))).toBe('<p>No</p>');
		expect(table.get(htmlKey('p1', 'mistakesHtml', 1))).toBe('<p>Two</p>');
		expect(table.size).toBe(12);
	});

	it('leave the input untouched', () => {
		expect(problem.choices[0]?.html).toBe('<code>a</code>');
	});
});
