/**
 * Reading the annotation in a code fence's meta string, e.g.
 *
 *     ```python title="views.py" raises="SynchronousOnlyOperation" match="async context"
 *
 * The meta string is shared with Expressive Code, so besides our keys it may hold `title="…"`,
 * `{1,3}` line ranges, `"text"` and `/regex/` markers, `ins={…}`, `frame="terminal"`, …: the
 * tokenizer understands all of those shapes and simply ignores keys that aren't ours.
 *
 * Shared by the build (src/lib/site/python-annotations-plugin.ts rejects a Python block without an
 * annotation) and by `npm run test:samples` (scripts/samples/, which runs what the annotations say).
 */

/** "async": inside a running event loop (top-level await works); "sync": no event loop. */
export type RunContext = 'async' | 'sync';

export interface MetaAttribute {
	key: string;
	/** null for a bare flag such as `prints`; the unquoted text for `key="value"`. */
	value: string | null;
}

export interface ParsedMeta {
	attributes: MetaAttribute[];
	errors: string[];
}

const WHITESPACE = /\s/;

/**
 * Split a meta string into `key`, `key=value`, `key="value"` and `key='value'` attributes.
 * Inside quotes a backslash escapes the quote character or a backslash; the other quote
 * character needs no escaping (`match="can't be used"`).
 */
export function parseMeta(meta: string | null | undefined): ParsedMeta {
	const attributes: MetaAttribute[] = [];
	const errors: string[] = [];
	const text = meta ?? '';
	let i = 0;

	/** Read a delimited value starting at `start` (the opening delimiter). */
	const readDelimited = (start: number, close: string): { value: string; end: number } | null => {
		let value = '';
		for (let j = start + 1; j < text.length; j++) {
			const ch = text.charAt(j);
			if (ch === '\\' && (text.charAt(j + 1) === close || text.charAt(j + 1) === '\\')) {
				value += text.charAt(j + 1);
				j++;
			} else if (ch === close) {
				return { value, end: j + 1 };
			} else {
				value += ch;
			}
		}
		return null;
	};

	/** Read `{…}` with nesting, as Expressive Code uses for line ranges. */
	const readBraces = (start: number): number | null => {
		let depth = 0;
		for (let j = start; j < text.length; j++) {
			if (text.charAt(j) === '{') depth++;
			else if (text.charAt(j) === '}' && --depth === 0) return j + 1;
		}
		return null;
	};

	while (i < text.length) {
		const ch = text.charAt(i);
		if (WHITESPACE.test(ch)) {
			i++;
			continue;
		}
		// Bare Expressive Code markers: "text", 'text', /regex/, {1-3}. Not ours; skip them.
		if (ch === '"' || ch === "'" || ch === '/') {
			const read = readDelimited(i, ch);
			if (!read) {
				errors.push(`unterminated ${ch} in the code fence meta: ${text.slice(i)}`);
				break;
			}
			i = read.end;
			continue;
		}
		if (ch === '{') {
			const end = readBraces(i);
			if (end === null) {
				errors.push(`unbalanced { in the code fence meta: ${text.slice(i)}`);
				break;
			}
			i = end;
			continue;
		}

		let key = '';
		while (i < text.length && !WHITESPACE.test(text.charAt(i)) && text.charAt(i) !== '=') {
			key += text.charAt(i);
			i++;
		}
		if (text.charAt(i) !== '=') {
			attributes.push({ key, value: null });
			continue;
		}
		i++; // past '='
		const open = text.charAt(i);
		if (open === '"' || open === "'" || open === '/') {
			const read = readDelimited(i, open);
			if (!read) {
				errors.push(`unterminated ${open} in ${key}=${text.slice(i)}`);
				break;
			}
			attributes.push({ key, value: read.value });
			i = read.end;
		} else if (open === '{') {
			const end = readBraces(i);
			if (end === null) {
				errors.push(`unbalanced { in ${key}=${text.slice(i)}`);
				break;
			}
			attributes.push({ key, value: text.slice(i + 1, end - 1) });
			i = end;
		} else {
			let value = '';
			while (i < text.length && !WHITESPACE.test(text.charAt(i))) {
				value += text.charAt(i);
				i++;
			}
			attributes.push({ key, value });
		}
	}
	return { attributes, errors };
}

/** The annotation a Python block carries (before its expected output is attached). */
export type FenceAnnotation =
	| { outcome: 'raises'; raises: string; match?: string; context: RunContext }
	| { outcome: 'prints'; context: RunContext }
	| { outcome: 'runs'; context: RunContext }
	| { outcome: 'norun'; reason: string };

