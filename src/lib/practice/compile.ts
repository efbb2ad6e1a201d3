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
import { batchRenderer, type RenderMarkdown } from './batch-render.ts';
import type { Problem } from './items.ts';
import type { PracticeSet } from './practice-set.ts';

export type { RenderMarkdown } from './batch-render.ts';

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

/**
 * Compiles a set. Every field's render is asked for before the first `await` (the item builders below start
 * them all, then wait), so `batchRenderer` renders the whole set in one call of the Markdown renderer.
 */
export async function compileSet(
	meta: { id: string; lesson: string; file: string },
	set: PracticeSet,
	renderMarkdown: RenderMarkdown,
): Promise<CompiledSet> {
	const assets = new Set<string>();
	const batched = batchRenderer(renderMarkdown);
	const render = (markdown: string) => batched(markdown).then((html) => takeAssets(html, assets));
	const inline = (markdown: string) => render(markdown).then(unwrapParagraph);
	const all = (list: readonly string[]) => Promise.all(list.map(render));
	/** Choices in the order they are shown, each with its authored index. */
	const choices = (itemId: string, list: readonly Choice[]) =>
		Promise.all(
			choiceOrder(itemId, list.length).map((index): Promise<CompiledChoice> => {
				const choice = list[index] as Choice;
				const html = inline(choice.text);
				const feedbackHtml = render(choice.feedback);
				return Promise.all([html, feedbackHtml]).then(([html, feedbackHtml]) => ({
					index,
					html,
					correct: choice.correct,
					feedbackHtml,
				}));
			}),
		);
	const base = {
		id: meta.id,
		lesson: meta.lesson,
		page: hostPageOf({ id: meta.id, page: set.page }),
		file: meta.file,
		...(set.title ? { title: set.title } : {}),
	};

	const items = await compileItems(meta, set, { render, inline, all, choices });
	return { ...base, ...items, assets: [...assets] } as CompiledSet;
}

interface Renderers {
	render: RenderMarkdown;
	inline: RenderMarkdown;
	all: (list: readonly string[]) => Promise<Html[]>;
	choices: (itemId: string, list: readonly Choice[]) => Promise<CompiledChoice[]>;
}

/** Starts every render of every item at once, then waits for each item under `inItem`. */
function compileItems(
	meta: { id: string; lesson: string; file: string },
	set: PracticeSet,
	{ render, inline, all, choices }: Renderers,
): Promise<Pick<CompiledSet, 'type' | 'items'>> {
	const each = <Item extends { id: string }, Out>(items: readonly Item[], start: (item: Item) => () => Promise<Out>) =>
		Promise.all(
			items
				.map((item) => ({ item, finish: start(item) }))
				.map(({ item, finish }) => inItem(meta.file, item.id, finish)),
		);
	switch (set.type) {
		case 'cards':
			return each(set.items, (item) => {
				const frontHtml = render(item.front);
				const backHtml = render(item.back);
				return async () => ({
					id: item.id,
					hash: itemHash(item),
					level: item.level,
					frontHtml: await frontHtml,
					backHtml: await backHtml,
				});
			}).then((items) => ({ type: 'cards', items }));
		case 'quiz':
			return each(set.items, (item) => {
				const promptHtml = render(item.prompt);
				const compiledChoices = choices(item.id, item.choices);
				const explanationHtml = render(item.explanation);
				return async () => ({
					id: item.id,
					hash: itemHash(item),
					difficulty: item.difficulty,
					lesson: meta.lesson,
					promptHtml: await promptHtml,
					choices: await compiledChoices,
					explanationHtml: await explanationHtml,
					...(item.section ? { section: item.section } : {}),
					...(item.misconception ? { misconception: item.misconception } : {}),
				});
			}).then((items) => ({ type: 'quiz', items }));
		case 'explain':
			return each(set.items, (item) => {
				const promptHtml = render(item.prompt);
				const hintHtml = render(item.hint);
				const conceptsHtml = Promise.all(item.concepts.map(inline));
				const answerHtml = render(item.answer);
				return async () => ({
					id: item.id,
					hash: itemHash(item),
					promptHtml: await promptHtml,
					hintHtml: await hintHtml,
					conceptsHtml: await conceptsHtml,
					answerHtml: await answerHtml,
				});
			}).then((items) => ({ type: 'explain', items }));
		case 'problems':
			return each(set.items, (item) => {
				const steps = all(item.steps);
				const promptHtml = render(item.prompt);
				const compiledChoices = choices(item.id, item.choices);
				const hintHtml = render(item.hint);
				// The schema guarantees exactly one correct choice; its text is the "final answer".
				const answerHtml = render(item.choices.find((choice) => choice.correct)?.text ?? '');
				const checkHtml = render(item.check);
				const mistakesHtml = all(item.mistakes);
				return async () => {
					const stepsHtml = await steps;
					return {
						id: item.id,
						hash: problemHash(item),
						difficulty: item.difficulty,
						lesson: meta.lesson,
						promptHtml: await promptHtml,
						choices: await compiledChoices,
						// In the site-wide test a problem is reviewed like a quiz question: its solution explains it.
						explanationHtml: `<ol>${stepsHtml.map((step) => `<li>${step}</li>`).join('')}</ol>`,
						hintHtml: await hintHtml,
						stepsHtml,
						answerHtml: await answerHtml,
						checkHtml: await checkHtml,
						mistakesHtml: await mistakesHtml,
					};
				};
			}).then((items) => ({ type: 'problems', items }));
		default:
			return assertNever(set);
	}
}
