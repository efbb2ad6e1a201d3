/**
 * Finding the annotated choices in question data (src/content/practice/<lesson>/<kind>.yaml).
 *
 * Every `items[].choices[]` entry may carry `run:` (execute it) or `norun:` (a reason it isn't
 * executable). Choice ids are `<set id>#<item id>/choice-<n>`, n counted from 1.
 */

import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import { isMap, isNode, isSeq, LineCounter, parseDocument } from 'yaml';

import { emptyExtraction, type Expect, type Extraction, type RunContext } from './types.ts';

const RUN_KEYS = new Set(['code', 'raises', 'match', 'prints', 'returns', 'ok', 'context']);
const OUTCOMES = ['raises', 'prints', 'returns', 'ok'] as const;

/** Code shown in a choice's Markdown text: its fenced blocks and inline code spans. */
export function codeInText(markdown: string): { blocks: string[]; inline: string[] } {
	const blocks: string[] = [];
	const inline: string[] = [];
	const walk = (node: Nodes): void => {
		if (node.type === 'code') blocks.push(node.value);
		else if (node.type === 'inlineCode') inline.push(node.value);
		if ('children' in node) for (const child of node.children) walk(child);
	};
	walk(fromMarkdown(markdown));
	return { blocks, inline };
}

/** The code a choice runs when `run.code` is absent, or why it can't be determined. */
export function defaultCode(text: unknown): { code: string } | { error: string } {
	if (typeof text !== 'string') return { error: 'the choice has no `text` to take the code from; give `run.code`' };
	const { blocks, inline } = codeInText(text);
	const [block] = blocks;
	if (blocks.length === 1 && block !== undefined) return { code: block };
	if (blocks.length > 1)
		return { error: `the text has ${blocks.length} code blocks; say which to run with \`run.code\`` };
	const [span] = inline;
	if (inline.length === 1 && span !== undefined) return { code: span };
	if (inline.length > 1) {
		return { error: `the text has ${inline.length} inline code spans; say which to run with \`run.code\`` };
	}
	return { error: 'the text shows no code; give `run.code`' };
}

/** Heuristic for "this choice shows code that could run" (a call on something, an assignment, an await). */
export function looksRunnable(text: unknown): boolean {
	if (typeof text !== 'string') return false;
	const { blocks, inline } = codeInText(text);
	return (
		blocks.length > 0 ||
		inline.some((code) => /\bawait\s|(^|[^=!<>])=(?!=)|\w\.\w+\(.*\)/.test(code) && !/^\w+\(\)$/.test(code))
	);
}

type RunCheck = { expect: Expect; context: RunContext; code: string | null } | { error: string };

/** Validate a choice's `run:` mapping (already converted to plain JS). */
export function readRun(run: unknown): RunCheck {
	const fields = asRecord(run);
	if (fields === null) return { error: '`run` must be a mapping with one of raises / prints / returns / ok' };
	const unknown = Object.keys(fields).filter((key) => !RUN_KEYS.has(key));
	if (unknown.length > 0) {
		return { error: `unknown key(s) in run: ${unknown.join(', ')} (allowed: ${[...RUN_KEYS].join(', ')})` };
	}
	const outcomes = OUTCOMES.filter((key) => key in fields);
	const [outcome] = outcomes;
	if (outcomes.length !== 1 || outcome === undefined) {
		return {
			error:
				outcomes.length === 0
					? '`run` needs one of raises / prints / returns / ok'
					: `\`run\` has ${outcomes.join(' and ')}; use exactly one`,
		};
	}
	const code = fields['code'];
	if (code !== undefined && (typeof code !== 'string' || code.trim() === '')) {
		return { error: '`run.code` must be a non-empty string' };
	}
	const context = fields['context'] ?? 'async';
	if (context !== 'async' && context !== 'sync') return { error: '`run.context` must be sync or async' };
	const match = fields['match'];
	if (match !== undefined && (outcome !== 'raises' || typeof match !== 'string')) {
		return { error: '`run.match` is a string and only goes with `raises`' };
	}

	const value = fields[outcome];
	let expect: Expect;
	if (outcome === 'ok') {
		if (value !== true) return { error: '`run.ok` must be `true`' };
		expect = { ok: true };
	} else if (typeof value !== 'string' || (outcome === 'raises' && value.trim() === '')) {
		// Unquoted YAML like `returns: 1` or `returns: True` parses as a number or a boolean,
		// whose text may not be the repr() the author meant, so ask for quotes.
		return { error: `\`run.${outcome}\` must be a string; quote it, e.g. ${outcome}: "${String(value)}"` };
	} else if (outcome === 'raises') {
		expect = typeof match === 'string' ? { raises: value.trim(), match } : { raises: value.trim() };
	} else if (outcome === 'prints') {
		expect = { prints: value };
	} else {
		expect = { returns: value };
	}
	return { expect, context, code: typeof code === 'string' ? code : null };
}

