/**
 * Progress a reader can carry: export to a file, import from one, and a "continue on another device" link that
 * holds the whole document in its URL fragment, compressed with the browser's `CompressionStream`. Nothing is
 * sent anywhere: a fragment never leaves the browser.
 *
 * Import never changes anything unless the whole file is understood. A file is read in this order, and the
 * first problem found is the message the reader sees (`IMPORT_MESSAGES`):
 * size → empty → JSON → ours → version (newer refused, older migrated) → every entry valid.
 * Entries whose item ids the site no longer has are not merged but kept aside (`aside` in the document), so a
 * file from an older or newer deploy loses nothing.
 *
 * Merge, per item id: an answer to the item as it is now (same content hash) beats one to an older version of
 * it; otherwise the newest answer wins. Test runs are merged as a set (by time and seed), the newest kept.
 */
import { MAX_TESTS, PROGRESS_VERSION } from './limits.ts';
import { decode, type ProgressStore } from './store.ts';
import { isFields, parseItemRecord, parseTestRecord, type Envelope } from './validate.ts';
import { parseReviewRecord } from './validate-review.ts';

/** Marks a file as ours, so another site's JSON is recognised as such. */
export const FILE_MARK = 'awaitable-progress';
/** No honest export comes near this (the whole course answered is about 100 KB). */
export const MAX_IMPORT_BYTES = 5_000_000;
/** The URL fragment's key: `#progress=…`. */
export const LINK_KEY = 'progress=';

export const IMPORT_MESSAGES = {
	'too-large': 'This file is too large to be an Awaitable progress file (over 5 MB). Nothing was changed.',
	empty: 'This file is empty. Nothing was changed.',
	'not-json': 'This file is not an Awaitable progress file: it is not JSON. Nothing was changed.',
	truncated: 'This file is cut off before its end (an interrupted download or copy?). Nothing was changed.',
	'not-ours': 'This file is not an Awaitable progress file (it may come from another site). Nothing was changed.',
	newer:
		'This file comes from a newer version of Awaitable. Reload the page to update it, then import again. Nothing was changed.',
	'no-migration': 'This file comes from an Awaitable version too old to read. Nothing was changed.',
	invalid: 'This file has entries that are not valid progress (edited by hand?). Nothing was changed.',
	'link-cut':
		'This link is incomplete: it was probably cut off when copied. Copy the whole link and open it again. Nothing was changed.',
} as const;

export type ImportProblem = keyof typeof IMPORT_MESSAGES;

export type ImportResult =
	{ ok: true; envelope: Envelope } | { ok: false; problem: ImportProblem; message: string; detail?: string };

const fail = (problem: ImportProblem, detail?: string): ImportResult => ({
	ok: false,
	problem,
	message: IMPORT_MESSAGES[problem],
	...(detail ? { detail } : {}),
});

/** The export file's text: the stored document with our mark and the time of export. */
export function exportText(envelope: Envelope, now: number): string {
	return JSON.stringify({ app: FILE_MARK, exported: now, ...envelope });
}

/** A file name with the date, such as `awaitable-progress-2026-12-02.json`. */
export const exportName = (now: number) => `${FILE_MARK}-${new Date(now).toISOString().slice(0, 10)}.json`;

/** Reads an import's text (a file's size is checked by the caller before reading it: `tooLarge`). */
export function readImport(text: string): ImportResult {
	if (text.length > MAX_IMPORT_BYTES) return fail('too-large');
	if (text.trim() === '') return fail('empty');
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		// Our files are one JSON object: one that starts but does not close was cut off.
		return fail(new RegExp(`^\\s*\\{\\s*"app"\\s*:\\s*"${FILE_MARK}"`).test(text) ? 'truncated' : 'not-json');
	}
	if (!isFields(parsed) || parsed['app'] !== FILE_MARK) return fail('not-ours');
	const decoded = decode(JSON.stringify(parsed));
	if (decoded.kind === 'newer') return fail('newer');
	if (decoded.kind !== 'ok')
		return fail(decoded.kind === 'unreadable' && decoded.reason === 'no-migration' ? 'no-migration' : 'not-ours');
	const { envelope } = decoded;
	// The envelope reads a missing or broken map as empty; a file must have them whole (`review` since v2).
	const required = parsed['v'] === 1 ? (['items', 'tests'] as const) : (['items', 'tests', 'review'] as const);
	for (const key of required) {
		if (key === 'tests' ? !Array.isArray(parsed[key]) : !isFields(parsed[key])) return fail('invalid', `\`${key}\``);
	}
	for (const [id, value] of Object.entries(envelope.items)) {
		if (!parseItemRecord(value)) return fail('invalid', `the answer to “${id}”`);
	}
	for (const [id, value] of Object.entries(envelope.review)) {
		if (!parseReviewRecord(value)) return fail('invalid', `the review of “${id}”`);
	}
	if (!envelope.tests.every((test) => parseTestRecord(test))) return fail('invalid', 'a test result');
	return {
		ok: true,
		envelope: {
			v: PROGRESS_VERSION,
			items: envelope.items,
			tests: envelope.tests,
			review: envelope.review,
			aside: envelope.aside,
		},
	};
}

