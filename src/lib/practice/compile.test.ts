import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { choiceOrder } from './choice-order.ts';
import { compileSet, itemHash, takeAssets, unwrapParagraph } from './compile.ts';
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

describe('takeAssets', () => {
	test("takes Expressive Code's stylesheet and script out of a fragment and keeps each once", () => {
		const assets = new Set<string>();
		const block = (code: string) =>
			`<div class="expressive-code"><link rel="stylesheet" href="/base/_astro/ec.w36nc.css"><script type="module" src="/base/_astro/ec.0vx5m.js"></script><figure>${code}</figure></div>`;
		expect(takeAssets(block('a'), assets)).toBe('<div class="expressive-code"><figure>a</figure></div>');
		expect(takeAssets(block('b'), assets)).toBe('<div class="expressive-code"><figure>b</figure></div>');
		expect([...assets]).toEqual([
			'<link rel="stylesheet" href="/base/_astro/ec.w36nc.css">',
			'<script type="module" src="/base/_astro/ec.0vx5m.js"></script>',
		]);
	});
});

describe('compileSet', () => {
	const render = (markdown: string) => Promise.resolve(`<p>${markdown}</p>`);

	test("renders a problem's final answer from its correct choice and keeps one hash per item", async () => {
		const source = `
type: problems
items:
  - id: p-one
    difficulty: easy
    prompt: Which?
    choices:
      - text: A
        correct: false
        feedback: No.
      - text: "**B**"
        correct: true
        feedback: Yes.
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
		const right = problem?.choices.find((choice) => choice.correct);
		expect(right?.index).toBe(1);
		expect(right?.html).toBe('**B**');
		expect(problem?.answerHtml).toBe('<p>**B**</p>');
		expect(problem?.explanationHtml).toBe('<ol><li><p>First</p></li><li><p>Second</p></li></ol>');
		expect(problem?.hash).toMatch(/^[\w-]{10}$/);
		expect(problem?.lesson).toBe('demo');
	});

	test.each(['quiz', 'problems'])('shows the choices of a %s question in their fair order', async (type) => {
		const source = readFileSync(new URL(`./fixtures/hashes/aget-${type}.yaml`, import.meta.url), 'utf8');
		const parsed = parsePracticeFile(`${type}.yaml`, source);
		if (!parsed.ok || (parsed.set.type !== 'quiz' && parsed.set.type !== 'problems')) throw new Error('fixture');
		const set = await compileSet({ id: `aget/${type}`, lesson: 'aget', file: 'x.yaml' }, parsed.set, render);
		if (set.type !== 'quiz' && set.type !== 'problems') throw new Error('expected questions');
		let moved = 0;
		set.items.forEach((item, itemIndex) => {
			const authored = parsed.set.items[itemIndex];
			if (!authored || !('choices' in authored)) throw new Error('fixture');
			expect(item.choices.map((choice) => choice.index)).toEqual(choiceOrder(item.id, authored.choices.length));
			// Each shown choice is the authored one its index names.
			for (const choice of item.choices) {
				expect(choice.html).toBe(authored.choices[choice.index]?.text);
				expect(choice.correct).toBe(authored.choices[choice.index]?.correct);
			}
			if (item.choices.some((choice, position) => choice.index !== position)) moved++;
		});
		expect(moved).toBeGreaterThan(0);
	});
});

describe('item hashes', () => {
	// Copies of real sets, with the hashes that a39d713 (before problems marked choices `correct`) gave their
	// items. Readers' stored progress is keyed by id + hash: a changed hash would hide their answers.
	const dir = new URL('./fixtures/hashes/', import.meta.url);
	const onMain = JSON.parse(readFileSync(new URL('hashes-on-main-a39d713.json', dir), 'utf8')) as Record<
		string,
		Record<string, string>
	>;
	const render = (markdown: string) => Promise.resolve(markdown);

	test.each(readdirSync(dir).filter((file) => file.endsWith('.yaml')))(
		'every item of %s keeps the hash it had before the change',
		async (file) => {
			const parsed = parsePracticeFile(file, readFileSync(new URL(file, dir), 'utf8'));
			if (!parsed.ok) throw new Error(`fixture ${file} must be valid`);
			const set = await compileSet({ id: 'demo/set', lesson: 'demo', file }, parsed.set, render);
			const hashes = Object.fromEntries(set.items.map((item) => [item.id, item.hash]));
			expect(hashes).toEqual(onMain[file]);
		},
	);
});
