/**
 * Question quality: rules that keep multiple-choice items fair, run over every quiz question and practice
 * problem of the site when the practice data loads.
 *
 * Per item (each failure stops the build, naming file, line and id):
 * - no "all of the above" / "none of the above" choices: they test the reader's reading of the list, not the
 *   topic, and the shuffled choice order makes "above" meaningless;
 * - no two choices equal once case, spaces and punctuation are ignored (code spans keep their punctuation:
 *   `asave` and `asave()` are different answers);
 * - every choice has feedback that says something: "Wrong." is not feedback.
 *
 * Site-wide figures (printed at build time; `quality.test.ts` holds them to the limits below):
 * - how often the right choice is strictly the longest: "pick the longest" must not beat chance by much;
 * - how often the right choice is shown in each position, in the order readers see
 *   (`choiceOrder(itemId, count)`): no position may be a safe guess.
 */
import type { AuthorProblem } from './author-errors.ts';
import { choiceOrder } from './choice-order.ts';
import type { PracticeSet } from './practice-set.ts';

/** The limits the site-wide figures are held to. */
export const QUALITY_LIMITS = {
	/** At most this share of items may have a right choice that is strictly the longest. */
	longestShare: 0.3,
	/** Every shown position is right in at least `min` and at most `max` of the items that have it. */
	position: { min: 0.15, max: 0.35 },
	/** Positions shown in fewer items than this (the fifth and sixth of rare long items) are not held to it. */
	minItemsPerPosition: 20,
} as const;

export interface QualityInput {
	/** Repository-relative path of the YAML file. */
	file: string;
	/** The file's text, to find each item's line. */
	source: string;
	set: PracticeSet;
}

/** A multiple-choice item as the checks see it. */
export interface ChoiceItem {
	id: string;
	file: string;
	line: number | undefined;
	choices: readonly { text: string; feedback: string }[];
	/** Authored index of the right choice. */
	right: number;
}

/** Quiz questions and practice problems, with their right choice and line. */
export function choiceItems(inputs: readonly QualityInput[]): ChoiceItem[] {
	const items: ChoiceItem[] = [];
	for (const { file, source, set } of inputs) {
		if (set.type !== 'quiz' && set.type !== 'problems') continue;
		const lines = idLines(source);
		for (const item of set.items) {
			const right = item.choices.findIndex((choice) => choice.correct);
			const choices = item.choices;
			items.push({ id: item.id, file, line: lines.get(item.id), choices, right });
		}
	}
	return items;
}

