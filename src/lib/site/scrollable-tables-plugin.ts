/**
 * A Sätteri hast plugin that makes Markdown tables work on every screen, with no column hidden without a cue.
 *
 * - Each table is wrapped in a labelled, focusable region (`role="region"`, `aria-label` naming the table by
 *   its columns, `tabindex="0"`), the element that scrolls when a table is wider than the page: a keyboard user
 *   can scroll it (WCAG 2.1.1, axe `scrollable-region-focusable`), and `src/styles/tables.css` shades the edge
 *   that has more columns beyond it.
 * - Each body cell carries its column's heading in `data-label`; on narrow screens the same stylesheet stacks
 *   the rows as cards that show those labels, so nothing scrolls sideways at all.
 * - Cards are drawn with `display: block`, which makes browsers forget that a table is a table; explicit ARIA
 *   roles (`table`, `rowgroup`, `row`, `columnheader`, `cell`) keep rows and columns announced.
 */
import type { Element, ElementContent } from 'hast';
import { defineHastPlugin } from 'satteri';

const ROLES: Record<string, string> = {
	table: 'table',
	thead: 'rowgroup',
	tbody: 'rowgroup',
	tr: 'row',
	th: 'columnheader',
	td: 'cell',
};

const isElement = (node: ElementContent): node is Element => node.type === 'element';

/** The element children of `node` with the given tag name. */
function childElements(node: Element, tagName: string): Element[] {
	return node.children.filter(isElement).filter((child) => child.tagName === tagName);
}

export function scrollableTablesPlugin() {
	return defineHastPlugin({
		name: 'awaitable-scrollable-tables',
		element: {
			filter: ['table'],
			visit(node, ctx) {
				const headRows = childElements(node, 'thead').flatMap((head) => childElements(head, 'tr'));
				const headings = (headRows[0] ? childElements(headRows[0], 'th') : []).map((cell) =>
					ctx.textContent(cell).trim(),
				);
				for (const group of [...childElements(node, 'thead'), ...childElements(node, 'tbody')]) {
					ctx.setProperty(group, 'role', ROLES[group.tagName]);
					for (const row of childElements(group, 'tr')) {
						ctx.setProperty(row, 'role', ROLES['tr']);
						row.children.filter(isElement).forEach((cell, column) => {
							const role = ROLES[cell.tagName];
							if (role) ctx.setProperty(cell, 'role', role);
							const label = headings[column];
							if (cell.tagName === 'td' && label) ctx.setProperty(cell, 'dataLabel', label);
						});
					}
				}
				ctx.setProperty(node, 'role', ROLES['table']);
				ctx.wrapNode(node, {
					type: 'element',
					tagName: 'div',
					properties: {
						className: ['table-region'],
						role: 'region',
						tabIndex: 0,
						ariaLabel: headings.length > 0 ? `Table: ${headings.join(', ')}` : 'Table',
					},
					children: [],
				});
			},
		},
	});
}
