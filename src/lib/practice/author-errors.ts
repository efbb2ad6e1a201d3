/**
 * The one author-error module: every kind of mistake an author can make in the practice data or a lesson has a
 * stable code here (`AUTHOR_ERRORS`), and every message is printed by `formatProblem` in one shape:
 *
 *     file:line item "id" `field` what is wrong. Fix: what to do. (AW201, see /guide/authoring/#aw201)
 *
 * The code names a section of the on-site authoring guide (src/content/docs/guide/authoring.mdx, anchor = the
 * code in lower case) that explains the mistake and its fix with an example; `author-errors.test.ts` holds the
 * guide and this list to each other. Schema failures are turned into such messages by `describeIssues`.
 */
import { z } from 'astro/zod';
import { AstroError } from 'astro/errors';
import { practiceSet } from './practice-set.ts';

/**
 * Who finds a mistake first: the JSON Schema in the author's editor (and the build), only the build (rules
 * across fields and files, which JSON Schema cannot express: json-schema.ts derives `CROSS_FIELD_RULES` from
 * these), the build of a lesson, or only the dev-only `/author/` page (warnings).
 */
type CheckedBy = 'schema' | 'build' | 'lesson' | 'author-view';

/**
 * Every kind of author mistake, by code. `error` stops the build; `warning` only shows on the dev-only
 * `/author/` page. Codes are stable: a new kind gets a new code, a retired code is not reused.
 * AW1xx: the shape of a practice file; AW2xx: rules across fields and files; AW3xx: question quality;
 * AW4xx: lessons (MDX).
 */
export const AUTHOR_ERRORS = {
	AW101: { title: 'YAML that does not parse', severity: 'error', checkedBy: 'schema' },
	AW102: { title: 'Unknown key', severity: 'error', checkedBy: 'schema' },
	AW103: { title: 'Missing key', severity: 'error', checkedBy: 'schema' },
	AW104: { title: 'Wrong type, form or empty text', severity: 'error', checkedBy: 'schema' },
	AW105: { title: 'Value that is not allowed', severity: 'error', checkedBy: 'schema' },
	AW106: { title: 'Too few or too many entries', severity: 'error', checkedBy: 'schema' },
	AW201: { title: 'Not exactly one correct choice', severity: 'error', checkedBy: 'build' },
	AW202: { title: 'The same choice twice', severity: 'error', checkedBy: 'build' },
	AW203: { title: 'Both run and norun', severity: 'error', checkedBy: 'build' },
	AW204: { title: 'A run without exactly one outcome', severity: 'error', checkedBy: 'build' },
	AW205: { title: 'match without raises', severity: 'error', checkedBy: 'build' },
	AW206: { title: 'An id used twice', severity: 'error', checkedBy: 'build' },
	AW207: { title: 'A section that names no heading', severity: 'error', checkedBy: 'build' },
	AW208: { title: 'A link that leads nowhere', severity: 'error', checkedBy: 'build' },
	AW301: { title: 'All of the above as a choice', severity: 'error', checkedBy: 'build' },
	AW302: { title: 'Choices that read the same', severity: 'error', checkedBy: 'build' },
	AW303: { title: 'Feedback that only gives the verdict', severity: 'error', checkedBy: 'build' },
	AW304: { title: 'The right choice is the longest', severity: 'warning', checkedBy: 'author-view' },
	AW401: { title: 'A component naming no practice set', severity: 'error', checkedBy: 'lesson' },
	AW402: { title: 'A component showing a set of another type', severity: 'error', checkedBy: 'lesson' },
	AW403: { title: 'A set embedded on another page', severity: 'error', checkedBy: 'lesson' },
	AW404: { title: 'Wrong props on a practice component', severity: 'error', checkedBy: 'lesson' },
	AW405: { title: 'A Python block without a run annotation', severity: 'error', checkedBy: 'lesson' },
	AW406: { title: 'NextLesson outside a lesson', severity: 'error', checkedBy: 'lesson' },
} as const satisfies Record<string, { title: string; severity: 'error' | 'warning'; checkedBy: CheckedBy }>;

export type AuthorErrorCode = keyof typeof AUTHOR_ERRORS;

/** The page of the on-site authoring guide that has a section per code. */
export const AUTHOR_GUIDE = '/guide/authoring/';

/** The anchor of a code's section on the authoring guide: the code in lower case (`aw201`). */
export const guideAnchor = (code: AuthorErrorCode): string => code.toLowerCase();

/**
 * Where a code is explained: site-relative (`/guide/authoring/#aw201`), or under `site`, the URL of the site's
 * root with its base (`http://localhost:4321/awaitable/guide/authoring/#aw201`), where one is known.
 */