const ID_LINE = /^\s*(?:-\s+)?id:\s*["']?(.*?)["']?\s*$/;

/**
 * The 1-based line of each `id: <id>` in a YAML file (the first, for an id written twice), in one pass over
 * the file: a search per item went over the whole file again for each of its items.
 */
export function idLines(source: string): Map<string, number> {
	const lines = new Map<string, number>();
	source.split('\n').forEach((line, index) => {
		const id = ID_LINE.exec(line)?.[1];
		if (id !== undefined && !lines.has(id)) lines.set(id, index + 1);
	});
	return lines;
}

/**
 * A choice's text reduced to what a reader compares: lower case, prose punctuation and spacing ignored, code
 * spans (between backticks) kept as written apart from spacing.
 */
export function normalizeChoice(text: string): string {
	return text
		.split('`')
		.map((piece, index) =>
			index % 2 === 1
				? `\`${piece.replace(/\s+/g, ' ').trim()}\``
				: piece
						.toLowerCase()
						.replace(/[^\p{L}\p{N}]+/gu, ' ')
						.trim(),
		)
		.filter((piece) => piece !== '')
		.join(' ');
}

const ABOVE = /\b(?:all|none|both|neither)\s+of\s+(?:the\s+)?(?:above|these|those|the\s+others|the\s+options)\b/i;
/** Feedback that only repeats the verdict. */
const BARE_VERDICT = /^(?:correct|incorrect|right|wrong|yes|no|true|false|nope|exactly)$/i;

export function checkItem(item: ChoiceItem): AuthorProblem[] {
	const problems: AuthorProblem[] = [];
	const at = { file: item.file, line: item.line, id: item.id };
	const seen = new Map<string, number>();
	item.choices.forEach((choice, index) => {
		const field = `choices[${index}]`;
		if (ABOVE.test(choice.text)) {
			problems.push({
				...at,
				code: 'AW301',
				field: `${field}.text`,
				message: `says "${ABOVE.exec(choice.text)?.[0]}". Fix: choices are shuffled and each should test one idea; replace it with a specific statement a developer might believe.`,
			});
		}
		const normal = normalizeChoice(choice.text);
		const earlier = seen.get(normal);
		if (earlier !== undefined) {
			problems.push({
				...at,
				code: 'AW302',
				field: `${field}.text`,
				message: `reads the same as choices[${earlier}] once case, spaces and punctuation are ignored. Fix: make the two choices differ in substance, or drop one.`,
			});
		} else {
			seen.set(normal, index);
		}
		const said = choice.feedback.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
		if (said === '' || BARE_VERDICT.test(said)) {
			problems.push({
				...at,
				code: 'AW303',
				field: `${field}.feedback`,
				message: `has no feedback beyond the verdict. Fix: say why this choice is right or wrong, naming the misconception behind it.`,
			});
		}
	});
	return problems;
}

/** A file's multiple-choice items and the problems the per-item rules find in them. */
export function fileQuality(input: QualityInput): { items: ChoiceItem[]; problems: AuthorProblem[] } {
	const items = choiceItems([input]);
	return { items, problems: items.flatMap(checkItem) };
}

/**
 * Per-item warnings: what the site-wide figures hold in check but one item alone may do (the right choice is
 * strictly the longest). They do not stop the build; the dev-only `/author/` page shows them next to the item.
 */
export function itemWarnings(item: ChoiceItem): AuthorProblem[] {
	if (!rightIsStrictlyLongest(item)) return [];
	return [
		{
			code: 'AW304',
			file: item.file,
			line: item.line,
			id: item.id,
			field: `choices[${item.right}].text`,
			message:
				'is the right choice and longer than every other choice, so a reader can pick it by its length. Fix: shorten it, or give the wrong choices the detail they lack.',
		},
	];
}

/** Length as a reader sees it: spacing collapsed. */
const shownLength = (text: string) => text.replace(/\s+/g, ' ').trim().length;

/** Whether the right choice is longer than every other choice. */
export function rightIsStrictlyLongest(item: ChoiceItem | FigureItem): boolean {
	if ('longest' in item) return item.longest;
	const right = item.choices[item.right];
	if (right === undefined) return false;
	const length = shownLength(right.text);
	return item.choices.every((choice, index) => index === item.right || shownLength(choice.text) < length);
}

/**
 * What the site-wide figures need of an item: its id and choice count (the shown order), the right choice's index
 * and whether it is strictly the longest. The practice loader keeps them per file, so a warm build counts an
 * unchanged file without parsing it.
 */
export interface FigureItem {
	id: string;
	right: number;
	count: number;
	longest: boolean;
}

export const figureItem = (item: ChoiceItem): FigureItem => ({
	id: item.id,
	right: item.right,
	count: item.choices.length,
	longest: rightIsStrictlyLongest(item),
});

const choiceCount = (item: ChoiceItem | FigureItem) => ('count' in item ? item.count : item.choices.length);

/** The 0-based position at which readers see the right choice. */
export function shownPosition(item: ChoiceItem | FigureItem): number {
	return choiceOrder(item.id, choiceCount(item)).indexOf(item.right);
}

export interface PositionFigure {
	/** 1-based, as readers count. */
	position: number;
	/** Items that show a choice in this position. */
	items: number;
	/** Of those, items whose right choice is shown here. */
	right: number;
	share: number;
}

export interface QualityFigures {
	items: number;
	longest: number;
	longestShare: number;
	positions: PositionFigure[];
}

export function qualityFigures(items: readonly (ChoiceItem | FigureItem)[]): QualityFigures {
	const longest = items.filter(rightIsStrictlyLongest).length;
	const most = Math.max(0, ...items.map(choiceCount));
	const positions: PositionFigure[] = [];
	for (let position = 0; position < most; position++) {
		const having = items.filter((item) => choiceCount(item) > position);
		const right = having.filter((item) => shownPosition(item) === position).length;
		positions.push({ position: position + 1, items: having.length, right, share: right / having.length });
	}
	return { items: items.length, longest, longestShare: items.length === 0 ? 0 : longest / items.length, positions };
}

/** What in the figures breaks the limits, one sentence each; empty when they hold. */
export function figuresOutsideLimits(figures: QualityFigures, limits = QUALITY_LIMITS): string[] {
	const out: string[] = [];
	if (figures.longestShare > limits.longestShare) {
		out.push(
			`the right choice is strictly the longest in ${percent(figures.longestShare)} of items (at most ${percent(limits.longestShare)}). Fix: shorten right answers or give distractors the detail they lack.`,
		);
	}
	for (const figure of figures.positions) {
		if (figure.items < limits.minItemsPerPosition) continue;
		if (figure.share < limits.position.min || figure.share > limits.position.max) {
			out.push(
				`position ${figure.position} is right in ${percent(figure.share)} of the items that show it (${limits.position.min * 100}-${limits.position.max * 100} %).`,
			);
		}
	}
	return out;
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** One line for the build log. */
export function formatFigures(figures: QualityFigures): string {
	const positions = figures.positions
		.map((figure) => `${figure.position}: ${figure.right}/${figure.items} (${percent(figure.share)})`)
		.join(', ');
	return `Question quality: ${figures.items} multiple-choice items; right choice strictly longest in ${figures.longest} (${percent(figures.longestShare)}); right choice shown at position ${positions}.`;
}

/** Every per-item problem of the site, and the site-wide figures. */
export function checkQuality(inputs: readonly QualityInput[]): { problems: AuthorProblem[]; figures: QualityFigures } {
	const items = choiceItems(inputs);
	return { problems: items.flatMap(checkItem), figures: qualityFigures(items) };
}
