/**
 * Finding the Python code blocks of a lesson (.mdx or .md) and turning their annotations into
 * snippets to run. Uses a real Markdown parser (micromark via mdast-util-from-markdown), so
 * fences inside lists, block quotes and JSX components are found, and ``` inside a code block
 * is never mistaken for a fence.
 */

import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Code, Nodes } from 'mdast';
import type { Extension } from 'micromark-util-types';

import { readFenceInfo, type FenceInfo } from '../../src/lib/samples/meta.ts';
import { emptyExtraction, type Extraction, type Location } from './types.ts';

/**
 * MDX differs from CommonMark in ways that matter for finding fences: it has no indented code
 * (so a fence indented inside a JSX component is still a fence) and no HTML blocks (so
 * `<Aside>` on the line before a fence does not swallow it). This is what
 * micromark-extension-mdx-md does; it is three lines, so we spell it out rather than depend on it.
 */
const mdxLikeSyntax: Extension = {
	disable: { null: ['autolink', 'codeIndented', 'htmlFlow', 'htmlText'] },
};

const PYTHON_LANGS = new Set(['python', 'py']);

export function isPythonLang(lang: string | null | undefined): boolean {
	return PYTHON_LANGS.has((lang ?? '').toLowerCase());
}

export interface Fence {
	lang: string | null;
	line: number;
	value: string;
	info: FenceInfo;
}

function collectCode(node: Nodes, out: Code[]): void {
	if (node.type === 'code') out.push(node);
	if ('children' in node) for (const child of node.children) collectCode(child, out);
}

/** Every code block of a document, in order, with its parsed meta. */
export function listFences(source: string, options: { mdx: boolean }): Fence[] {
	const tree = fromMarkdown(source, options.mdx ? { extensions: [mdxLikeSyntax] } : {});
	const codes: Code[] = [];
	collectCode(tree, codes);
	return codes.map((code) => ({
		lang: code.lang ?? null,
		line: code.position?.start.line ?? 0,
		value: code.value,
		info: readFenceInfo(code.meta),
	}));
}

/** Snippet id of a lesson block: the file and the line of its opening fence. */
export function fenceId(file: string, line: number): string {
	return `${file}:${line}`;
}

/**
 * Extract the snippets of one lesson. `file` is the repo-relative path used in ids and messages.
 */
export function extractMarkdown(source: string, file: string, options: { mdx: boolean }): Extraction {
	const result = emptyExtraction();
	const fences = listFences(source, options);
	const consumedOutputs = new Set<number>();
	const at = (fence: Fence): Location & { id: string } => ({ id: fenceId(file, fence.line), file, line: fence.line });
	const problem = (fence: Fence, message: string): void => {
		result.problems.push({ ...at(fence), message });
	};

	fences.forEach((fence, index) => {
		const { info } = fence;
		if (info.isOutput) {
			if (info.errors.length > 0) problem(fence, info.errors.join('; '));
			else if (!consumedOutputs.has(index)) {
				problem(fence, 'this `output` block does not follow a Python block marked `prints`');
			}
			return;
		}
		if (!isPythonLang(fence.lang)) {
			if (info.hasAnnotationKeys) {
				problem(fence, `run annotations only work on \`python\` blocks, not \`${fence.lang ?? 'no language'}\``);
			}
			return;
		}
		if (info.errors.length > 0) {
			problem(fence, info.errors.join('; '));
			return;
		}
		const { annotation } = info;
		if (annotation === null) {
			problem(
				fence,
				'Python block has no annotation: add `prints`, `raises="Name"`, `runs` or `norun="reason"` to its fence (docs/content-format.md)',
			);
			return;
		}
		switch (annotation.outcome) {
			case 'norun':
				result.notRun.push({ ...at(fence), reason: annotation.reason });
				return;
			case 'raises': {
				const expect =
					annotation.match === undefined
						? { raises: annotation.raises }
						: { raises: annotation.raises, match: annotation.match };
				result.snippets.push({ ...at(fence), code: fence.value, expect, context: annotation.context });
				return;
			}
			case 'runs':
				result.snippets.push({ ...at(fence), code: fence.value, expect: { ok: true }, context: annotation.context });
				return;
			case 'prints': {
				const next = fences[index + 1];
				if (next === undefined) {
					problem(fence, '`prints` needs the expected output in the next code block, flagged `output`');
				} else if (!next.info.isOutput) {
					problem(fence, `\`prints\`: the next code block (line ${next.line}) must carry the \`output\` flag`);
				} else {
					consumedOutputs.add(index + 1);
					result.snippets.push({
						...at(fence),
						code: fence.value,
						expect: { prints: next.value },
						context: annotation.context,
					});
				}
				return;
			}
		}
	});
	return result;
}
