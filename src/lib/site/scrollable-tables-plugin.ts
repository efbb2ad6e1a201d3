/**
 * A Sätteri hast plugin that makes Markdown tables reachable by keyboard. On a phone Starlight lets a wide
 * table scroll sideways; a scrolling region must be focusable (WCAG 2.1.1, axe `scrollable-region-focusable`)
 * so a keyboard user can scroll it too.
 */
import { defineHastPlugin } from 'satteri';

export function scrollableTablesPlugin() {
	return defineHastPlugin({
		name: 'awaitable-scrollable-tables',
		element: {
			filter: ['table'],
			visit(node, ctx) {
				if (node.properties['tabIndex'] === undefined) ctx.setProperty(node, 'tabIndex', 0);
			},
		},
	});
}
