/**
 * A Sätteri hast plugin that gives each author-error section of the authoring guide the anchor its messages
 * link to: a heading that starts with a known code (`#### AW201 Not exactly one correct choice`) gets the id
 * `aw201` (`guideAnchor` in src/lib/practice/author-errors.ts), not the slug of its whole text. It runs before
 * Astro's heading ids, which keep an id that is already set, so the table of contents uses it too.
 */
import { defineHastPlugin } from 'satteri';
import { AUTHOR_ERRORS, guideAnchor, type AuthorErrorCode } from '../practice/author-errors.ts';

/** The code a heading's text starts with, if it is one of the known codes. */
export function headingCode(text: string): AuthorErrorCode | undefined {
	const code = /^(AW\d{3})\b/.exec(text.trim())?.[1];
	return code !== undefined && Object.hasOwn(AUTHOR_ERRORS, code) ? (code as AuthorErrorCode) : undefined;
}

export function authorCodeHeadingsPlugin() {
	return defineHastPlugin({
		name: 'awaitable-author-code-headings',
		element: {
			filter: ['h2', 'h3', 'h4'],
			visit(node, ctx) {
				const code = headingCode(ctx.textContent(node));
				if (code !== undefined && node.properties['id'] === undefined) ctx.setProperty(node, 'id', guideAnchor(code));
			},
		},
	});
}
