/**
 * During `astro dev`, shows the practice data's problems in Astro's error overlay, in the browser the author
 * is watching: file and line, item id, what is wrong and the fix, for every problem at once. Saving a fix
 * reloads the page, which clears the overlay. (The loader keeps the dev server running on bad data and
 * reports through `src/lib/practice/dev-problems.ts`; without this, mistakes show only in the terminal.)
 * It also gives the loader Astro's `refreshContent`, so that a saved question file reaches the page without
 * waiting for the data store's debounce (`src/lib/practice/dev-sets.ts`).
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { formatProblems, type AuthorProblem } from '../lib/practice/author-errors.ts';
import { currentPracticeProblems, onPracticeProblems } from '../lib/practice/dev-problems.ts';
import { PRACTICE_LOADER, PRACTICE_REFRESH, setDevRefresh } from '../lib/practice/dev-sets.ts';

/**
 * The error Vite sends to the browser, in the fields Astro's overlay shows. Astro escapes the message and the
 * hint and renders a little Markdown in them (code spans, and absolute http(s) URLs as links), so they are
 * plain text: each problem as the terminal prints it, its guide link absolute (`site`, the dev server's URL
 * with the base) so that the overlay makes it a link.
 */
export function overlayError(problems: readonly AuthorProblem[], root: string, site?: string) {
	const [first] = problems;
	return {
		name: 'PracticeDataError',
		title: `${problems.length} problem${problems.length === 1 ? '' : 's'} in the practice data`,
		message: formatProblems(problems, site),
		hint: 'Each line names the file and line, the item id, what is wrong and the fix; its code links to the section of the authoring guide that explains it. The page reloads when you save the fix.',
		stack: '',
		plugin: 'awaitable-practice',
		...(first ? { id: first.file, loc: { file: path.join(root, first.file), line: first.line ?? 1, column: 1 } } : {}),
	};
}

export default function practiceDevErrors(): AstroIntegration {
	return {
		name: 'awaitable:practice-dev-errors',
		hooks: {
			'astro:server:setup': ({ server, refreshContent, logger }) => {
				// A saved question file: Astro runs the practice loader at once and writes its store without the
				// store's 500 ms debounce (src/lib/practice/dev-sets.ts).
				if (refreshContent) {
					setDevRefresh(() => {
						refreshContent({ loaders: [PRACTICE_LOADER], context: { ...PRACTICE_REFRESH } }).catch((error: unknown) =>
							logger.error(error instanceof Error ? error.message : String(error)),
						);
					});
				}
				const root = server.config.root;
				// The dev server's own URL with the base (known once it listens), for links the overlay can follow.
				const siteUrl = () => {
					const local = server.resolvedUrls?.local[0];
					return local === undefined ? undefined : new URL(server.config.base, local).href;
				};
				let showing = false;
				const show = (problems: readonly AuthorProblem[]) => {
					if (problems.length > 0) {
						showing = true;
						server.ws.send({ type: 'error', err: overlayError(problems, root, siteUrl()) });
					} else if (showing) {
						showing = false;
						server.ws.send({ type: 'full-reload', path: '*' });
					}
				};
				onPracticeProblems(show);
				// A page opened (or reloaded) while the data is broken shows the problems too.
				server.ws.on('connection', () => {
					const problems = currentPracticeProblems();
					if (problems.length > 0) server.ws.send({ type: 'error', err: overlayError(problems, root, siteUrl()) });
				});
			},
		},
	};
}
