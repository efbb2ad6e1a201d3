/**
 * Renders many Markdown fields in one call of the renderer: a practice set has dozens of fields (every prompt,
 * choice, feedback, step), and one render per field was most of the content sync's time (thousands of calls,
 * each setting up the whole plugin pipeline). The fields are joined into one document, each followed by an HTML
 * comment marker on a block of its own, and the HTML is cut at the markers.
 *
 * A field rendered in the batch gives the same HTML as on its own: each field ends before its marker, which is a
 * block of its own after a blank line, so lists, quotes, code and paragraphs close there. Markdown whose meaning
 * reaches across a document (link reference definitions, footnotes, headings with their de-duplicated ids, raw
 * HTML blocks that run until a closing tag) is not batched: such a field, a batch whose markers do not all come
 * back in order (an unclosed code fence swallows them) and a batch whose render fails fall back to one render
 * per field, so an error names its own field as before (compile.ts, `inItem`).
 */
import type { Html } from './compiled.ts';

export type RenderMarkdown = (markdown: string) => Promise<Html>;

/** Markdown that could change another field's HTML when rendered in the same document. */
const REACHES_ACROSS =
	/^ {0,3}(?:<(?:pre|script|style|textarea|!|\?)|\[[^\]\n]*\]:|#{1,6}(?:\s|$)|=+\s*$|-+\s*$)|\[\^/im;

/** Whether a field is rendered in the batch (otherwise on its own). */
export function batchable(markdown: string): boolean {
	return !REACHES_ACROSS.test(markdown);
}

const marker = (nonce: string, index: number) => `<!--aw-batch-${nonce}-${index}-->`;

/**
 * The HTML of each field of a batch, cut at the markers; `undefined` when a marker is missing, out of order
 * or twice (the caller then renders the fields one by one).
 */
export function splitBatch(html: Html, count: number, nonce: string): Html[] | undefined {
	const parts: Html[] = [];
	let start = 0;
	for (let index = 0; index < count; index++) {
		const tag = `${marker(nonce, index)}\n`;
		const at = html.indexOf(tag, start);
		if (at === -1) return undefined;
		parts.push(html.slice(start, at));
		start = at + tag.length;
	}
	return html.slice(start).trim() === '' ? parts : undefined;
}

interface Pending {
	markdown: string;
	resolve: (html: Html) => void;
	reject: (error: unknown) => void;
}

/**
 * A `render` that queues each field and renders the queue in one call once the current synchronous work is
 * done (so every field a set asks for before its first `await` goes into one batch). Each returned promise
 * settles with its own field's HTML, or with its own field's error.
 */
export function batchRenderer(renderMarkdown: RenderMarkdown): RenderMarkdown {
	let queue: Pending[] = [];
	const flush = async () => {
		const batch = queue;
		queue = [];
		const inBatch = batch.filter(({ markdown }) => batchable(markdown));
		const alone = batch.filter(({ markdown }) => !batchable(markdown));
		let parts: Html[] | undefined;
		if (inBatch.length > 1) {
			const nonce = Math.random().toString(36).slice(2, 10);
			const document = inBatch.map(({ markdown }, index) => `${markdown}\n\n${marker(nonce, index)}\n\n`).join('');
			parts = await renderMarkdown(document).then(
				(html) => splitBatch(html, inBatch.length, nonce),
				() => undefined,
			);
		}
		if (parts) inBatch.forEach(({ resolve }, index) => resolve(parts[index] ?? ''));
		else alone.push(...inBatch);
		await Promise.all(alone.map(({ markdown, resolve, reject }) => renderMarkdown(markdown).then(resolve, reject)));
	};
	return (markdown) => {
		const html = new Promise<Html>((resolve, reject) => {
			if (queue.length === 0) queueMicrotask(() => void flush());
			queue.push({ markdown, resolve, reject });
		});
		// A field's error is handled where its set awaits it (compile.ts); until then it is not "unhandled".
		html.catch(() => undefined);
		return html;
	};
}