export interface FenceInfo {
	/** null when the fence carries no outcome key at all. */
	annotation: FenceAnnotation | null;
	/** The `output` flag: this block is the expected output of the `prints` block before it. */
	isOutput: boolean;
	/** Expressive Code's title, if any (used by the self-test to label its fixtures). */
	title: string | null;
	/** True when any of our keys appears (to catch annotations on non-Python blocks). */
	hasAnnotationKeys: boolean;
	errors: string[];
}

const OUTCOME_KEYS = ['prints', 'raises', 'runs', 'norun'] as const;
const FLAG_KEYS = new Set(['prints', 'runs', 'output']);
const VALUE_KEYS = new Set(['raises', 'norun', 'match', 'context']);
const OUR_KEYS = new Set([...FLAG_KEYS, ...VALUE_KEYS]);

/** Likely slips, with what the author probably meant. */
const TYPOS: Readonly<Record<string, string>> = {
	print: 'prints',
	printed: 'prints',
	raise: 'raises',
	raised: 'raises',
	run: 'runs',
	ok: 'runs',
	'no-run': 'norun',
	noRun: 'norun',
	returns: '`prints` with an output block (`returns` is for YAML `run:` blocks)',
	outputs: 'output',
	ctx: 'context',
};

function describe(attribute: MetaAttribute): string {
	return attribute.value === null ? attribute.key : `${attribute.key}="${attribute.value}"`;
}

/** Interpret a fence's meta string with the grammar of docs/content-format.md. */
export function readFenceInfo(meta: string | null | undefined): FenceInfo {
	const parsed = parseMeta(meta);
	const errors = [...parsed.errors];
	const seen = new Map<string, MetaAttribute>();
	let title: string | null = null;

	for (const attribute of parsed.attributes) {
		if (attribute.key === 'title' && attribute.value !== null) title = attribute.value;
		const suggestion = TYPOS[attribute.key];
		if (suggestion !== undefined) {
			errors.push(`unknown annotation \`${attribute.key}\`; did you mean ${suggestion}?`);
			continue;
		}
		if (!OUR_KEYS.has(attribute.key)) continue;
		if (seen.has(attribute.key)) {
			errors.push(`\`${attribute.key}\` is given twice`);
			continue;
		}
		seen.set(attribute.key, attribute);
		if (FLAG_KEYS.has(attribute.key) && attribute.value !== null) {
			errors.push(
				attribute.key === 'prints'
					? '`prints` takes no value: put the expected output in the next code block, flagged `output`'
					: `\`${attribute.key}\` is a flag and takes no value (found ${describe(attribute)})`,
			);
		}
		if (VALUE_KEYS.has(attribute.key) && (attribute.value === null || attribute.value.trim() === '')) {
			const example: Record<string, string> = {
				raises: 'raises="TypeError"',
				norun: 'norun="a settings fragment"',
				match: 'match="part of the message"',
				context: 'context="sync"',
			};
			errors.push(`\`${attribute.key}\` needs a value, e.g. ${example[attribute.key] ?? ''}`);
		}
	}

	const value = (key: string): string => seen.get(key)?.value?.trim() ?? '';
	const outcomes = OUTCOME_KEYS.filter((key) => seen.has(key));
	const isOutput = seen.has('output');
	const hasAnnotationKeys = seen.size > 0;

	if (isOutput && (outcomes.length > 0 || seen.has('match') || seen.has('context'))) {
		errors.push('an `output` block cannot also carry run annotations');
	}
	if (outcomes.length > 1) {
		errors.push(`use exactly one of prints / raises / runs / norun; this block has ${outcomes.join(', ')}`);
	}
	if (seen.has('match') && !seen.has('raises')) errors.push('`match` only goes with `raises`');

	let context: RunContext = 'async';
	if (seen.has('context')) {
		const requested = value('context');
		if (requested === 'sync' || requested === 'async') context = requested;
		else if (requested !== '') errors.push(`context must be "sync" or "async", not "${requested}"`);
		if (seen.has('norun')) errors.push('`context` has no effect on a `norun` block');
	}

	let annotation: FenceAnnotation | null = null;
	const [outcome] = outcomes;
	if (errors.length === 0 && outcome !== undefined) {
		if (outcome === 'raises') {
			annotation = seen.has('match')
				? { outcome, raises: value('raises'), match: seen.get('match')?.value ?? '', context }
				: { outcome, raises: value('raises'), context };
		} else if (outcome === 'norun') {
			annotation = { outcome, reason: value('norun') };
		} else {
			annotation = { outcome, context };
		}
	}
	return { annotation, isOutput, title, hasAnnotationKeys, errors };
}
