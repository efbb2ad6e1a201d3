/**
 * The set-kind registry: everything that differs between the kinds of practice set, in one place. Adding a
 * kind is one entry here, its item schema (`items.ts`), its widget (one line in
 * `src/components/practice/widgets.tsx`) and its one-line MDX component; every exhaustive use fails the type
 * check until the entry exists. Plain data, so Node-side code (the MDX id check, the editor types) reads it too.
 */
import type { CompiledSet } from './compiled.ts';
import { DIFFICULTIES, LEVELS } from './scales.ts';
import type { SetType } from './practice-set.ts';

export type { SetType };

export interface Kind<T extends SetType> {
	/** The MDX component authors embed it with: `<Quiz id="aget/quiz" />`. */
	component: string;
	/** An example id for that component's messages. */
	example: string;
	/** The section a lesson shows it under (CONTRIBUTING.md, "Add a lesson"), and its practice-page heading. */
	title: string;
	/** Singular and plural noun for its items, as in "11 questions". */
	nouns: readonly [one: string, many: string];
	/** The link from a lesson to the set on the lesson's practice page. */
	linkText: string;
	/** The class of the widget's root (`aw-quiz`); the loading summary uses it too. */
	className: string;
	/** The field items are counted by in the summary ("3 easy, 4 medium"), with its values in order. */
	groups?: { order: readonly string[]; of: (item: Extract<CompiledSet, { type: T }>['items'][number]) => string };
}

export const KINDS: { readonly [T in SetType]: Kind<T> } = {
	cards: {
		component: 'Flashcards',
		example: 'aget/cards',
		title: 'Recall & review',
		nouns: ['card', 'cards'],
		linkText: 'Open the flashcards on the practice page',
		className: 'aw-cards',
		groups: { order: LEVELS, of: (item) => item.level },
	},
	quiz: {
		component: 'Quiz',
		example: 'aget/quiz',
		title: 'Quiz',
		nouns: ['question', 'questions'],
		linkText: 'Open the quiz on the practice page',
		className: 'aw-quiz',
		groups: { order: DIFFICULTIES, of: (item) => item.difficulty },
	},
	explain: {
		component: 'ExplainIt',
		example: 'aget/explain',
		title: 'Explain it',
		nouns: ['question to answer in your own words', 'questions to answer in your own words'],
		linkText: 'Open these questions on the practice page',
		className: 'aw-explain',
	},
	problems: {
		component: 'Practice',
		example: 'aget/problems',
		title: 'Practice',
		nouns: ['problem', 'problems'],
		linkText: 'Open the practice problems on the practice page',
		className: 'aw-practice',
		groups: { order: DIFFICULTIES, of: (item) => item.difficulty },
	},
};

/** The kinds in the order a lesson shows them. */
export const SET_TYPES = Object.keys(KINDS) as SetType[];

/** The MDX component of each kind: `<Quiz>` for `quiz`. */
export const COMPONENT_FOR = Object.fromEntries(SET_TYPES.map((type) => [type, KINDS[type].component])) as Readonly<
	Record<SetType, string>
>;

/** The registry entry of a set's kind, typed for that set. */
export function kindOf<S extends CompiledSet>(set: S): Kind<S['type']> {
	return KINDS[set.type] as Kind<S['type']>;
}

/** "11 questions: 3 easy, 4 medium, 4 hard", "9 cards: 3 beginner, 3 intermediate, 3 advanced". */
export function setSummary(set: CompiledSet): string {
	const kind = kindOf(set) as Kind<SetType>;
	const [one, many] = kind.nouns;
	const count = `${set.items.length} ${set.items.length === 1 ? one : many}`;
	const groups = kind.groups as { order: readonly string[]; of: (item: unknown) => string } | undefined;
	if (!groups) return count;
	const values = (set.items as unknown[]).map(groups.of);
	const parts = groups.order
		.map((name) => [name, values.filter((value) => value === name).length] as const)
		.filter(([, n]) => n > 0)
		.map(([name, n]) => `${n} ${name}`);
	return `${count}: ${parts.join(', ')}`;
}
