/**
 * The build-time output of a practice set: what crosses from Astro into the islands. Everything here is
 * plain serializable data; Markdown is already rendered to HTML and every item carries a content hash,
 * so the browser never parses Markdown and can tell when an item changed since the reader answered it.
 */
import type { Difficulty, Level } from './fields.ts';

/** Trusted HTML rendered at build time from the authors' Markdown. */
export type Html = string;

/** A choice, in the order it is shown (see `choice-order.ts`). */
export interface CompiledChoice {
	/** Its position in the YAML file: what stored progress records, so a change of order keeps answers. */
	index: number;
	html: Html;
	correct: boolean;
	feedbackHtml: Html;
}

interface ItemBase {
	/** Permanent id, unique across the site. */
	id: string;
	/** Short content hash of the authored item; changes whenever its text changes. */
	hash: string;
}

export interface CompiledCard extends ItemBase {
	level: Level;
	frontHtml: Html;
	backHtml: Html;
}

/** A single-answer question: a quiz question, or a practice problem seen through its choices. */
export interface CompiledQuestion extends ItemBase {
	difficulty: Difficulty;
	/** Slug of the lesson the question belongs to. */
	lesson: string;
	promptHtml: Html;
	choices: CompiledChoice[];
	explanationHtml: Html;
	/** Heading anchor in the lesson that teaches the point. */
	section?: string;
	misconception?: string;
}

export interface CompiledExplain extends ItemBase {
	promptHtml: Html;
	hintHtml: Html;
	conceptsHtml: Html[];
	answerHtml: Html;
}

export interface CompiledProblem extends CompiledQuestion {
	hintHtml: Html;
	stepsHtml: Html[];
	answerHtml: Html;
	checkHtml: Html;
	mistakesHtml: Html[];
}

interface SetBase {
	/** The set id authors embed: the file path under `src/content/practice` without `.yaml`. */
	id: string;
	/** The first segment of the id. */
	lesson: string;
	/** The docs entry id of the page that shows the set (see `set-pages.ts`). */
	page: string;
	title?: string;
	/** Repository-relative path of the YAML file, for error messages. */
	file: string;
	/** Stylesheet and script tags the set's HTML needs (Expressive Code's), rendered once per page. */
	assets: string[];
}

export type CompiledSet =
	| (SetBase & { type: 'cards'; items: CompiledCard[] })
	| (SetBase & { type: 'quiz'; items: CompiledQuestion[] })
	| (SetBase & { type: 'explain'; items: CompiledExplain[] })
	| (SetBase & { type: 'problems'; items: CompiledProblem[] });

/**
 * What `/practice/<lesson>.json` holds: every set of one lesson, compiled, in the order the lesson shows the
 * kinds. Islands render any set from it (see ARCHITECTURE.md, "Rendering practice from a lesson's data").
 */
export interface LessonPractice {
	lesson: string;
	sets: CompiledSet[];
}

export function assertNever(value: never): never {
	throw new Error(`Unhandled value: ${JSON.stringify(value)}`);
}
