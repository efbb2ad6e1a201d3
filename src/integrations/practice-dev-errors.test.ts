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

	it('lists every problem as the terminal prints it (Astro escapes it), its guide link under the dev server', () => {
		expect(overlayError(problems, '/site', 'http://localhost:4321/')).toMatchObject({
			name: 'PracticeDataError',
			title: '2 problems in the practice data',
			message:
				'- src/content/practice/aget/quiz.yaml:12 item "aget-q" returns `<Post: Hello>`. Fix: x. (AW105, see http://localhost:4321/guide/authoring/#aw105)\n' +
				'- src/content/practice/aget/cards.yaml:3 is not valid YAML. Fix: y. (AW101, see http://localhost:4321/guide/authoring/#aw101)',
			loc: { file: '/site/src/content/practice/aget/quiz.yaml', line: 12, column: 1 },
		});
	});

	it('links under the base path when the site has one, and site-relative before the server listens', () => {
		expect(overlayError(problems.slice(1), '/site', 'http://localhost:4321/awaitable/').message).toContain(
			'(AW101, see http://localhost:4321/awaitable/guide/authoring/#aw101)',
		);
		expect(overlayError(problems.slice(1), '/site').message).toContain('(AW101, see /guide/authoring/#aw101)');
	});
});