export const guideLink = (code: AuthorErrorCode, site?: string): string => {
	const path = `${AUTHOR_GUIDE}#${guideAnchor(code)}`;
	return site === undefined ? path : new URL(path.slice(1), site.endsWith('/') ? site : `${site}/`).href;
};

/** The `params` a Zod custom issue carries so that its message gets the right code. */
export interface AuthorIssueParams {
	authorCode: AuthorErrorCode;
}

export interface AuthorProblem {
	/** The kind of mistake; it names the guide's section that explains it. */
	code: AuthorErrorCode;
	/** Repository-relative file path. */
	file: string;
	/** 1-based line, when the position is known. */
	line?: number | undefined;
	/** The id of the item the problem is in, when there is one. */
	id?: string | undefined;
	/** The field path inside the item (or the file), such as `choices[2].feedback`. */
	field?: string | undefined;
	/** What is wrong, then `Fix: ` and what to do. */
	message: string;
}

/** `file:line item "id" \`field\` what is wrong. Fix: …`, without the code. */
export function problemText(problem: AuthorProblem): string {
	const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
	const item = problem.id === undefined ? '' : ` item "${problem.id}"`;
	const field = problem.field === undefined ? '' : ` \`${problem.field}\``;
	return `${where}${item}${field} ${problem.message}`;
}

/**
 * The one shape of every author message: the text, then the code and where the guide explains it (under
 * `site`, see `guideLink`, when the message is shown where the site runs).
 */
export function formatProblem(problem: AuthorProblem, site?: string): string {
	return `${problemText(problem)} (${problem.code}, see ${guideLink(problem.code, site)})`;
}

export function formatProblems(problems: readonly AuthorProblem[], site?: string): string {
	return problems.map((problem) => `- ${formatProblem(problem, site)}`).join('\n');
}

/**
 * A mistake found while rendering a page (an MDX lesson, a component's props): Astro prints the message in the
 * terminal and in its error overlay. The whole message is the one line `formatProblem` writes, so lessons and
 * data read the same; the problem rides along for whoever catches the error (compile.ts adds the item).
 */
export class AuthorError extends AstroError {
	readonly problem: AuthorProblem;
	constructor(problem: AuthorProblem) {
		super(formatProblem(problem));
		this.name = 'AuthorError';
		this.problem = problem;
	}
}

/** AW401, for the MDX check (line known) and the component's own check at render time (page known). */
export function unknownSetMessage(component: string, id: string, type: string, known: readonly string[]): string {
	const nearest = didYouMean(id, known);
	return `<${component} id="${id}" /> names no practice set. Fix: use the path of a YAML file under src/content/practice without ".yaml"${
		nearest ? `; did you mean "${nearest}"?` : '.'
	} Known ${type} sets: ${known.join(', ') || 'none'}.`;
}

/** AW402: `<Quiz>` pointed at a set of cards. */
export function otherTypeMessage(
	component: string,
	id: string,
	set: { type: string; component: string; file: string },
	type: string,
): string {
	return `<${component} id="${id}" /> points at a ${set.type} set (${set.file}). Fix: embed it with <${set.component} id="${id}" />, or point <${component}> at a ${type} set.`;
}

/**
 * Every key the practice schemas know, for "did you mean" on an unknown key: read from the JSON Schema of the
 * Zod schemas, so a key added to a schema is suggested without a list here.
 */
let knownKeys: readonly string[] | undefined;
function KNOWN_KEYS(): readonly string[] {
	knownKeys ??= [...propertyNames(z.toJSONSchema(practiceSet, { io: 'input' }))].sort();
	return knownKeys;
}

function propertyNames(schema: unknown, names = new Set<string>()): Set<string> {
	if (Array.isArray(schema)) for (const entry of schema) propertyNames(entry, names);
	else if (typeof schema === 'object' && schema !== null) {
		for (const [key, value] of Object.entries(schema)) {
			if (key === 'properties' && typeof value === 'object' && value !== null) {
				for (const name of Object.keys(value)) names.add(name);
			}
			propertyNames(value, names);
		}
	}
	return names;
}

type PathKey = PropertyKey;

/** `['items', 2, 'choices', 0, 'text']` → `{ itemIndex: 2, field: 'choices[0].text' }`. */
function splitPath(path: readonly PathKey[]): { itemIndex: number | undefined; field: string | undefined } {
	const inItem = path[0] === 'items' && typeof path[1] === 'number';
	const rest = inItem ? path.slice(2) : path;
	const field = rest
		.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
		.join('');
	return { itemIndex: inItem ? (path[1] as number) : undefined, field: field || undefined };
}

function itemIdAt(data: unknown, index: number | undefined): string | undefined {
	if (index === undefined || typeof data !== 'object' || data === null) return undefined;
	const items = (data as { items?: unknown }).items;
	if (!Array.isArray(items)) return undefined;
	const item: unknown = items[index];
	if (typeof item !== 'object' || item === null) return undefined;
	const id = (item as { id?: unknown }).id;
	return typeof id === 'string' ? id : undefined;
}

