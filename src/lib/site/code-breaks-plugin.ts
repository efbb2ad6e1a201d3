/**
 * A Sätteri hast plugin that lets inline code wrap only where code may be read across a line end: after a `.`,
 * `(`, `[` or `,` (`Post.objects.` | `filter(published=True).` | `acount()`). It adds a `<wbr>` there, so
 * the rest of the code can keep `overflow-wrap: normal` and never break inside a name (`author_` | `_name`),
 * as answer choices did on phones (issue 15). Code blocks (`pre > code`) are left alone: they scroll.
 * `<wbr>` adds no text, so copying, search and text matching see the code unchanged.
 */
import type { ElementContent } from 'hast';
import { defineHastPlugin } from 'satteri';

/** Splits `text` after each break character followed by more code (not a space, a closing bracket or a dot: `(...)` stays whole), never after a leading one (`.first()`). */
export function splitAtBreaks(text: string): string[] {
	return text.split(/(?<=\S[.([,])(?=[^\s)\].])/);
}

export function codeBreaksPlugin() {
	return defineHastPlugin({
		name: 'awaitable-code-breaks',
		element: {
			filter: ['code'],
			visit(node, ctx) {
				// A fenced block's <code> carries its language (and always sits in a <pre>): skipped before anything is
				// read, as is code with nowhere to break. Both tests only avoid work: `ctx.parent` and a child's text
				// make Sätteri copy the whole page's tree to JavaScript, once per page, where most code is in blocks.
				if (typeof (node.data as { lang?: unknown } | undefined)?.lang === 'string') return;
				const only = node.children.length === 1 ? node.children[0] : undefined;
				if (only?.type === 'text' && splitAtBreaks(ctx.textContent(node)).length < 2) return;
				const parent = ctx.parent(node);
				if (parent?.type === 'element' && parent.tagName === 'pre') return;
				node.children.forEach((child) => {
					if (child.type !== 'text') return;
					const parts = splitAtBreaks(child.value);
					if (parts.length < 2) return;
					const replacement: ElementContent[] = parts.flatMap((value, index) => [
						...(index > 0 ? [{ type: 'element' as const, tagName: 'wbr', properties: {}, children: [] }] : []),
						{ type: 'text' as const, value },
					]);
					ctx.replaceNode(child, replacement);
				});
			},
		},
	});
}
