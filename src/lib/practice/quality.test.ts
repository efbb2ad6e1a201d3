/**
 * Fair questions: the per-item rules with the messages authors see, the site-wide figures, and the site's own
 * questions held to the limits (QUALITY_LIMITS).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblems } from './author-errors.ts';
import { choiceOrder } from './choice-order.ts';
import { parsePracticeFile } from './parse-file.ts';
import {
	checkQuality,
	figuresOutsideLimits,
	formatFigures,
	idLines,
	normalizeChoice,
	qualityFigures,
	QUALITY_LIMITS,
	rightIsStrictlyLongest,
	shownPosition,
	type ChoiceItem,
	type QualityInput,
} from './quality.ts';

const FILE = 'src/content/practice/aget/quiz.yaml';

/** A quiz file with one question whose choices are given as [text, correct, feedback?]. */
function quizFile(choices: readonly (readonly [string, boolean, string?])[]): QualityInput {
	const source = `type: quiz
items:
  - id: aget-fair-question
    difficulty: easy
    prompt: What does \`aget()\` return?
    choices:
${choices
	.map(
		([text, correct, feedback]) =>
			`      - text: ${JSON.stringify(text)}\n        correct: ${correct}\n        feedback: ${JSON.stringify(feedback ?? `Why "${text}" is ${correct ? 'right' : 'wrong'}: it is a belief some hold.`)}\n`,
	)
	.join('')}    explanation: It returns the instance.
`;
	const result = parsePracticeFile(FILE, source);
	if (!result.ok) throw new Error(formatProblems(result.problems));
	return { file: FILE, source, set: result.set };
}

const messages = (input: QualityInput) => formatProblems(checkQuality([input]).problems);

describe('the per-item quality rules', () => {
	it('accept a question whose choices differ and all explain themselves', () => {
		const input = quizFile([
			['The instance', true],
			['A QuerySet', false],
			['A coroutine you await again', false],
		]);
		expect(checkQuality([input]).problems).toEqual([]);
	});

	it('reject "all of the above" and "none of the above", naming file, line, id and the fix', () => {
		const input = quizFile([
			['The instance', true],
			['A QuerySet', false],
			['All of the above', false],
			['None of the above', false],
		]);
		expect(messages(input)).toMatchInlineSnapshot(`
			"- src/content/practice/aget/quiz.yaml:3 item "aget-fair-question" \`choices[2].text\` says "All of the above". Fix: choices are shuffled and each should test one idea; replace it with a specific statement a developer might believe. (AW301, see /guide/authoring/#aw301)
			- src/content/practice/aget/quiz.yaml:3 item "aget-fair-question" \`choices[3].text\` says "None of the above". Fix: choices are shuffled and each should test one idea; replace it with a specific statement a developer might believe. (AW301, see /guide/authoring/#aw301)"
		`);
	});

	it('reject two choices that differ only in case, spacing or punctuation', () => {
		const input = quizFile([
			['The instance itself', true],
			['the  instance, itself!', false],
			['A QuerySet', false],
		]);
		expect(messages(input)).toContain(
			'item "aget-fair-question" `choices[1].text` reads the same as choices[0] once case, spaces and punctuation are ignored. Fix:',
		);
	});

	it('keep punctuation inside code: `asave` and `asave()` are different answers', () => {
		expect(normalizeChoice('Call `post.asave`')).not.toBe(normalizeChoice('Call `post.asave()`'));
		expect(normalizeChoice('It RAISES  `TypeError`.')).toBe(normalizeChoice('it raises `TypeError`'));
	});

	it('reject feedback that only repeats the verdict', () => {
		const input = quizFile([
			['The instance', true, 'Correct!'],
			['A QuerySet', false, 'Wrong.'],
			['A coroutine', false],
		]);
		const text = messages(input);
		expect(text).toContain('`choices[0].feedback` has no feedback beyond the verdict. Fix:');
		expect(text).toContain('`choices[1].feedback` has no feedback beyond the verdict.');
		expect(text).not.toContain('choices[2]');
	});

	it('find the line of each item by its id, the first where an id is written twice', () => {
		const lines = idLines('type: quiz\nitems:\n  - id: first\n  - id: "second"\n  - id: \'third\'\n  - id: first\n');
		expect([...lines]).toEqual([
			['first', 3],
			['second', 4],
			['third', 5],
		]);
		expect(idLines('items:\n  - id: first-two\n').get('first')).toBeUndefined();
	});
});

const item = (id: string, texts: readonly string[], right: number): ChoiceItem => ({
	id,
	file: FILE,
	line: 1,
	choices: texts.map((text) => ({ text, feedback: 'Because.' })),
	right,
});

describe('the site-wide figures', () => {
	it('count an item as longest only when the right choice is longer than every other', () => {
		expect(rightIsStrictlyLongest(item('a', ['longest one', 'short', 'tiny'], 0))).toBe(true);
		expect(rightIsStrictlyLongest(item('b', ['same', 'same', 'x'], 0))).toBe(false);
		expect(rightIsStrictlyLongest(item('c', ['short', 'much longer'], 0))).toBe(false);
	});

	it('place the right choice where readers see it, in the shuffled order', () => {
		const question = item('aget-returns-instance', ['a', 'b', 'c', 'd'], 2);
		expect(shownPosition(question)).toBe(choiceOrder('aget-returns-instance', 4).indexOf(2));
	});

	it('report each position against the items that show it', () => {
		const items = [item('x1', ['a', 'b', 'c'], 0), item('x2', ['a', 'b', 'c', 'd'], 1)];
		const figures = qualityFigures(items);
		expect(figures.positions.map((figure) => figure.items)).toEqual([2, 2, 2, 1]);
		expect(figures.positions.reduce((sum, figure) => sum + figure.right, 0)).toBe(2);
	});

	it('name the figures that break the limits', () => {
		const items = Array.from({ length: 40 }, (_, index) => item(`long-${index}`, ['a much longer answer', 'b'], 0));
		const problems = figuresOutsideLimits(qualityFigures(items));
		expect(problems[0]).toMatch(/^the right choice is strictly the longest in 100\.0 % of items \(at most 30\.0 %\)/);
	});
});

/** Every practice file of the site, as the loader reads it. */
function siteInputs(): QualityInput[] {
	const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
	const directory = path.join(root, 'src/content/practice');
	return readdirSync(directory, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
		.map((entry) => {
			const absolute = path.join(entry.parentPath, entry.name);
			const file = path.relative(root, absolute).split(path.sep).join('/');
			const source = readFileSync(absolute, 'utf8');
			const result = parsePracticeFile(file, source);
			if (!result.ok) throw new Error(formatProblems(result.problems));
			return { file, source, set: result.set };
		});
}

describe("the site's own questions", () => {
	const { problems, figures } = checkQuality(siteInputs());
	console.log(formatFigures(figures));

	it('break none of the per-item rules', () => {
		expect(formatProblems(problems)).toBe('');
	});

	it(`have the right choice strictly longest in at most ${QUALITY_LIMITS.longestShare * 100} % of items`, () => {
		expect(figures.longestShare).toBeLessThanOrEqual(QUALITY_LIMITS.longestShare);
	});

	it(`show the right choice in each position in ${QUALITY_LIMITS.position.min * 100}-${QUALITY_LIMITS.position.max * 100} % of items`, () => {
		expect(figuresOutsideLimits({ ...figures, longestShare: 0 })).toEqual([]);
		expect(figures.positions.filter((figure) => figure.items >= QUALITY_LIMITS.minItemsPerPosition)).toHaveLength(4);
	});
});
