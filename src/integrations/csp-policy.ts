/**
 * Pure helpers for the site's Content Security Policy: parse and merge policies, hash inline code, find the
 * inline code a built page runs that its policy does not allow, and write the `_headers` file. No file
 * system and no Astro here, so every rule is unit-tested (`csp-policy.test.ts`); `csp-headers.ts` wires
 * them into the build.
 */
import { createHash } from 'node:crypto';

/** A policy as directive name → sources, in the order they were written. */
export type Policy = Map<string, string[]>;

export function parsePolicy(text: string): Policy {
	const policy: Policy = new Map();
	for (const part of text.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
		// The first occurrence of a directive wins, as in browsers.
		if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
	}
	return policy;
}

export function serializePolicy(policy: Policy): string {
	return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * Hashes by body, so a script or stylesheet that every built page inlines (Starlight's theme script,
 * Expressive Code's styles) is hashed once per build, not once per page and check.
 */
const hashes = new Map<string, string>();
const MAX_CACHED_HASHES = 2048;

/** The CSP source expression for a script or style body: `'sha256-…'`. */
export function cspHash(body: string): string {
	return cachedHash(hashes, body, 'utf8');
}

/** The same for a body given as its bytes (`BYTES`), cached apart: the same string is other code as bytes. */
const hashesOfBytes = new Map<string, string>();

function hashOfBytes(body: string): string {
	return cachedHash(hashesOfBytes, body, 'latin1');
}

function cachedHash(cache: Map<string, string>, body: string, encoding: 'utf8' | 'latin1'): string {
	let hash = cache.get(body);
	if (hash === undefined) {
		hash = `'sha256-${createHash('sha256').update(body, encoding).digest('base64')}'`;
		if (cache.size >= MAX_CACHED_HASHES) cache.clear();
		cache.set(body, hash);
	}
	return hash;
}

/**
 * Pages read as bytes. The build's page pass (csp-audit.ts) reads each page as the string of its UTF-8 bytes, one
 * character per byte (`latin1`): half the memory of the page as UTF-16 text (a page with one character beyond
 * Latin-1, an arrow or a dash, is two bytes a character as text), and nothing to decode or encode. The functions
 * below that take `bytes` read such a string as they read the page's text, and give the same results (as text:
 * attribute values, policies, names, messages; as bytes: the page and the code whose hash is taken): the markup they
 * look for is ASCII, which UTF-8 writes as itself and never inside another character. Only whitespace differs: `\s`
 * matches characters beyond ASCII, which are several bytes, and the byte 0xA0 inside others. So a page that has any
 * (`WIDE_SPACE`) is read as text, and in a page that has none `\s` is ASCII's.
 */
export const BYTES = 'latin1';

/** The UTF-8 bytes of the characters other than ASCII's that JavaScript's `\s` matches, as `BYTES` reads them. */
export const WIDE_SPACE =
	/\xC2\xA0|\xE1\x9A\x80|\xE2\x80[\x80-\x8A\xA8\xA9\xAF]|\xE2\x81\x9F|\xE3\x80\x80|\xEF\xBB\xBF/;

/** The text of a string of bytes (`BYTES`). */
export function textOf(bytes: string): string {
	return Buffer.from(bytes, BYTES).toString('utf8');
}

/** The string of bytes (`BYTES`) of a text. */
export function bytesOf(text: string): string {
	return Buffer.from(text, 'utf8').toString(BYTES);
}

/** A pattern's source with `\s` as it reads a page without `WIDE_SPACE`, as bytes: ASCII's whitespace. */
export function forBytes(source: string): string {
	let inClass = false;
	let bytes = '';
	for (let at = 0; at < source.length; at++) {
		const character = source[at];
		if (character === '\\') {
			const escaped = source.slice(at, at + 2);
			if (escaped === '\\S') throw new Error(`forBytes cannot read \\S: ${source}`);
			bytes += escaped === '\\s' ? (inClass ? '\\t-\\r ' : '[\\t-\\r ]') : escaped;
			at++;
			continue;
		}
		if (character === '[') inClass = true;
		else if (character === ']') inClass = false;
		bytes += character;
	}
	return bytes;
}

/**
 * One policy that allows what any of the given policies allows: the union of each directive's sources
 * (`'none'` dropped where another source joins it). Used for the `_headers` file, which holds one policy
 * for every page while each page's `<meta>` holds its own; browsers enforce both, so each page still gets
 * exactly its own hashes.
 */
export function mergePolicies(policies: readonly Policy[]): Policy {
	const merged: Policy = new Map();
	for (const policy of policies) {
		for (const [name, sources] of policy) {
			const list = merged.get(name) ?? [];
			for (const source of sources) if (!list.includes(source)) list.push(source);
			merged.set(name, list);
		}
	}
	for (const [name, sources] of merged) {
		if (sources.length > 1 && sources.includes("'none'"))
			merged.set(
				name,
				sources.filter((source) => source !== "'none'"),
			);
	}
	return merged;
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', '#39': "'", '#x27': "'" };

function decodeAttribute(value: string): string {
	return value.replace(/&(amp|quot|apos|lt|gt|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/**
 * The pattern of each attribute `attribute` reads, compiled once (it runs for every meta and script of every page),
 * for text and for bytes.
 */
const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** The value of an attribute, as text (`bytes`: the attributes are bytes). */
function attribute(attributes: string, name: string, bytes = false): string | undefined {
	const key = bytes ? `${name} bytes` : name;
	let pattern = ATTRIBUTE_PATTERNS.get(key);
	if (!pattern) {
		const source = `(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`;
		pattern = new RegExp(bytes ? forBytes(source) : source, 'i');
		ATTRIBUTE_PATTERNS.set(key, pattern);
	}
	const match = pattern.exec(attributes);
	if (!match) return undefined;
	const value = decodeAttribute(match[1] ?? match[2] ?? match[3] ?? '');
	return bytes ? textOf(value) : value;
}

/** The policy of the page's `<meta http-equiv="content-security-policy">`, or undefined (`bytes`: the page is bytes). */
export function metaPolicy(html: string, bytes = false): string | undefined {
	for (const [, attributes = ''] of html.matchAll(/<meta\b([^>]*)>/gi)) {
		if (attribute(attributes, 'http-equiv', bytes)?.toLowerCase() === 'content-security-policy')
			return attribute(attributes, 'content', bytes);
	}
	return undefined;
}

export interface InlineCode {
	kind: 'script' | 'style';
	/** The code, as the page is (text, or bytes). */
	body: string;
}

/** Script types a browser executes (and CSP governs); JSON and templates are data. */
function isExecutable(type: string | undefined): boolean {
	if (type === undefined || type.trim() === '') return true;
	return /^(module|text\/javascript|application\/javascript|text\/ecmascript)$/i.test(type.trim());
}

/** Every inline `<script>` a browser would run and every `<style>` element of a built page (`bytes`: as bytes). */
export function inlineCode(html: string, bytes = false): InlineCode[] {
	const found: InlineCode[] = [];
	for (const { attributes, body } of elements(html, 'script')) {
		if (attribute(attributes, 'src', bytes) !== undefined || !isExecutable(attribute(attributes, 'type', bytes)))
			continue;
		found.push({ kind: 'script', body });
	}
	for (const { body } of elements(html, 'style')) found.push({ kind: 'style', body });
	return found;
}

/**
 * Every `<name …>…</name>` element of the page, as `/<name\b([^>]*)>([\s\S]*?)<\/name>/gi` finds them (its
 * attributes run to the first `>`, its body to the first closing tag in any case; an opening tag without one is
 * no element), but with `indexOf` in place of the lazy body pattern, which tried the closing tag at every
 * character of every inlined stylesheet.
 */
export function* elements(html: string, name: 'script' | 'style'): Generator<{ attributes: string; body: string }> {
	const opening = new RegExp(`<${name}\\b`, 'gi');
	let match: RegExpExecArray | null;
	while ((match = opening.exec(html))) {
		const close = html.indexOf('>', opening.lastIndex);
		const end = close === -1 ? -1 : closingTag(html, name, close + 1);
		if (end === -1) {
			opening.lastIndex = match.index + 1;
			continue;
		}
		yield { attributes: html.slice(opening.lastIndex, close), body: html.slice(close + 1, end) };
		opening.lastIndex = end + name.length + 3;
	}
}

/** Sources that apply to inline `<script>`/`<style>` elements: the `-elem` directive, else its fallbacks. */
function elementSources(policy: Policy, kind: 'script' | 'style'): string[] | undefined {
	return policy.get(`${kind}-src-elem`) ?? policy.get(`${kind}-src`) ?? policy.get('default-src');
}

function allowsInline(policy: Policy, code: InlineCode, hash: (body: string) => string): boolean {
	const sources = elementSources(policy, code.kind);
	if (sources === undefined) return true;
	if (sources.includes(hash(code.body))) return true;
	// 'unsafe-inline' only counts when no hash or nonce is present (CSP Level 2+ ignores it then).
	return sources.includes("'unsafe-inline'") && !sources.some((source) => /^'(sha\d+|nonce)-/.test(source));
}

function preview(body: string): string {
	const line = body.trim().replace(/\s+/g, ' ');
	return line.length > 70 ? `${line.slice(0, 70)}…` : line;
}

/**
 * What is wrong with a built page's policy, one sentence each, empty when nothing is: no policy at all, a
 * script policy that allows `'unsafe-inline'` or `'unsafe-eval'`, inline code whose hash is missing (the
 * browser would block it), and inline event handler attributes (blocked under any hash-based policy).
 */
export function pageProblems(html: string): string[] {
	return auditPage(html, { hashStyles: false }).problems;
}

/**
 * Adds the hash of every inline `<style>` element the page's `<meta>` policy does not allow yet. Astro
 * 7.3 hashes the styles of pages and layouts, but not the small scoped styles it inlines for components
 * rendered inside content-collection MDX (such as the home page's doors): without this, the browser would
 * drop them. Styles only: an unknown inline *script* stays an error (see `pageProblems`).
 */
export function hashInlineStyles(html: string): { html: string; added: string[] } {
	const { html: fixed, added } = auditPage(html, { hashStyles: true, skipProblems: true });
	return { html: fixed, added };
}

/**
 * Drops from the page's `<meta>` policy the hashes of inline scripts and styles the page does not have. Astro
 * lists every hash the site needs in every page (18 script hashes where a lesson has 11 inline scripts); each
 * costs about 45 bytes of incompressible base64 in the page. A `<meta>` policy governs only its own document,
 * so what it does not run it need not allow: the page's policy gets stricter and 0.3 KB gzip lighter.
 */
export function withOnlyPageHashes(html: string): { html: string; dropped: string[] } {
	const text = metaPolicy(html);
	if (text === undefined) return { html, dropped: [] };
	const policy = parsePolicy(text);
	const dropped = dropAbsentHashes(policy, inlineCode(html));
	if (dropped.length === 0) return { html, dropped };
	return { html: withMetaPolicy(html, policy), dropped };
}

/** Removes from the policy's script and style directives the hashes of code the page does not have; returns them. */
function dropAbsentHashes(policy: Policy, code: readonly InlineCode[], hash = cspHash): string[] {
	const present = new Set(code.map((item) => `${item.kind}:${hash(item.body)}`));
	const dropped: string[] = [];
	for (const [name, sources] of policy) {
		const kind = /^(script|style)-src(-elem)?$/.exec(name)?.[1];
		if (!kind) continue;
		const kept = sources.filter((source) => !/^'sha\d+-/.test(source) || present.has(`${kind}:${source}`));
		if (kept.length === sources.length) continue;
		dropped.push(...sources.filter((source) => !kept.includes(source)));
		policy.set(name, kept);
	}
	return dropped;
}

const META_POLICY = /<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/i;
const META_POLICY_BYTES = new RegExp(forBytes(META_POLICY.source), 'i');

/** The page with its `<meta>` policy replaced by `policy` (`bytes`: the page is bytes). */
function withMetaPolicy(html: string, policy: Policy, bytes = false): string {
	return metaReplaced(html, policy, bytes).html;
}

/** The `<meta>` policy as this module writes it, and as Astro does. */
const WRITTEN_META = /^<meta http-equiv="content-security-policy" content="[^"<>]*">$/;

/**
 * `withMetaPolicy`, and the page in three pieces (before the old `<meta>`, the new one, after it) where it is
 * written there, which the build writes without joining them (a page is over 128 KB: a new string of it is
 * memory V8 maps afresh).
 */
function metaReplaced(
	html: string,
	policy: Policy,
	bytes: boolean,
): { html: string; pieces: string[]; at: number; old: string; meta: string } | { html: string; pieces: [string] } {
	const pattern = bytes ? META_POLICY_BYTES : META_POLICY;
	const text = `<meta http-equiv="content-security-policy" content="${serializePolicy(policy)}">`;
	const meta = bytes ? bytesOf(text) : text;
	const match = pattern.exec(html);
	// `replace` reads `$` in what it puts in.
	if (!match || meta.includes('$')) {
		const replaced = html.replace(pattern, meta);
		return { html: replaced, pieces: [replaced] };
	}
	const old = match[0];
	const pieces = [html.slice(0, match.index), meta, html.slice(match.index + old.length)];
	// Concatenated, not joined: a string made of the pieces, copied only if it is read.
	return { html: `${pieces[0]}${meta}` + (pieces[2] ?? ''), pieces, at: match.index, old, meta };
}

export interface PageAudit {
	/** The page (text, or bytes as it was given), with its `<meta>` policy completed when `hashStyles` added style hashes. */
	html: string;
	/** `html` in pieces, to write without joining them. */
	pieces: string[];
	/** The style hashes added to the policy. */
	added: string[];
	/** The hashes dropped from the policy (`onlyPageHashes`). */
	dropped: string[];
	/** What is wrong with the (completed) page, as `pageProblems` words it. */
	problems: string[];
	/** The page's (completed) policy, undefined when it has none. */
	policy: Policy | undefined;
}

/**
 * `withOnlyPageHashes` (when `onlyPageHashes`), `hashInlineStyles` (when `hashStyles`), then `pageProblems` on
 * the result, in one pass over the page: the policy is parsed, the inline code found and the `<meta>` rewritten
 * once. The build's check of every page (csp-audit.ts). With `bytes`, the page is bytes (`BYTES`) without
 * `WIDE_SPACE`, and so is the page returned.
 */
export function auditPage(
	html: string,
	options: { hashStyles: boolean; onlyPageHashes?: boolean; skipProblems?: boolean; bytes?: boolean },
): PageAudit {
	const bytes = options.bytes ?? false;
	const hash = bytes ? hashOfBytes : cspHash;
	const text = metaPolicy(html, bytes);
	if (text === undefined)
		return {
			html,
			pieces: [html],
			added: [],
			dropped: [],
			policy: undefined,
			problems: options.skipProblems
				? []
				: ['has no <meta http-equiv="content-security-policy">. Fix: keep `security.csp` enabled in astro.config.mjs.'],
		};
	const policy = parsePolicy(text);
	const code = inlineCode(html, bytes);
	const dropped = options.onlyPageHashes ? dropAbsentHashes(policy, code, hash) : [];
	const added: string[] = [];
	if (options.hashStyles) {
		const directive = policy.has('style-src-elem') ? 'style-src-elem' : 'style-src';
		const sources = policy.get(directive) ?? [...(policy.get('default-src') ?? ["'self'"])];
		for (const item of code) {
			if (item.kind !== 'style' || allowsInline(policy, item, hash)) continue;
			const itemHash = hash(item.body);
			if (!sources.includes(itemHash)) sources.push(itemHash);
			added.push(itemHash);
			policy.set(directive, sources);
		}
	}
	const page = html;
	const replaced = added.length > 0 || dropped.length > 0 ? metaReplaced(html, policy, bytes) : undefined;
	html = replaced?.html ?? html;
	const pieces = replaced?.pieces ?? [html];
	if (options.skipProblems) return { html, pieces, added, dropped, problems: [], policy };
	const problems: string[] = [];
	const scriptSources = elementSources(policy, 'script') ?? [];
	for (const keyword of ["'unsafe-inline'", "'unsafe-eval'"]) {
		if ([...scriptSources, ...(policy.get('script-src') ?? [])].includes(keyword)) {
			problems.push(`allows ${keyword} for scripts. Fix: remove it from security.csp.scriptDirective.resources.`);
		}
	}
	for (const item of code) {
		if (allowsInline(policy, item, hash)) continue;
		problems.push(
			`has an inline <${item.kind}> its policy does not allow (${hash(item.body)}): "${preview(bytes ? textOf(item.body) : item.body)}". Fix: move it into a processed <${item.kind}> (Astro hashes those), or add the hash to security.csp.${item.kind}Directive.hashes.`,
		);
	}
	// Read in the page as it was when the `<meta>` is read alike in both (`eventHandlerNamesIn`): not a new copy.
	let names: { tag: string; name: string }[] | undefined;
	if (replaced && 'meta' in replaced && WRITTEN_META.test(replaced.old) && WRITTEN_META.test(replaced.meta)) {
		const watch: Watch = { at: replaced.at, end: replaced.at + replaced.old.length, alike: false };
		const found = eventHandlerNamesIn(page, bytes ? isAsciiSpace : isSpace, bytes, watch);
		if (watch.alike) names = found;
	}
	for (const { tag, name } of names ?? eventHandlerNames(html, bytes)) {
		if (/^on[a-z]+$/i.test(name)) {
			problems.push(
				`has an inline event handler ${name}= on <${tag}>, which the policy blocks. Fix: attach the listener in a script.`,
			);
		}
	}
	return { html, pieces, added, dropped, problems, policy };
}

/** Whether a UTF-16 code unit is whitespace for JavaScript's `\s` (wider than HTML's, so never fewer names). */
function isSpace(code: number): boolean {
	if (code < 128) return code === 32 || (code >= 9 && code <= 13);
	return (
		code === 0xa0 ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x200a) ||
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x202f ||
		code === 0x205f ||
		code === 0x3000 ||
		code === 0xfeff
	);
}

const GREATER_THAN = 62; // >
const SLASH = 47; // /
const EQUALS = 61; // =
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

/** Whether the code unit is an ASCII letter, with which a start tag's name begins. */
function isLetter(code: number): boolean {
	const lower = code | 32;
	return lower >= 97 && lower <= 122;
}

/** Whether the code unit is one of `\w` or `-`, the characters of a tag name the earlier check read. */
function isTagNameCharacter(code: number): boolean {
	return isLetter(code) || (code >= 48 && code <= 57) || code === 95 || code === 45;
}

/** Whether a code unit is whitespace for `\s` in a page read as bytes without `WIDE_SPACE`: ASCII's. */
function isAsciiSpace(code: number): boolean {
	return code === 32 || (code >= 9 && code <= 13);
}

/** Whitespace for HTML: tab, line feed, form feed, carriage return, space. */
function isHtmlSpace(code: number): boolean {
	return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/**
 * The attribute names that start with `on` (any case) of every start tag, outside script and style bodies, in
 * one pass over the page (it replaces regular expressions that took most of the check's time). Read like an HTML
 * tokenizer reads them: a name runs to whitespace, `/`, `>` or `=`, a `/` between attributes is skipped, a value
 * is quoted or runs to whitespace or `>`; whitespace is JavaScript's `\s`, wider than HTML's.
 *
 * It lists every name the regular expressions listed (`eventHandlerNamesByPattern`), and more where markup is odd.
 * A tag written the way they read one (a `[\w-]` name, whitespace before each attribute, closed quotes, an
 * unquoted value without quotes, no `/` but in `/>`) gives the same names, and the next tag is looked for after its
 * `>`. Any other tag (which they skipped whole) gives its names and the next tag is looked for right after its `<`,
 * as they did: a tag start inside its values is read too. Script and style bodies are left out as before: from
 * `<script…>` to the first `</script>` after it (any case), when there is one; a tag that runs into such a body
 * (a `<script` inside a quoted value) is read by the regular expressions instead, for the whole page. So the check
 * fails on every page it failed on before (e2e/csp.spec.ts compares both on every built page).
 *
 * With `bytes`, the page is bytes (`BYTES`) without `WIDE_SPACE`, and the names are given as text.
 */
export function eventHandlerNames(html: string, bytes = false): { tag: string; name: string }[] {
	if (bytes) return eventHandlerNamesIn(html, isAsciiSpace, true);
	return eventHandlerNamesIn(html, isSpace, false);
}

/**
 * A tag `eventHandlerNamesIn` looks out for, from `at` to `end` (its `>` included). `alike` tells whether it was read
 * as a tag of its own: read from its `<`, as a tag written as they read one, to its `>`, after every tag before it
 * ended, not in a script or style body, and without the regular expressions. Then another tag written so in its place,
 * whose names do not start with `on` either, gives the same names: the read goes on after it as it does after this
 * one, and the script and style bodies after it are the same (it has no `<` but its first character). So the names of
 * the page with its `<meta>` policy rewritten are read in the page as it was (`auditPage`).
 */
interface Watch {
	at: number;
	end: number;
	alike: boolean;
}

function eventHandlerNamesIn(
	html: string,
	isSpace: (code: number) => boolean,
	bytes: boolean,
	watch?: Watch,
): { tag: string; name: string }[] {
	let crossed = false;
	const found: { tag: string; name: string }[] = [];
	const end = html.length;
	const bodies = rawTextBodies(html);
	let body = bodies.next();
	let open = html.indexOf('<');
	while (open !== -1) {
		// Tags start outside script and style bodies.
		while (!body.done && body.value.end <= open) body = bodies.next();
		if (!body.done && open >= body.value.start) {
			open = html.indexOf('<', body.value.end);
			continue;
		}
		if (!isLetter(html.charCodeAt(open + 1))) {
			open = html.indexOf('<', open + 1);
			continue;
		}
		// How far this tag may be read without running into a body.
		const limit = body.done ? end : body.value.start;
		let regular = true;
		let at = open + 1;
		while (at < end) {
			const code = html.charCodeAt(at);
			if (isSpace(code) || code === SLASH || code === GREATER_THAN) break;
			if (!isTagNameCharacter(code)) regular = false;
			at++;
		}
		const tag = html.slice(open + 1, at);
		let spaced = false;
		let closed = false;
		while (at < end) {
			let code = html.charCodeAt(at);
			if (code === GREATER_THAN) {
				closed = true;
				break;
			}
			if (isSpace(code)) {
				if (!isHtmlSpace(code)) regular = false;
				spaced = true;
				at++;
				continue;
			}
			if (code === SLASH) {
				regular = false;
				at++;
				continue;
			}
			// A name: its first character may be `=` (as in HTML), the rest not.
			if (!spaced || code === EQUALS) regular = false;
			const start = at++;
			while (at < end) {
				code = html.charCodeAt(at);
				if (isSpace(code) || code === SLASH || code === GREATER_THAN || code === EQUALS) break;
				at++;
			}
			// Only names that start with `on` (any case) are listed: the check looks for event handlers.
			if (at - start > 2 && (html.charCodeAt(start) | 32) === 111 && (html.charCodeAt(start + 1) | 32) === 110) {
				const name = html.slice(start, at);
				found.push(bytes ? { tag: textOf(tag), name: textOf(name) } : { tag, name });
			}
			spaced = false;
			while (at < end && isSpace(html.charCodeAt(at))) {
				if (!isHtmlSpace(html.charCodeAt(at))) regular = false;
				spaced = true;
				at++;
			}
			if (html.charCodeAt(at) !== EQUALS) continue;
			at++;
			while (at < end && isSpace(html.charCodeAt(at))) {
				if (!isHtmlSpace(html.charCodeAt(at))) regular = false;
				at++;
			}
			spaced = false;
			code = html.charCodeAt(at);
			if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
				const close = html.indexOf(code === DOUBLE_QUOTE ? '"' : "'", at + 1);
				if (close === -1) regular = false;
				at = close === -1 ? end : close + 1;
			} else {
				const value = at;
				while (at < end) {
					code = html.charCodeAt(at);
					if (isSpace(code) || code === GREATER_THAN) break;
					if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) regular = false;
					at++;
				}
				if (at === value) regular = false;
			}
		}
		if (watch) {
			if (open === watch.at) watch.alike = !crossed && regular && closed && at === watch.end - 1;
			else if (open < watch.at && at >= watch.at) crossed = true;
		}
		// The tag ran into a script or style body (which the regular expressions cut out before reading tags).
		if (at >= limit && limit < end) {
			if (watch) watch.alike = false;
			return eventHandlerNamesByPattern(bytes ? textOf(html) : html);
		}
		open = html.indexOf('<', regular && closed ? at + 1 : open + 1);
	}
	return found;
}

/**
 * The script and style bodies the check leaves out, in order, as `/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/gi`
 * finds them: each from after its opening tag's first `>` to the end of the first `</script>` or `</style>` (any
 * case) after it; an opening tag without one is no body.
 */
function* rawTextBodies(html: string): Generator<{ start: number; end: number }> {
	const opening = /<(script|style)\b/gi;
	let match: RegExpExecArray | null;
	while ((match = opening.exec(html))) {
		const name = (match[1] ?? '').toLowerCase();
		const start = html.indexOf('>', opening.lastIndex) + 1;
		const close = start === 0 ? -1 : closingTag(html, name, start);
		if (close === -1) {
			opening.lastIndex = match.index + 1;
			continue;
		}
		const bodyEnd = close + name.length + 3;
		yield { start, end: bodyEnd };
		opening.lastIndex = bodyEnd;
	}
}

/** Where the first `</name>` (any case) at or after `from` starts, or -1. */
function closingTag(html: string, name: string, from: number): number {
	for (let at = html.indexOf('</', from); at !== -1; at = html.indexOf('</', at + 2)) {
		if (
			html.charCodeAt(at + 2 + name.length) === GREATER_THAN &&
			html.slice(at + 2, at + 2 + name.length).toLowerCase() === name
		)
			return at;
	}
	return -1;
}

/**
 * The attribute names of every tag by the regular expressions the check used before `eventHandlerNames`, for a
 * page whose tags run into a script or style body: the markup without those bodies, then every tag the pattern
 * matches (each `<` a match fails at is tried again one character on).
 */
export function eventHandlerNamesByPattern(html: string): { tag: string; name: string }[] {
	const found: { tag: string; name: string }[] = [];
	const markup = html.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/gi, '<$1$2>');
	for (const [, tag = '', attributes = ''] of markup.matchAll(
		/<([a-z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/gi,
	)) {
		if (!/\son/i.test(attributes)) continue;
		for (const [, name = ''] of attributes.matchAll(/\s+([^\s=>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?/g))
			found.push({ tag, name });
	}
	return found;
}

/**
 * The bodies of `<script is:inline>` elements in an `.astro` source: Astro renders them verbatim and does
 * not hash them, so the build adds their hashes itself. Scripts with `define:vars` or `set:html` are not
 * verbatim and are skipped (the build-time page check reports them if a page renders one).
 */
export function inlineScriptsInAstroSource(source: string): string[] {
	const bodies: string[] = [];
	for (const [, attributes = '', body = ''] of source.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		if (!/\bis:inline\b/.test(attributes) || /\b(define:vars|set:html|set:text|src)\b/.test(attributes)) continue;
		if (!isExecutable(attribute(attributes, 'type'))) continue;
		bodies.push(body);
	}
	return bodies;
}

/**
 * Adds header lines to the `/*` rule of a Netlify/Cloudflare `_headers` file, creating the rule if the
 * file has none. Lines for a header the rule already has are replaced.
 */
export function withHeaders(file: string, headers: Record<string, string>): string {
	const lines = file.split('\n');
	let start = lines.findIndex((line) => line.trim() === '/*');
	if (start === -1) {
		if (lines.length > 0 && lines[lines.length - 1]?.trim() !== '') lines.push('');
		lines.push('/*');
		start = lines.length - 1;
	}
	let end = start + 1;
	while (end < lines.length && /^\s+\S/.test(lines[end] ?? '')) end++;
	const names = Object.keys(headers).map((name) => name.toLowerCase());
	const kept = lines.slice(start + 1, end).filter((line) => {
		const name = line.trim().split(':')[0]?.toLowerCase() ?? '';
		return !names.includes(name);
	});
	const added = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
	const result = [...lines.slice(0, start + 1), ...kept, ...added, ...lines.slice(end)].join('\n');
	return result.endsWith('\n') ? result : `${result}\n`;
}
