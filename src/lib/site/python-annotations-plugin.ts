/**
 * A Sätteri mdast plugin that stops the build when a Python code block in a lesson has no run annotation
 * (`prints`, `raises="…"`, `runs` or `norun="reason"`) or a malformed one. `npm run test:samples` executes the
 * annotated blocks; this makes sure none slips past it unannotated, and tells the author at build time.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { AstroError } from 'astro/errors';
import { defineMdastPlugin } from 'satteri';
import { readFenceInfo } from '../samples/meta.ts';

const PYTHON = new Set(['python', 'py']);

export function pythonAnnotationsPlugin(root: string) {
	return defineMdastPlugin({
		name: 'awaitable-python-annotations',
		options: { position: true },
		code(node, ctx) {
			// Only lesson files: question data (rendered without a file URL) marks code with `run`/`norun` fields.
			if (!ctx.fileURL || !PYTHON.has((node.lang ?? '').toLowerCase())) return;
			const info = readFenceInfo(node.meta);
			if (info.annotation && info.errors.length === 0) return;
			const file = path.relative(root, fileURLToPath(ctx.fileURL));
			const line = node.position?.start.line;
			const where = line === undefined ? file : `${file}:${line}`;
			const problem =
				info.errors.length > 0 ? `has a malformed annotation: ${info.errors.join('; ')}.` : 'has no run annotation.';
			throw new AstroError(
				`${where}: this Python code block ${problem}`,
				'Fix: say what the block does in its fence, e.g. ```python prints (with an `output` block after it), ```python raises="TypeError", ```python runs, or ```python norun="why it is not run". See docs/content-format.md.',
			);
		},
	});
}
