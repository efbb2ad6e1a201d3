import { describe, expect, it } from 'vitest';
import { formatProblem } from './author-errors.ts';
import { authorSet, describeRun, qualityWarnings } from './author-view.ts';
import { parsePracticeFile } from './parse-file.ts';

const quiz = `type: quiz
items:
  - id: aget-await-queryset
    difficulty: easy
    prompt: What does \`await Post.objects.all()\` do?
    misconception: await-queryset
    choices:
      - text: It raises \`TypeError\`.
        correct: true
        feedback: A QuerySet is not awaitable.
        run:
          code: await Post.objects.all()
          raises: TypeError
      - text: It returns a list.
        correct: false
        feedback: It does not.
        norun: prose, not code
    explanation: Iterate with async for.
`;

function parsed(source: string, file = 'src/content/practice/aget/quiz.yaml') {
	const result = parsePracticeFile(file, source);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return { id: 'aget/quiz', file, set: result.set };
}

describe('the author view of a practice set', () => {
	it('shows the answer key, the tags and what each choice’s code should do before any recorded run', () => {
		const [item] = authorSet(parsed(quiz), undefined).items;
		expect(item).toEqual({
			id: 'aget-await-queryset',
			prompt: 'What does `await Post.objects.all()` do?',
			answer: ['It raises `TypeError`.'],
			tags: ['easy', 'misconception: await-queryset'],
			warnings: [],
			choices: [
				{ text: 'It raises `TypeError`.', correct: true, annotation: 'raises TypeError', result: undefined },
				{ text: 'It returns a list.', correct: false, annotation: 'not run: prose, not code', result: undefined },
			],
		});
	});

	it('shows the outcome of the last recorded run of each choice, by snippet id', () => {
		const runs = {
			at: '2026-12-02T02:00:00.000Z',
			filter: null,
			runs: [{ id: 'aget/quiz#aget-await-queryset/choice-0', ok: false, expected: 'raises TypeError', got: 'ok' }],
		};
		const [item] = authorSet(parsed(quiz), runs).items;
		expect(item?.choices[0]?.result).toEqual({ ok: false, got: 'ok' });
		expect(item?.choices[1]?.result).toBeUndefined();
	});

	it('passes on warnings for each item', () => {
		const warning = { code: 'AW304' as const, file: 'f.yaml', id: 'x', message: 'is guessable. Fix: y.' };
		const [item] = authorSet(parsed(quiz), undefined, (id) => [{ ...warning, id }]).items;
		expect(item?.warnings).toEqual([{ ...warning, id: 'aget-await-queryset' }]);
	});

	it('warns, with its code and line, when the right choice is the longest, and repeats the quality errors', () => {
		const file = 'src/content/practice/aget/quiz.yaml';
		const source = quiz.replace('feedback: It does not.', 'feedback: Wrong.');
		const { set } = parsed(source, file);
		const warnings = qualityWarnings(file, source, set)('aget-await-queryset').map((warning) => formatProblem(warning));
		expect(warnings).toEqual([
			'src/content/practice/aget/quiz.yaml:3 item "aget-await-queryset" `choices[1].feedback` has no feedback beyond the verdict. Fix: say why this choice is right or wrong, naming the misconception behind it. (AW303, see /guide/authoring/#aw303)',
			'src/content/practice/aget/quiz.yaml:3 item "aget-await-queryset" `choices[0].text` is the right choice and longer than every other choice, so a reader can pick it by its length. Fix: shorten it, or give the wrong choices the detail they lack. (AW304, see /guide/authoring/#aw304)',
		]);
		const fair = quiz.replace('It returns a list.', 'It returns a list of every row.');
		expect(qualityWarnings(file, fair, parsed(fair, file).set)('aget-await-queryset')).toEqual([]);
	});

	it('describes every kind of run annotation', () => {
		expect(describeRun({ raises: 'TypeError', match: "can't be used" })).toBe(
			'raises TypeError matching "can\'t be used"',
		);
		expect(describeRun({ prints: '3' })).toBe('prints "3"');
		expect(describeRun({ returns: '1', context: 'sync' })).toBe('returns 1 (run with no event loop)');
		expect(describeRun({ ok: true })).toBe('completes without an exception');
	});
});
