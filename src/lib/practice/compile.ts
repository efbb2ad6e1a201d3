/**
 * Compiles a validated set into what pages and islands use: Markdown rendered once at build time and a
 * content hash per item. The renderer is passed in so this stays testable without Astro.
 */
import { createHash } from 'node:crypto';
import { AstroError } from 'astro/errors';
import type { CompiledChoice, CompiledSet, Html } from './compiled.ts';
import { assertNever } from './compiled.ts';
import { AuthorError } from './author-errors.ts';
import type { Choice } from './choice.ts';
import { choiceOrder } from './choice-order.ts';
import { hostPageOf } from './set-pages.ts';
import type { Problem } from './items.ts';
import type { PracticeSet } from './practice-set.ts';

export type RenderMarkdown = (markdown: string) => Promise<Html>;

/** Short, stable hash of an item's authored content (key order does not matter). */
export function itemHash(item: unknown): string {
	return createHash('sha256').update(stableStringify(item)).digest('base64url').slice(0, 10);
}

/**
 * A problem's hash, computed from the form it was authored in before choices carried `correct`: the choices
 * without it and `answer` holding the right choice's text. Readers' stored progress is keyed by id + hash,
 * so moving the mark onto the choice kept every problem's hash, and with it every reader's answers.
 */
export function problemHash(item: Problem): string {
	const right = item.choices.find((choice) => choice.correct);
	return itemHash({
		...item,
		choices: item.choices.map(({ correct: _correct, ...rest }) => rest),
		answer: right?.text,
	});
}

function stableStringify(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, entry]) => entry !== undefined)
			.sort(([a], [b]) => a.localeCompare(b));
		return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableStringify(entry)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/**
 * Expressive Code puts its stylesheet and script before every code block it renders: in practice data that
 * would repeat them in every fragment. They are taken out of the fragments and kept once per set
 * (`CompiledSet.assets`); a page with practice renders them once (see `PracticeAssets.astro`).
 */
const EC_ASSET =
	/<link rel="stylesheet" href="[^"]*\/ec\.[\w-]+\.css"\s*\/?>|<script type="module" src="[^"]*\/ec\.[\w-]+\.js"><\/script>/g;

export function takeAssets(html: Html, assets: Set<string>): Html {
	return html.replace(EC_ASSET, (tag) => {
		assets.add(tag);
		return '';
	});
}

/** A single Markdown paragraph rendered for an inline slot (a button label, a list item) loses its `<p>`. */
export function unwrapParagraph(html: Html): Html {
	const trimmed = html.trim();
	const match = /^<p>([\s\S]*)<\/p>$/.exec(trimmed);
	return match && !match[1]?.includes('<p>') ? (match[1] ?? '') : trimmed;
}

/**
 * Runs an item's compilation so that an error thrown while rendering its Markdown (such as a Python block
 * without a run annotation) names the file and the item, not just "a Markdown file".
 */
async function inItem<T>(file: string, id: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		if (!(error instanceof Error)) throw error;
		// An author mistake found in the Markdown: the same problem, placed in the file and item.
		if (error instanceof AuthorError) {
			const { line, message } = error.problem;
			const inField = line === undefined ? message : `(line ${line} of one of its Markdown fields) ${message}`;
			throw new AuthorError({ ...error.problem, file, line: undefined, id, message: inField });
		}
		const { hint } = error as { hint?: unknown };
		const message = error.message.replace(/^a Markdown file:(\d+): /, 'line $1 of one of its Markdown fields: ');
		throw new AstroError(`${file} item "${id}", ${message}`, typeof hint === 'string' ? hint : undefined);
	}
}

export async function compileSet(
	meta: { id: string; lesson: string; file: string },
	set: PracticeSet,
	renderMarkdown: RenderMarkdown,
): Promise<CompiledSet> {
	const assets = new Set<string>();
	const render = async (markdown: string) => takeAssets(await renderMarkdown(markdown), assets);
	const inline = async (markdown: string) => unwrapParagraph(await render(markdown));
	const all = (list: readonly string[]) => Promise.all(list.map(render));
	/** Choices in the order they are shown, each with its authored index. */
	const choices = (itemId: string, list: readonly Choice[]) =>
		Promise.all(
			choiceOrder(itemId, list.length).map(async (index): Promise<CompiledChoice> => {
				const choice = list[index] as Choice;
				return {
					index,
					html: await inline(choice.text),
					correct: choice.correct,
					feedbackHtml: await render(choice.feedback),
				};
			}),
		);
	const base = {
		id: meta.id,
		lesson: meta.lesson,
		page: hostPageOf({ id: meta.id, page: set.page }),
		file: meta.file,
		...(set.title ? { title: set.title } : {}),
	};

	const items = await compileItems(meta, set, render, inline, all, choices);
	return { ...base, ...items, assets: [...assets] } as CompiledSet;
}

async function compileItems(
	meta: { id: string; lesson: string; file: string },
	set: PracticeSet,
	render: RenderMarkdown,
	inline: RenderMarkdown,
	all: (list: readonly string[]) => Promise<Html[]>,
	choices: (itemId: string, list: readonly Choice[]) => Promise<CompiledChoice[]>,
): Promise<Pick<CompiledSet, 'type' | 'items'>> {
	switch (set.type) {
		case 'cards':
			return {
				type: 'cards',
				items: await Promise.all(
					set.items.map((item) =>
						inItem(meta.file, item.id, async () => ({
							id: item.id,
							hash: itemHash(item),
							level: item.level,
							frontHtml: await render(item.front),
							backHtml: await render(item.back),
						})),
					),
				),
			};
		case 'quiz':
			return {
				type: 'quiz',
				items: await Promise.all(
					set.items.map((item) =>
						inItem(meta.file, item.id, async () => ({
							id: item.id,
							hash: itemHash(item),
							difficulty: item.difficulty,
							lesson: meta.lesson,
							promptHtml: await render(item.prompt),
							choices: await choices(item.id, item.choices),
							explanationHtml: await render(item.explanation),
							...(item.section ? { section: item.section } : {}),
							...(item.misconception ? { misconception: item.misconception } : {}),
						})),
					),
				),
			};
		case 'explain':
			return {
				type: 'explain',
				items: await Promise.all(
					set.items.map((item) =>
						inItem(meta.file, item.id, async () => ({
							id: item.id,
							hash: itemHash(item),
							promptHtml: await render(item.prompt),
							hintHtml: await render(item.hint),
							conceptsHtml: await Promise.all(item.concepts.map(inline)),
							answerHtml: await render(item.answer),
						})),
					),
				),
			};
		case 'problems':
			return {
				type: 'problems',
				items: await Promise.all(
					set.items.map((item) =>
						inItem(meta.file, item.id, async () => {
							const stepsHtml = await all(item.steps);
							// The schema guarantees exactly one correct choice; its text is the "final answer".
							const right = item.choices.find((choice) => choice.correct)?.text ?? '';
							return {
								id: item.id,
								hash: problemHash(item),
								difficulty: item.difficulty,
								lesson: meta.lesson,
								promptHtml: await render(item.prompt),
								choices: await choices(item.id, item.choices),
								// In the site-wide test a problem is reviewed like a quiz question: its solution explains it.
								explanationHtml: `<ol>${stepsHtml.map((step) => `<li>${step}</li>`).join('')}</ol>`,
								hintHtml: await render(item.hint),
								stepsHtml,
								answerHtml: await render(right),
								checkHtml: await render(item.check),
								mistakesHtml: await all(item.mistakes),
							};
						}),
					),
				),
			};
		default:
			return assertNever(set);
	}
}
