/**
 * Trusted HTML rendered at build time from the authors' Markdown (see `compiled.ts`). Islands always have it:
 * they render from the lesson's practice data, on the server and in the browser alike.
 */
import type { Html as HtmlString } from '~/lib/practice/compiled.ts';

interface Props {
	html: HtmlString;
	class?: string;
	id?: string;
	/** `span` for inline slots (a choice's label), `div` otherwise. */
	inline?: boolean;
}

export function Html({ html, class: className = 'aw-md', id, inline = false }: Props) {
	const Tag = inline ? 'span' : 'div';
	return <Tag class={className} id={id} dangerouslySetInnerHTML={{ __html: html }} />;
}
