/**
 * Every practice set also has a page of its own, `/practice/<set id>/`, and its data, `/practice/<set id>.json`.
 *
 * A lesson page does not carry its sets' questions and answers in its HTML (they are over half of a lesson's
 * bytes): it shows each set's summary and a link to the set's page, and with JavaScript the island fetches the
 * set's data as the reader scrolls towards it and renders it in place. The set's page renders the whole set on
 * the server, so it reads fully without JavaScript, answers in closed `<details>`.
 */
import type { CompiledSet } from './compiled.ts';
import { DIFFICULTIES, LEVELS } from './fields.ts';

export type SetType = CompiledSet['type'];

/** A set's section name, as lessons title it (CONTRIBUTING.md, "Add a lesson"). */
export const SET_TITLES: Readonly<Record<SetType, string>> = {
	cards: 'Recall & review',
	quiz: 'Quiz',
	explain: 'Explain it',
	problems: 'Practice',
};

/** The set types in the order a lesson shows them. */
export const SET_TYPES = Object.keys(SET_TITLES) as SetType[];

/** The page of a set: `/practice/aget/quiz/` (without the site's base path). */
export function setPagePath(setId: string): string {
	return `/practice/${setId}/`;
}

/** The data of a set, its items with their HTML, as JSON: `/practice/aget/quiz.json`. */
export function setDataPath(setId: string): string {
	return `/practice/${setId}.json`;
}

const LINK_TEXTS: Readonly<Record<SetType, string>> = {
	cards: 'Open the flashcards on their own page',
	quiz: 'Open the quiz on its own page',
	explain: 'Open these questions on their own page',
	problems: 'Open the practice problems on their own page',
};

/** The link from a lesson to a set's page. */
export function setLinkText(type: SetType): string {
	return LINK_TEXTS[type];
}

const NOUNS: Readonly<Record<SetType, [one: string, many: string]>> = {
	cards: ['card', 'cards'],
	quiz: ['question', 'questions'],
	explain: ['question to answer in your own words', 'questions to answer in your own words'],
	problems: ['problem', 'problems'],
};

/** "11 questions: 3 easy, 4 medium, 4 hard", "9 cards: 3 beginner, 3 intermediate, 3 advanced". */
export function setSummary(set: CompiledSet): string {
	const [one, many] = NOUNS[set.type];
	const count = `${set.items.length} ${set.items.length === 1 ? one : many}`;
	const groups: [readonly string[], string[]] | undefined =
		set.type === 'cards'
			? [LEVELS, set.items.map((item) => item.level)]
			: set.type === 'quiz' || set.type === 'problems'
				? [DIFFICULTIES, set.items.map((item) => item.difficulty)]
				: undefined;
	if (!groups) return count;
	const [order, values] = groups;
	const parts = order
		.map((name) => [name, values.filter((value) => value === name).length] as const)
		.filter(([, n]) => n > 0)
		.map(([name, n]) => `${n} ${name}`);
	return `${count}: ${parts.join(', ')}`;
}

/** The part of a docs entry the embeds are found in. */
export interface EmbeddingEntry {
	id: string;
	body?: string | undefined;
}

const EMBED = /<(?:Flashcards|Quiz|ExplainIt|Practice)\s+id=["']([^"']+)["']/g;

/** MDX without its code: fenced blocks and inline code spans, where an embed is only shown, not made. */
function withoutCode(mdx: string): string {
	return mdx.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/**
 * Which page embeds each set, by set id: the first page (in id order) whose MDX embeds it, not counting
 * embeds shown as code. A set's own page links back to it; a set no page embeds gets no page.
 */
export function setHosts<T extends EmbeddingEntry>(entries: readonly T[]): Map<string, T> {
	const hosts = new Map<string, T>();
	for (const entry of [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
		for (const match of withoutCode(entry.body ?? '').matchAll(EMBED)) {
			const id = match[1];
			if (id !== undefined && !hosts.has(id)) hosts.set(id, entry);
		}
	}
	return hosts;
}
