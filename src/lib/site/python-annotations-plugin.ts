/**
 * A Sätteri mdast plugin that stops the build when a Python code block in a lesson has no run annotation
 * (`prints`, `raises="…"`, `runs` or `norun="reason"`) or a malformed one. `npm run test:samples` executes the
 * annotated blocks; this makes sure none slips past it unannotated, and tells the author at build time.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { AuthorError } from '../practice/author-errors.ts';
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
			const file = path.relative(root, fileURLToPath(ctx.fileURL)).split(path.sep).join('/');
			const problem =
				info.errors.length > 0 ? `has a malformed annotation: ${info.errors.join('; ')}.` : 'has no run annotation.';
			throw new AuthorError({
				code: 'AW405',
				file,
				line: node.position?.start.line,
				message: `this Python code block ${problem} Fix: say what the block does in its fence, e.g. \`\`\`python prints (with an \`output\` block after it), \`\`\`python raises="TypeError", \`\`\`python runs, or \`\`\`python norun="why it is not run".`,
			});
		},
	});
}
