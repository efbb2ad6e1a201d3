import { describe, expect, it } from 'vitest';
import { overlayError } from './practice-dev-errors.ts';

describe("the practice data's problems in Astro's error overlay", () => {
	const problems = [
		{
			code: 'AW105' as const,
			file: 'src/content/practice/aget/quiz.yaml',
			line: 12,
			id: 'aget-q',
			message: 'returns `<Post: Hello>`. Fix: x.',
		},
		{
			code: 'AW101' as const,
			file: 'src/content/practice/aget/cards.yaml',
			line: 3,
			message: 'is not valid YAML. Fix: y.',
		},
	];

	it('lists every problem as the terminal prints it, HTML-escaped, its code a link to the guide', () => {
		expect(overlayError(problems, '/site')).toMatchObject({
			name: 'PracticeDataError',
			title: '2 problems in the practice data',
			message:
				'- src/content/practice/aget/quiz.yaml:12 item "aget-q" returns `&lt;Post: Hello&gt;`. Fix: x. (<a href="/guide/authoring/#aw105">AW105</a>, see /guide/authoring/#aw105)\n' +
				'- src/content/practice/aget/cards.yaml:3 is not valid YAML. Fix: y. (<a href="/guide/authoring/#aw101">AW101</a>, see /guide/authoring/#aw101)',
			loc: { file: '/site/src/content/practice/aget/quiz.yaml', line: 12, column: 1 },
		});
	});

	it('links under the base path when the site has one', () => {
		expect(overlayError(problems.slice(1), '/site', '/awaitable/').message).toContain(
			'(<a href="/awaitable/guide/authoring/#aw101">AW101</a>, see /awaitable/guide/authoring/#aw101)',
		);
	});
});
