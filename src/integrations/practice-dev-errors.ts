/**
 * During `astro dev`, shows the practice data's problems in Astro's error overlay, in the browser the author
 * is watching: file and line, item id, what is wrong and the fix, for every problem at once. Saving a fix
 * reloads the page, which clears the overlay. (The loader keeps the dev server running on bad data and
 * reports through `src/lib/practice/dev-problems.ts`; without this, mistakes show only in the terminal.)
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { formatProblem, guideLink, type AuthorProblem } from '../lib/practice/author-errors.ts';
import { withBase } from '../lib/site/base-path.ts';
import { currentPracticeProblems, onPracticeProblems } from '../lib/practice/dev-problems.ts';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The error Vite sends to the browser, in the fields Astro's overlay shows (it renders message and hint as HTML). */
export function overlayError(problems: readonly AuthorProblem[], root: string, base = '/') {
	const [first] = problems;
	// Each line as the terminal prints it (formatProblem), with the guide's section a link.
	const lines = problems.map((problem) => {
		const link = withBase(guideLink(problem.code), base);
		const text = escapeHtml(formatProblem(problem));
		const trailer = escapeHtml(`(${problem.code}, see ${guideLink(problem.code)})`);
		return `- ${text.slice(0, -trailer.length)}(<a href="${link}">${problem.code}</a>, see ${link})`;
	});
	return {
		name: 'PracticeDataError',
		title: `${problems.length} problem${problems.length === 1 ? '' : 's'} in the practice data`,
		message: lines.join('\n'),
		hint: escapeHtml(
			'Each line names the file and line, the item id, what is wrong and the fix; its code links to the section of the authoring guide that explains it. The page reloads when you save the fix.',
		),
		stack: '',
		plugin: 'awaitable-practice',
		...(first ? { id: first.file, loc: { file: path.join(root, first.file), line: first.line ?? 1, column: 1 } } : {}),
	};
}

export default function practiceDevErrors(): AstroIntegration {
	return {
		name: 'awaitable:practice-dev-errors',
		hooks: {
			'astro:server:setup': ({ server }) => {
				const root = server.config.root;
				let showing = false;
				const show = (problems: readonly AuthorProblem[]) => {
					if (problems.length > 0) {
						showing = true;
						server.ws.send({ type: 'error', err: overlayError(problems, root, server.config.base) });
					} else if (showing) {
						showing = false;
						server.ws.send({ type: 'full-reload', path: '*' });
					}
				};
				onPracticeProblems(show);
				// A page opened (or reloaded) while the data is broken shows the problems too.
				server.ws.on('connection', () => {
					const problems = currentPracticeProblems();
					if (problems.length > 0)
						server.ws.send({ type: 'error', err: overlayError(problems, root, server.config.base) });
				});
			},
		},
	};
}