/**
 * The candidate an author most likely meant by `word`, or none when no candidate is close: at most a third of
 * the word's letters (and at least 2) differ. The one "did you mean" rule for every author message: unknown
 * keys in the data, unknown props and set ids in MDX.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
	for (const candidate of candidates) {
		const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

/** Levenshtein distance; the words are short field names. */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(
				(previous[j] ?? 0) + 1,
				(current[j - 1] ?? 0) + 1,
				(previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
}

/** The code of a schema issue: set by the rule itself for custom checks, else by the kind of issue. */
function codeFor(issue: z.core.$ZodIssue): AuthorErrorCode {
	switch (issue.code) {
		case 'custom': {
			const code = (issue.params as Partial<AuthorIssueParams> | undefined)?.authorCode;
			return code !== undefined && code in AUTHOR_ERRORS ? code : 'AW104';
		}
		case 'unrecognized_keys':
			return 'AW102';
		case 'invalid_type':
			return issue.input === undefined ? 'AW103' : 'AW104';
		case 'invalid_value':
		case 'invalid_union':
			return 'AW105';
		case 'too_small':
		case 'too_big':
			return issue.origin === 'array' ? 'AW106' : 'AW104';
		default:
			return 'AW104';
	}
}

function messageFor(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined) {
				const key = issue.path.at(-1);
				const where =
					issue.path[0] === 'items' && issue.path.length > 3
						? 'next to the others'
						: issue.path[0] === 'items'
							? 'to this item'
							: 'to the file';
				return `is missing. Fix: add ${typeof key === 'string' ? `\`${key}:\` ${where}` : 'it'}.`;
			}
			return withFix(issue.message);
		case 'invalid_value': {
			// An enum such as `difficulty`: say what was written as well as what is allowed.
			const got = JSON.stringify(issue.input);
			if (issue.values.length === 1) {
				return `is ${got}, but can only be ${String(issue.values[0])}. Fix: change it, or remove the key.`;
			}
			const allowed = issue.values.map((value) => String(value)).join(', ');
			return `is ${got}, which is not one of ${allowed}. Fix: use one of them.`;
		}
		case 'unrecognized_keys': {
			const [key = ''] = issue.keys;
			const suggestion = didYouMean(key, KNOWN_KEYS());
			const names = issue.keys.map((name) => `\`${name}\``).join(', ');
			return `has unknown key ${names}. Fix: ${suggestion ? `did you mean \`${suggestion}\`? Rename it, or remove it.` : 'remove it, or check its spelling in docs/content-format.md.'}`;
		}
		default:
			return withFix(issue.message);
	}
}

/**
 * Every message says what to do. A schema's own message that only says what a value must be ("must be
 * lower-case kebab-case, such as …") already names the fix; it gets the `Fix:` label here so that every line
 * reads the same.
 */
function withFix(message: string): string {
	if (message.includes('Fix:')) return message;
	const sentence = message.replace(/\.?$/, '.');
	return `${sentence} Fix: write it as docs/content-format.md describes.`;
}

/**
 * A missing key whose misspelling sits in the same object (`corect` for `correct`) is one mistake, already
 * reported with "did you mean" by the unknown-key issue; reporting it twice would send the author looking
 * for two problems.
 */
function explainedByMisspelling(issue: z.core.$ZodIssue, issues: readonly z.core.$ZodIssue[]): boolean {
	if (issue.code !== 'invalid_type' || issue.input !== undefined) return false;
	const key = issue.path.at(-1);
	if (typeof key !== 'string') return false;
	const parent = issue.path.slice(0, -1);
	return issues.some(
		(other) =>
			other.code === 'unrecognized_keys' &&
			other.path.length === parent.length &&
			other.path.every((part, index) => part === parent[index]) &&
			other.keys.some((unknown) => didYouMean(unknown, KNOWN_KEYS()) === key),
	);
}

/**
 * Describes every issue of a failed parse of one file. `lineOf` maps a data path to a line (from the YAML
 * document), so the message points at the right spot.
 */
export function describeIssues(
	file: string,
	data: unknown,
	issues: readonly z.core.$ZodIssue[],
	lineOf: (path: readonly PathKey[]) => number | undefined,
): AuthorProblem[] {
	return issues
		.filter((issue) => !explainedByMisspelling(issue, issues))
		.map((issue) => {
			const { itemIndex, field } = splitPath(issue.path);
			return {
				code: codeFor(issue),
				file,
				line: lineOf(issue.path),
				id: itemIdAt(data, itemIndex),
				field,
				message: messageFor(issue),
			};
		});
}
