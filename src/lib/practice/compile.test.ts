import { describe, expect, test } from 'vitest';
import { compileSet, itemHash, unwrapParagraph } from './compile.ts';
import { parsePracticeFile } from './parse-file.ts';

describe('itemHash', () => {
	test('does not depend on key order', () => {
		expect(itemHash({ id: 'a', front: 'x', back: 'y' })).toBe(itemHash({ back: 'y', front: 'x', id: 'a' }));
	});

	test('changes when any text of the item changes', () => {
		expect(itemHash({ id: 'a', front: 'x' })).not.toBe(itemHash({ id: 'a', front: 'x!' }));
	});
});

describe('unwrapParagraph', () => {
	test('unwraps a single paragraph for an inline slot', () => {
		expect(unwrapParagraph('<p>Use <code>aget()</code></p>\n')).toBe('Use <code>aget()</code>');
	});

	test('keeps block content that is more than one paragraph', () => {
		const html = '<p>One</p>\n<p>Two</p>';
		expect(unwrapParagraph(html)).toBe(html);
		expect(unwrapParagraph('<pre><code>x</code></pre>')).toBe('<pre><code>x</code></pre>');
	});
});

describe('compileSet', () => {
	const render = (markdown: string) => Promise.resolve(`<p>${markdown}</p>`);

	test("marks a problem's answer as its correct choice and keeps one hash per item", async () => {
		const source = `
type: problems
items:
  - id: p-one
    difficulty: easy
    prompt: Which?
    choices:
      - text: A
        feedback: No.
      - text: B
        feedback: Yes.
    answer: B
    hint: Think.
    steps: [First, Second]
    check: Check it.
    mistakes: [Forgetting await]
`;
		const parsed = parsePracticeFile('problems.yaml', source);
		if (!parsed.ok) throw new Error('fixture must be valid');
		const set = await compileSet({ id: 'demo/problems', lesson: 'demo', file: 'problems.yaml' }, parsed.set, render);
		if (set.type !== 'problems') throw new Error('expected a problems set');
		const [problem] = set.items;
		expect(problem?.choices.map((choice) => choice.correct)).toEqual([false, true]);
		expect(problem?.explanationHtml).toBe('<ol><li><p>First</p></li><li><p>Second</p></li></ol>');
		expect(problem?.hash).toMatch(/^[\w-]{10}$/);
		expect(problem?.lesson).toBe('demo');
	});
});
