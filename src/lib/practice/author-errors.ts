/**
 * Turns schema failures into messages an author can act on: the file and line, the item id, the field,
 * what is wrong and how to fix it. One message per problem, all problems of a build at once.
 */
import type { z } from 'astro/zod';
import { practiceSetJsonSchema } from './json-schema.ts';

export interface AuthorProblem {
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

export function formatProblem(problem: AuthorProblem): string {
	const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
	const item = problem.id === undefined ? '' : ` item "${problem.id}"`;
	const field = problem.field === undefined ? '' : ` \`${problem.field}\``;
	return `${where}${item}${field} ${problem.message}`;
}

export function formatProblems(problems: readonly AuthorProblem[]): string {
	return problems.map((problem) => `- ${formatProblem(problem)}`).join('\n');
}

/**
 * Every key the practice schemas know, for "did you mean" on an unknown key: read from the JSON Schema that
 * `json-schema.ts` generates from the Zod schemas, so a key added to a schema is suggested without a list here.
 */
let knownKeys: readonly string[] | undefined;
function KNOWN_KEYS(): readonly string[] {
	knownKeys ??= [...propertyNames(practiceSetJsonSchema())].sort();
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

function messageFor(issue: z.core.$ZodIssue): { message: string; extraField?: string } {
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
				return { message: `is missing. Fix: add ${typeof key === 'string' ? `\`${key}:\` ${where}` : 'it'}.` };
			}
			return { message: issue.message };
		case 'invalid_value': {
			// An enum such as `difficulty`: say what was written as well as what is allowed.
			const got = JSON.stringify(issue.input);
			if (issue.values.length === 1) {
				return { message: `is ${got}, but can only be ${String(issue.values[0])}. Fix: change it, or remove the key.` };
			}
			const allowed = issue.values.map((value) => String(value)).join(', ');
			return { message: `is ${got}, which is not one of ${allowed}. Fix: use one of them.` };
		}
		case 'unrecognized_keys': {
			const [key = ''] = issue.keys;
			const suggestion = didYouMean(key, KNOWN_KEYS());
			const names = issue.keys.map((name) => `\`${name}\``).join(', ');
			return {
				message: `has unknown key ${names}. Fix: ${suggestion ? `did you mean \`${suggestion}\`? Rename it, or remove it.` : 'remove it, or check its spelling in docs/content-format.md.'}`,
			};
		}
		default:
			return { message: issue.message };
	}
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
			const { message } = messageFor(issue);
			return { file, line: lineOf(issue.path), id: itemIdAt(data, itemIndex), field, message };
		});
}
