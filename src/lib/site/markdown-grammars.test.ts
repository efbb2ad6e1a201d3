import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ExpressiveCode } from '@astrojs/starlight/expressive-code';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../../scripts/quality/project-copy.ts';
import { EMBEDDED, markdownGrammars } from './markdown-grammars.ts';

const CONTENT = path.join(ROOT, 'src/content');
const MARKDOWN_LANGUAGES = new Set(['md', 'markdown', 'mdx']);

interface Block {
	readonly where: string;
	readonly language: string;
	readonly code: string;
}

/** Every fenced `md`/`mdx` block of the site's content (indented ones in lists too), with its file and line. */
function markdownBlocks(): Block[] {
	const blocks: Block[] = [];
	const files = readdirSync(CONTENT, { recursive: true, encoding: 'utf8' }).filter((file) => /\.mdx?$/.test(file));
	for (const file of files) {
		const lines = readFileSync(path.join(CONTENT, file), 'utf8').split('\n');
		for (let index = 0; index < lines.length; index++) {
			const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]+)/.exec(lines[index] ?? '');
			if (!open) continue;
			const [, indent = '', fence = '', language = ''] = open;
			const end = lines.findIndex((line, at) => at > index && line.trim() === fence);
			if (end === -1) continue;
			if (MARKDOWN_LANGUAGES.has(language.toLowerCase())) {
				const code = lines
					.slice(index + 1, end)
					.map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
					.join('\n');
				blocks.push({ where: `${file}:${index + 1}`, language, code });
			}
			index = end;
		}
	}
	return blocks;
}

async function render(engine: ExpressiveCode, block: Block): Promise<string> {
	const { renderedGroupAst } = await engine.render({ code: block.code, language: block.language });
	return JSON.stringify(renderedGroupAst);
}

describe('markdownGrammars', () => {
	const blocks = markdownBlocks();

	test('finds the md and mdx blocks of the authoring guide', () => {
		expect(blocks.filter((block) => block.where.startsWith('docs/guide/authoring.mdx')).length).toBeGreaterThanOrEqual(
			3,
		);
	});

	test.each(blocks.map((block) => [block.where, block] as const))(
		'%s is highlighted exactly as with every embedded language Shiki has',
		async (_where, block) => {
			const full = new ExpressiveCode();
			const narrowed = new ExpressiveCode({ shiki: { langs: markdownGrammars() } });
			expect(await render(narrowed, block)).toBe(await render(full, block));
		},
		30_000,
	);

	test('a block embedding a language outside EMBEDDED comes out differently (so the check above can fail)', async () => {
		expect(EMBEDDED).not.toContain('rust');
		const block = { where: 'example', language: 'md', code: '```rust\nfn main() { let x = 1; }\n```' };
		const full = new ExpressiveCode();
		const narrowed = new ExpressiveCode({ shiki: { langs: markdownGrammars() } });
		expect(await render(narrowed, block)).not.toBe(await render(full, block));
	}, 30_000);
});
