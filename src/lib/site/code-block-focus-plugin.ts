/**
 * An Expressive Code plugin that makes every code block reachable by keyboard from the HTML itself. A block
 * wider than the screen scrolls sideways, and a scrolling region must be focusable (WCAG 2.1.1, axe
 * `scrollable-region-focusable`) so a keyboard user can scroll it. Expressive Code only adds `tabindex` from a
 * script, at idle time and only when a block overflows: without JavaScript such a block cannot be scrolled
 * by keyboard, and an accessibility check that runs before that script sees an unreachable region.
 *
 * Every block's `<pre>` gets `tabindex="0"`, `role="region"` and a name ("Python code", or the frame's title),
 * so a screen reader says what it reached. With JavaScript, Expressive Code's script still removes `tabindex`
 * and `role` from blocks that fit on the screen, leaving one tab stop per block that actually scrolls.
 * (src/lib/site/scrollable-tables-plugin.ts does the same for tables.)
 */
import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';

type HastNode = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };

/** How a fence's language is spoken in the block's name; others are named as written. */
const LANGUAGE_NAMES: Record<string, string> = {
	python: 'Python',
	py: 'Python',
	sql: 'SQL',
	sh: 'Shell',
	shell: 'Shell',
	bash: 'Shell',
	js: 'JavaScript',
	ts: 'TypeScript',
	json: 'JSON',
	yaml: 'YAML',
	mdx: 'MDX',
	text: 'Text',
	txt: 'Text',
	plaintext: 'Text',
};

/** The accessible name of a code block: its frame's title when it has one, else its language. */
export function codeBlockName(language: string, title?: string): string {
	return title || `${LANGUAGE_NAMES[language] ?? language} code`;
}

function findPre(node: HastNode): HastNode | undefined {
	if (node.type === 'element' && node.tagName === 'pre') return node;
	for (const child of node.children ?? []) {
		const found = findPre(child);
		if (found) return found;
	}
	return undefined;
}

export function codeBlockFocusPlugin(): ExpressiveCodePlugin {
	return {
		name: 'awaitable-code-block-focus',
		hooks: {
			postprocessRenderedBlock: ({ codeBlock, renderData }) => {
				const pre = findPre(renderData.blockAst as HastNode);
				if (!pre) return;
				const title = typeof codeBlock.props.title === 'string' ? codeBlock.props.title : undefined;
				pre.properties = {
					...pre.properties,
					tabIndex: 0,
					role: 'region',
					ariaLabel: codeBlockName(codeBlock.language, title),
				};
			},
		},
	};
}
