/**
 * A Sätteri hast plugin (Astro 7's Markdown pipeline) that prefixes root-relative links in Markdown and MDX,
 * such as `[next](/lessons/aget/)`, with the site's base path. Authors write links once; they work at a
 * domain root and under a sub-path alike, and the link validator that runs after it sees the final URLs.
 */
import { defineHastPlugin } from 'satteri';
import { withBase } from './base-path.ts';

export function baseLinksPlugin(base: string) {
	return defineHastPlugin({
		name: 'awaitable-base-links',
		element: {
			filter: ['a'],
			visit(node, ctx) {
				const href = node.properties['href'];
				if (typeof href !== 'string') return;
				const prefixed = withBase(href, base);
				if (prefixed !== href) ctx.setProperty(node, 'href', prefixed);
			},
		},
	});
}
