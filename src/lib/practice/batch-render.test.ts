import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, test } from 'vitest';
import { batchable, batchRenderer, splitBatch } from './batch-render.ts';

/** Fields of every shape practice data uses, each rendered in a batch and on its own. */
const FIELDS = [
	'Use `aget()` to fetch *one* row.',
	'Two paragraphs.\n\nThe second one.',
	'A list:\n\n- one\n- two',
	'1. first\n2. second',
	'```python\npost = await Post.objects.aget(pk=1)\n```',
	'> A quote that ends the field',
	'Text\n\n    indented code',
	'"Smart" quotes -- and a dash.',
	'| a | b |\n| --- | --- |\n| 1 | 2 |',
	'',
	'Ends with a list item\n- last',
];

async function renderer() {
	const processor = await createSatteriMarkdownProcessor({ syntaxHighlight: false });
	const calls: string[] = [];
	const render = async (markdown: string) => {
		calls.push(markdown);
		return (await processor.render(markdown)).code;
	};
	return { render, calls };
}

describe('batchRenderer', () => {
	test('gives every field the HTML it has when rendered on its own, in one call of the renderer', async () => {
		const { render, calls } = await renderer();
		const alone = await Promise.all(FIELDS.map(render));
		calls.length = 0;
		const batched = batchRenderer(render);
		expect(await Promise.all(FIELDS.map(batched))).toEqual(alone);
		expect(calls).toHaveLength(1);
	});

	test('renders a field whose code fence is never closed on its own, and the others still right', async () => {
		const { render, calls } = await renderer();
		const fields = ['Before.', '```python\nx = 1', 'After.'];
		const alone = await Promise.all(fields.map(render));
		calls.length = 0;
		expect(await Promise.all(fields.map(batchRenderer(render)))).toEqual(alone);
		// The batch lost its markers in the open fence, so each field was rendered again by itself.
		expect(calls).toHaveLength(1 + fields.length);
	});

	test('renders Markdown that reaches across a document (references, footnotes, headings) on its own', async () => {
		const { render } = await renderer();
		const fields = ['See [the docs][docs].', '[docs]: https://docs.djangoproject.com/', '## A heading', 'Plain.'];
		const alone = await Promise.all(fields.map(render));
		expect(await Promise.all(fields.map(batchRenderer(render)))).toEqual(alone);
		expect(fields.map(batchable)).toEqual([true, false, false, true]);
	});

	test("rejects only the failing field's promise when the renderer throws on it", async () => {
		const render = async (markdown: string) => {
			if (markdown.includes('bad')) throw new Error('a Markdown file:1: bad block');
			return `<p>${markdown}</p>\n`;
		};
		const batched = batchRenderer(render);
		const [good, bad] = [batched('good'), batched('bad')];
		await expect(good).resolves.toBe('<p>good</p>\n');
		await expect(bad).rejects.toThrow('bad block');
	});
});

describe('splitBatch', () => {
	test('refuses a batch with a marker missing or text after the last one', () => {
		const marker = (index: number) => `<!--aw-batch-n-${index}-->\n`;
		expect(splitBatch(`<p>a</p>\n${marker(0)}<p>b</p>\n${marker(1)}`, 2, 'n')).toEqual(['<p>a</p>\n', '<p>b</p>\n']);
		expect(splitBatch(`<p>a</p>\n${marker(0)}<p>b</p>\n`, 2, 'n')).toBeUndefined();
		expect(splitBatch(`<p>a</p>\n${marker(0)}<p>b</p>\n`, 1, 'n')).toBeUndefined();
	});
});
