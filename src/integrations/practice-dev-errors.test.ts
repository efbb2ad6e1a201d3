import { describe, expect, it } from 'vitest';
import { overlayError } from './practice-dev-errors.ts';

describe("the practice data's problems in Astro's error overlay", () => {
	it('lists every problem, HTML-escaped, and points the code frame at the first one', () => {
		const error = overlayError(
			[
				{
					file: 'src/content/practice/aget/quiz.yaml',
					line: 12,
					id: 'aget-q',
					message: 'returns `<Post: Hello>`. Fix: x.',
				},
				{ file: 'src/content/practice/aget/cards.yaml', line: 3, message: 'is not valid YAML. Fix: y.' },
			],
			'/site',
		);
		expect(error).toMatchObject({
			name: 'PracticeDataError',
			title: '2 problems in the practice data',
			message:
				'- src/content/practice/aget/quiz.yaml:12 item "aget-q" returns `&lt;Post: Hello&gt;`. Fix: x.\n- src/content/practice/aget/cards.yaml:3 is not valid YAML. Fix: y.',
			loc: { file: '/site/src/content/practice/aget/quiz.yaml', line: 12, column: 1 },
		});
	});
});