export interface ChoiceEntry {
	itemId: string;
	/** 1-based position in the item's choices. */
	index: number;
	line: number;
	choice: Record<string, unknown>;
}

export interface ChoiceListing {
	choices: ChoiceEntry[];
	/** Problems with the file itself (YAML syntax, missing item ids). */
	errors: { line: number | null; message: string }[];
}

/** Every choice of every item, with its line in the file. */
export function listChoices(source: string): ChoiceListing {
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter });
	const lineOf = (offset: number | undefined): number | null =>
		offset === undefined ? null : lineCounter.linePos(offset).line;
	const errors = doc.errors.map((error) => ({ line: lineOf(error.pos[0]), message: `YAML: ${error.message}` }));
	const choices: ChoiceEntry[] = [];
	if (errors.length > 0 || !isMap(doc.contents)) return { choices, errors };

	// Values come from the plain JS form (which resolves anchors and aliases); line numbers
	// from the parallel syntax tree.
	const plain = asRecord(doc.toJS());
	const plainItems = Array.isArray(plain?.['items']) ? (plain['items'] as unknown[]) : [];
	const items = doc.contents.get('items', true);
	if (!isSeq(items)) return { choices, errors };
	items.items.forEach((item, itemIndex) => {
		const plainItem = asRecord(plainItems[itemIndex]);
		const plainChoices = plainItem?.['choices'];
		if (!isMap(item) || plainItem === null || !Array.isArray(plainChoices)) return;
		const id = plainItem['id'];
		const hasId = typeof id === 'string' && id !== '';
		const itemId = hasId ? id : `item-${itemIndex + 1}`;
		const choiceNodes = item.get('choices', true);
		if (!isSeq(choiceNodes)) return;
		const annotated = plainChoices.some((value) => {
			const choice = asRecord(value);
			return choice !== null && ('run' in choice || 'norun' in choice);
		});
		if (!hasId && annotated) {
			errors.push({ line: lineOf(item.range?.[0]), message: `item ${itemIndex + 1} has no \`id\`` });
		}
		plainChoices.forEach((value, choiceIndex) => {
			const choice = asRecord(value);
			const node: unknown = choiceNodes.items[choiceIndex];
			if (choice === null) return;
			choices.push({ itemId, index: choiceIndex + 1, line: (isNode(node) && lineOf(node.range?.[0])) || 0, choice });
		});
	});
	return { choices, errors };
}

function asRecord(value: unknown): Record<string, unknown> | null {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: null;
}

export function choiceId(setId: string, itemId: string, index: number): string {
	return `${setId}#${itemId}/choice-${index}`;
}

/** Extract the snippets of one question file. `setId` is e.g. "aget/quiz". */
export function extractPractice(source: string, file: string, setId: string): Extraction {
	const result = emptyExtraction();
	const listing = listChoices(source);
	for (const error of listing.errors) {
		result.problems.push({ id: setId, file, line: error.line, message: error.message });
	}
	for (const { itemId, index, line, choice } of listing.choices) {
		const where = { id: choiceId(setId, itemId, index), file, line };
		const hasRun = 'run' in choice;
		const hasNorun = 'norun' in choice;
		if (hasRun && hasNorun) {
			result.problems.push({ ...where, message: 'a choice has either `run` or `norun`, not both' });
			continue;
		}
		if (hasNorun) {
			const reason = choice['norun'];
			if (typeof reason !== 'string' || reason.trim() === '') {
				result.problems.push({ ...where, message: '`norun` needs a reason, e.g. norun: a settings fragment' });
			} else {
				result.notRun.push({ ...where, reason: reason.trim() });
			}
			continue;
		}
		if (!hasRun) {
			if (looksRunnable(choice['text'])) {
				result.warnings.push({
					...where,
					message: 'the text seems to show runnable code but has neither `run` nor `norun`',
				});
			}
			continue;
		}
		const run = readRun(choice['run']);
		if ('error' in run) {
			result.problems.push({ ...where, message: run.error });
			continue;
		}
		const code = run.code ?? defaultCode(choice['text']);
		if (typeof code !== 'string' && 'error' in code) {
			result.problems.push({ ...where, message: code.error });
			continue;
		}
		result.snippets.push({
			...where,
			code: typeof code === 'string' ? code : code.code,
			expect: run.expect,
			context: run.context,
		});
	}
	return result;
}
