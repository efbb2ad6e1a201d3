import { describe, expect, it } from 'vitest';

import { extractMarkdown, listFences } from './markdown.ts';

const FILE = 'src/content/docs/lessons/demo.mdx';
const fence = '```';

function lesson(...lines: string[]): string {
	return lines.join('\n');
}

describe('extractMarkdown', () => {
	it('turns each annotation into a snippet with file:line ids', () => {
		const source = lesson(
			'---',
			'title: Demo',
			'---',
			"import { Aside } from '@astrojs/starlight/components';",
			'',
			`${fence}python title="views.py" raises="TypeError" match="can't be used"`,
			'posts = await Post.objects.all()',
			fence,
			'',
			`${fence}python runs context="sync"`,
			'Post.objects.get(pk=1)',
			fence,
			'',
			`${fence}py norun="settings fragment"`,
			'DATABASES = {...}',
			fence,
		);
		const result = extractMarkdown(source, FILE, { mdx: true });
		expect(result.problems).toEqual([]);
		expect(result.snippets).toEqual([
			{
				id: `${FILE}:6`,
				file: FILE,
				line: 6,
				code: 'posts = await Post.objects.all()',
				expect: { raises: 'TypeError', match: "can't be used" },
				context: 'async',
			},
			{ id: `${FILE}:10`, file: FILE, line: 10, code: 'Post.objects.get(pk=1)', expect: { ok: true }, context: 'sync' },
		]);
		expect(result.notRun).toEqual([{ id: `${FILE}:14`, file: FILE, line: 14, reason: 'settings fragment' }]);
	});

	it('takes the expected output of `prints` from the next block', () => {
		const source = lesson(
			`${fence}python prints`,
			'print(1)',
			fence,
			'',
			`${fence}text title="Output" output`,
			'1',
			fence,
		);
		const result = extractMarkdown(source, FILE, { mdx: true });
		expect(result.problems).toEqual([]);
		expect(result.snippets[0]?.expect).toEqual({ prints: '1' });
	});

	it('reports prints without an output block, stray output blocks and missing annotations', () => {
		const source = lesson(
			`${fence}python prints`,
			'print(1)',
			fence,
			`${fence}text`,
			'1',
			fence,
			`${fence}text output`,
			'stray',
			fence,
			`${fence}python`,
			'x = 1',
			fence,
			`${fence}python prints`,
			'print(2)',
			fence,
		);
		const messages = extractMarkdown(source, FILE, { mdx: true }).problems.map((p) => `${p.line}: ${p.message}`);
		expect(messages).toEqual([
			'1: `prints`: the next code block (line 4) must carry the `output` flag',
			'7: this `output` block does not follow a Python block marked `prints`',
			expect.stringMatching(/^10: Python block has no annotation/),
			expect.stringMatching(/^13: `prints` needs the expected output in the next code block/),
		]);
	});

	it('ignores non-Python blocks, but not run annotations on them', () => {
		const source = lesson(`${fence}bash`, 'pip install django', fence, `${fence}pycon runs`, '>>> 1', fence);
		const result = extractMarkdown(source, FILE, { mdx: true });
		expect(result.snippets).toEqual([]);
		expect(result.problems.map((p) => p.message)).toEqual([expect.stringMatching(/only work on `python` blocks/)]);
	});

	it('finds fences indented inside JSX in MDX, and right after a JSX tag', () => {
		const source = lesson(
			'<Aside type="caution">',
			`  ${fence}python runs`,
			'  x = 1',
			'  y = 2',
			`  ${fence}`,
			'</Aside>',
			'<Tabs>',
			`${fence}python runs`,
			'z = 3',
			fence,
			'</Tabs>',
		);
		const result = extractMarkdown(source, FILE, { mdx: true });
		expect(result.snippets.map((s) => [s.line, s.code])).toEqual([
			[2, 'x = 1\ny = 2'],
			[8, 'z = 3'],
		]);
	});

	it('does not mistake a fence inside a longer fence for a block', () => {
		const source = lesson('````mdx', `${fence}python`, 'nested = True', fence, '````');
		expect(listFences(source, { mdx: true }).map((f) => f.lang)).toEqual(['mdx']);
		expect(extractMarkdown(source, FILE, { mdx: true }).problems).toEqual([]);
	});

	it('treats plain .md as CommonMark (indented code is not a fence)', () => {
		const source = lesson('Text', '', '    ```python', '    x = 1', '    ```');
		expect(listFences(source, { mdx: false }).map((f) => f.lang)).toEqual([null]);
	});

	it('finds fences in list items', () => {
		const source = lesson('1. Step one:', '', `   ${fence}python runs`, '   x = 1', `   ${fence}`);
		expect(extractMarkdown(source, FILE, { mdx: false }).snippets.map((s) => s.code)).toEqual(['x = 1']);
	});
});
