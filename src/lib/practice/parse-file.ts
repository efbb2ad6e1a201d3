/**
 * Reads one practice YAML file into a validated set, or into author problems. Pure apart from its input,
 * so the rules and their messages are unit-tested without Astro.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { AuthorProblem } from './author-errors.ts';
import { describeIssues } from './author-errors.ts';
import { practiceSet, type PracticeSet } from './practice-set.ts';

export type ParseResult = { ok: true; set: PracticeSet } | { ok: false; problems: AuthorProblem[] };

/** The first line of a YAML error, without the position (the problem's `file:line` already says it). */
function yamlReason(message: string): string {
	const firstLine = message.split('\n')[0] ?? message;
	return `${firstLine.replace(/ at line \d+, column \d+:?$/, '').replace(/\.?$/, '.')}`;
}

function uniqueErrors<T extends { message: string; linePos?: readonly { line: number }[] | undefined }>(
	errors: readonly T[],
): T[] {
	const seen = new Set<string>();
	return errors.filter((error) => {
		const key = `${error.linePos?.[0]?.line}:${yamlReason(error.message)}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/**
 * The fast path: plain YAML to data with js-yaml (YAML 1.2's core schema, as `yaml` reads it; a repeated key is
 * an error in both), about fifteen times faster than `yaml` on the course's 2,000 files. Only a file that fails
 * (bad YAML or bad data) is parsed again, with `yaml` and its line counting, to say where each problem is.
 * parse-file.test.ts holds js-yaml to `yaml` over every practice file and fixture.
 */
export function parsePracticeFile(file: string, source: string): ParseResult {
	let data: unknown;
	try {
		data = load(source, { schema: CORE_SCHEMA, filename: file });
	} catch {
		return describeFailure(file, source);
	}
	const result = practiceSet.safeParse(data);
	return result.success ? { ok: true, set: result.data } : describeFailure(file, source);
}

function describeFailure(file: string, source: string): ParseResult {
	const parsed = parseWithLines(source);
	const { document } = parsed;
	if (document.errors.length > 0) {
		return {
			ok: false,
			// The YAML parser can report one mistake twice from two angles; an author needs it once.
			problems: uniqueErrors(document.errors).map((error) => ({
				code: 'AW101' as const,
				file,
				line: error.linePos?.[0].line,
				message: `is not valid YAML: ${yamlReason(error.message)} Fix: check the indentation and quote text that starts with a backtick or contains ": ".`,
			})),
		};
	}
	const data: unknown = document.toJS();
	const result = practiceSet.safeParse(data, { reportInput: true });
	if (result.success) return { ok: true, set: result.data };

	return {
		ok: false,
		problems: describeIssues(file, data, result.error.issues, lineOfPath(parsed)),
	};
}

/** A YAML file's document, parsed with line counting (the slow path: for a file with a problem). */
export function parseWithLines(source: string): {
	document: ReturnType<typeof parseDocument>;
	lineCounter: LineCounter;
} {
	const lineCounter = new LineCounter();
	return { document: parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true }), lineCounter };
}

/**
 * The 1-based line of a path in a parsed YAML file (`['items', 2, 'choices', 1, 'feedback']`): of its node, or,
 * for a path whose key is missing, of the nearest part of it that exists.
 */
export function lineOfPath({ document, lineCounter }: ReturnType<typeof parseWithLines>) {
	return (path: readonly PropertyKey[]): number | undefined => {
		// Walk up the path until a node exists (a missing key has no node; its parent does).
		for (let depth = path.length; depth >= 0; depth--) {
			const node = document.getIn(path.slice(0, depth) as unknown[], true);
			if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
		}
		return undefined;
	};
}
