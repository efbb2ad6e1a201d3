/**
 * Islands' props without their HTML. Astro serialises an island's props into the page next to the markup the
 * server rendered from them, so every answer and explanation would travel twice (about a quarter of a lesson
 * page, gzip). Instead the wrappers hand islands "slim" items, each HTML string replaced by "" (lists keep
 * their length), and the HTML goes into a table keyed by item id and field: on the server it feeds the render;
 * in the browser the islands read each fragment back from the server-rendered DOM (islands/ui/Html.tsx).
 */
import type { CompiledChoice, Html } from './compiled.ts';

/** The key of one HTML fragment: the item id, then the path to the field (`q1/choices/2/feedbackHtml`). */
export function htmlKey(id: string, ...path: (string | number)[]): string {
	return [id, ...path].join('/');
}

export function slimItems<T extends { id: string }>(items: readonly T[]): { items: T[]; html: [string, Html][] } {
	const html: [string, Html][] = [];
	const take = (key: string, value: Html) => {
		html.push([key, value]);
		return '';
	};
	const slim = items.map((item) => {
		const copy: Record<string, unknown> = { ...item };
		for (const [field, value] of Object.entries(item)) {
			if (field === 'choices' && Array.isArray(value)) {
				copy[field] = (value as CompiledChoice[]).map((choice, index) => ({
					...choice,
					html: take(htmlKey(item.id, field, index, 'html'), choice.html),
					feedbackHtml: take(htmlKey(item.id, field, index, 'feedbackHtml'), choice.feedbackHtml),
				}));
			} else if (field.endsWith('Html') && typeof value === 'string') {
				copy[field] = take(htmlKey(item.id, field), value);
			} else if (field.endsWith('Html') && Array.isArray(value)) {
				copy[field] = value.map((entry, index) => take(htmlKey(item.id, field, index), String(entry)));
			}
		}
		return copy as T;
	});
	return { items: slim, html };
}
