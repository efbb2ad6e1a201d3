/**
 * Trusted HTML rendered at build time from the authors' Markdown (see `compiled.ts`), found by key.
 *
 * Islands get their items without HTML (`slim.ts`): on the server the wrappers fill `htmlByKey` and the render
 * reads it; in the browser Preact leaves server-rendered HTML alone while hydrating, and each fragment is read
 * back from the DOM into `htmlByKey`, so a part shown later (feedback, a retried question) has its HTML. The
 * `html` prop is the fallback for callers that pass full items (component tests, the test's fetched pool).
 */
import type { Html as HtmlString } from '~/lib/practice/compiled.ts';

export const htmlByKey = new Map<string, HtmlString>();

interface Props {
	/** The fragment's key: `htmlKey(item id, field…)`. */
	k: string;
	html: HtmlString;
	class?: string;
	id?: string;
	/** `span` for inline slots (a choice's label), `div` otherwise. */
	inline?: boolean;
}

export function Html({ k, html, class: className = 'aw-md', id, inline = false }: Props) {
	const Tag = inline ? 'span' : 'div';
	return (
		<Tag
			class={className}
			id={id}
			dangerouslySetInnerHTML={{ __html: htmlByKey.get(k) ?? html }}
			ref={(element: HTMLElement | null) => {
				if (element && !htmlByKey.has(k) && element.innerHTML !== '') htmlByKey.set(k, element.innerHTML);
			}}
		/>
	);
}