/** True when a file is too large to read at all (checked on its size, before reading a byte of it). */
export const tooLarge = (bytes: number) => bytes > MAX_IMPORT_BYTES;

export interface MergeReport {
	envelope: Envelope;
	/** Items whose answer or review came from the import. */
	taken: number;
	/** Entries kept aside because the site has no item with their id. */
	aside: number;
}

type Timed = { hash: string; at?: number; last?: number };
const timeOf = (record: Timed) => record.last ?? record.at ?? 0;

/** Which of two records of one item to keep: the one for the item as it is now, else the newest. */
function pick<T extends Timed>(
	local: T | undefined,
	imported: T | undefined,
	hash: string | undefined,
): 'local' | 'imported' {
	if (!imported) return 'local';
	if (!local) return 'imported';
	const localCurrent = local.hash === hash;
	const importedCurrent = imported.hash === hash;
	if (localCurrent !== importedCurrent) return importedCurrent ? 'imported' : 'local';
	return timeOf(imported) > timeOf(local) ? 'imported' : 'local';
}

/**
 * Merges an imported document into the local one. `hashes` maps every item id the site has to its current
 * content hash; imported entries of other ids go to `aside`.
 */
export function merge(local: Envelope, imported: Envelope, hashes: ReadonlyMap<string, string>): MergeReport {
	const items = { ...local.items };
	const review = { ...local.review };
	const aside = { ...local.aside, ...imported.aside };
	const taken = new Set<string>();
	let asideCount = 0;
	const mergeMap = (
		target: Record<string, unknown>,
		from: Record<string, unknown>,
		parse: (value: unknown) => Timed | undefined,
		slot: 'item' | 'review',
	) => {
		for (const [id, value] of Object.entries(from)) {
			if (!hashes.has(id)) {
				const kept = isFields(aside[id]) ? aside[id] : {};
				aside[id] = { ...kept, [slot]: value };
				asideCount++;
				continue;
			}
			if (pick(parse(target[id]), parse(value), hashes.get(id)) === 'imported') {
				target[id] = value;
				taken.add(id);
			}
		}
	};
	mergeMap(items, imported.items, parseItemRecord, 'item');
	mergeMap(review, imported.review, parseReviewRecord, 'review');
	const runs = new Map<string, unknown>();
	for (const test of [...local.tests, ...imported.tests]) {
		const parsed = parseTestRecord(test);
		if (parsed) runs.set(`${parsed.at}:${parsed.seed}`, test);
	}
	const tests = [...runs.entries()]
		.sort(([a], [b]) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
		.map(([, test]) => test)
		.slice(-MAX_TESTS);
	return { envelope: { v: PROGRESS_VERSION, items, tests, review, aside }, taken: taken.size, aside: asideCount };
}

/**
 * Reads an import and, only when all of it is understood, merges it into the store. Returns what the reader is
 * told: the problem, or how much came in.
 */
export function importInto(
	store: ProgressStore,
	result: ImportResult,
	hashes: ReadonlyMap<string, string>,
): { ok: false; message: string } | { ok: true; taken: number; aside: number } {
	if (!result.ok)
		return { ok: false, message: result.detail ? `${result.message} (${result.detail})` : result.message };
	let report: MergeReport | undefined;
	store.replace((current) => {
		report = merge(current, result.envelope, hashes);
		return report.envelope;
	});
	return { ok: true, taken: report?.taken ?? 0, aside: report?.aside ?? 0 };
}

function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
	const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
	return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
	const body = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
	return new Uint8Array(await new Response(body).arrayBuffer());
}

/** The fragment of a device link (`progress=…`, without `#`): the export text, deflated, in base64url. */
export async function linkFragment(envelope: Envelope, now: number): Promise<string> {
	const bytes = new TextEncoder().encode(exportText(envelope, now));
	return LINK_KEY + toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
}

/** Reads a device link's fragment (with or without `#`); `undefined` when the fragment is not a device link. */
export async function readLink(fragment: string): Promise<ImportResult | undefined> {
	const body = fragment.replace(/^#/, '');
	if (!body.startsWith(LINK_KEY)) return undefined;
	let text: string;
	try {
		const bytes = await pipe(fromBase64Url(body.slice(LINK_KEY.length)), new DecompressionStream('deflate-raw'));
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return fail('link-cut');
	}
	const result = readImport(text);
	return !result.ok && (result.problem === 'truncated' || result.problem === 'not-json' || result.problem === 'empty')
		? fail('link-cut')
		: result;
}
