/**
 * What the dev-only `/author/` page shows of every item: its answer key, what its code choices do (the
 * annotation, and the outcome of the last `npm run test:samples` where there is one), its tags and any
 * question-quality warnings. Pure, so the page stays a thin template.
 */
import type { RecordedRuns } from '../samples/recorded.ts';
import type { AuthorProblem } from './author-errors.ts';
import type { Choice } from './choice.ts';
import type { PracticeSet } from './practice-set.ts';
import { checkItem, choiceItems, itemWarnings } from './quality.ts';
import type { Run } from './run.ts';

export interface AuthorChoice {
	text: string;
	correct: boolean;
	/** What the annotation says the code does, or why it is not run; `undefined` for a choice without code. */
	annotation: string | undefined;
	/** The last recorded run of this choice's code. */
	result: { ok: boolean; got: string } | undefined;
}

export interface AuthorItem {
	id: string;
	/** The question, or a card's front. */
	prompt: string;
	/** The answer key as the author wrote it: the correct choice, a card's back, a model answer. */
	answer: string[];
	choices: AuthorChoice[];
	tags: string[];
	/** The question-quality problems of this item (quality.ts), each with its code: errors and warnings. */
	warnings: AuthorProblem[];
}

export interface AuthorSet {
	id: string;
	file: string;
	type: PracticeSet['type'];
	items: AuthorItem[];
}

/** `raises TypeError matching "…"`, `prints "3"`, `returns "1"`, `completes`, with `(sync)` when no event loop. */
export function describeRun(run: Run): string {
	const outcome =
		run.raises !== undefined
			? `raises ${run.raises}${run.match === undefined ? '' : ` matching ${JSON.stringify(run.match)}`}`
			: run.prints !== undefined
				? `prints ${JSON.stringify(run.prints)}`
				: run.returns !== undefined
					? `returns ${run.returns}`
					: 'completes without an exception';
	return `${outcome}${run.context === 'sync' ? ' (run with no event loop)' : ''}`;
}

function authorChoices(setId: string, itemId: string, choices: readonly Choice[], runs: RecordedRuns | undefined) {
	return choices.map((choice, index): AuthorChoice => {
		const recorded = runs?.runs.find((run) => run.id === `${setId}#${itemId}/choice-${index}`);
		return {
			text: choice.text,
			correct: choice.correct,
			annotation:
				choice.run !== undefined
					? describeRun(choice.run)
					: choice.norun !== undefined
						? `not run: ${choice.norun}`
						: undefined,
			result: recorded === undefined ? undefined : { ok: recorded.ok, got: recorded.got },
		};
	});
}

/**
 * The question-quality findings of every multiple-choice item of a file, by item id: the per-item rules that
 * stop the build (AW301-AW303, shown here too while `npm run dev` keeps going) and the warnings that do not
 * (AW304, the right choice is the longest).
 */
export function qualityWarnings(file: string, source: string, set: PracticeSet): (itemId: string) => AuthorProblem[] {
	const found = new Map(
		choiceItems([{ file, source, set }]).map((item) => [item.id, [...checkItem(item), ...itemWarnings(item)]]),
	);
	return (itemId) => found.get(itemId) ?? [];
}

export function authorSet(
	set: { id: string; file: string; set: PracticeSet },
	runs: RecordedRuns | undefined,
	warningsFor: (itemId: string) => AuthorProblem[] = () => [],
): AuthorSet {
	const { id, file } = set;
	const base = (itemId: string) => ({ id: itemId, warnings: warningsFor(itemId) });
	// Quiz questions and problems: the answer key is the choice marked `correct`, and each choice shows its run.
	const withChoices = (item: { id: string; prompt: string; choices: readonly Choice[] }, tags: string[]) => ({
		...base(item.id),
		prompt: item.prompt,
		answer: item.choices.filter((choice) => choice.correct).map((choice) => choice.text),
		choices: authorChoices(id, item.id, item.choices, runs),
		tags,
	});
	const data = set.set;
	const items = (): AuthorItem[] => {
		switch (data.type) {
			case 'cards':
				return data.items.map((item) => ({
					...base(item.id),
					prompt: item.front,
					answer: [item.back],
					choices: [],
					tags: [item.level],
				}));
			case 'explain':
				return data.items.map((item) => ({
					...base(item.id),
					prompt: item.prompt,
					answer: [item.answer, ...item.concepts.map((concept) => `concept: ${concept}`)],
					choices: [],
					tags: [],
				}));
			case 'quiz':
				return data.items.map((item) =>
					withChoices(item, [
						item.difficulty,
						...(item.misconception === undefined ? [] : [`misconception: ${item.misconception}`]),
						...(item.section === undefined ? [] : [`section: #${item.section}`]),
					]),
				);
			case 'problems':
				return data.items.map((item) => withChoices(item, [item.difficulty]));
		}
	};
	return { id, file, type: data.type, items: items() };
}
