import { describe, expect, it } from 'vitest';
import { cardItems, explainItems, problemItems, question } from '~/components/practice/islands/test-fixtures.ts';
import type { CompiledSet } from './compiled.ts';
import { setDataPath, setHosts, setLinkText, setPagePath, setSummary } from './set-pages.ts';

const base = { id: 'aget/x', lesson: 'aget', file: 'src/content/practice/aget/x.yaml' };

describe("a practice set's own page", () => {
	it('lives at /practice/<set id>/, its data at /practice/<set id>.json', () => {
		expect(setPagePath('aget/quiz')).toBe('/practice/aget/quiz/');
		expect(setDataPath('aget/quiz')).toBe('/practice/aget/quiz.json');
		expect(setLinkText('problems')).toBe('Open the practice problems on their own page');
	});

	it('is summarised by its count and mix, in the lists’ order, leaving out what is absent', () => {
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

describe('the page that embeds a set', () => {
	const entry = (id: string, body: string) => ({ id, body });

	it('is the first page, in id order, whose MDX embeds it', () => {
		const hosts = setHosts([
			entry('lessons/b', '<Quiz id="b/quiz" />\n<Flashcards id="shared/cards" />'),
			entry('lessons/a', '<Practice id=\'a/problems\' />\n<Flashcards id="shared/cards" />'),
		]);
		expect(Object.fromEntries([...hosts].map(([id, host]) => [id, host.id]))).toEqual({
			'a/problems': 'lessons/a',
			'b/quiz': 'lessons/b',
			'shared/cards': 'lessons/a',
		});
	});

	it('does not count an embed shown as code', () => {
		const guide = entry(
			'guide/authoring',
			[
				'Embed it with `<Quiz id="aget/quiz" />`:',
				'',
				'```text',
				'<Practice id="aget/problems" /> points at a quiz set',
				'```',
				'',
				'<Quiz id="guide/quiz" />',
			].join('\n'),
		);
		expect(
			[...setHosts([guide, entry('lessons/aget', '<Quiz id="aget/quiz" />')])].map(([id, host]) => `${id} ${host.id}`),
		).toEqual(['guide/quiz guide/authoring', 'aget/quiz lessons/aget']);
	});
});
