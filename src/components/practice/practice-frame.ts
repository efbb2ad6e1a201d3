/**
 * The frame of the practice pages (`PracticeLayout.astro`: Starlight's head, header, sidebar, page title and
 * previous/next links) rendered once per build and filled in for each page, instead of rendering Starlight's
 * parts on each of a course's hundreds of practice pages (about a quarter of a practice page's cost to Astro).
 *
 * Pages differ only in the strings the layout is given (title, description, sidebar labels and links, previous
 * and next links) and in their address (the canonical URL, Starlight's page id). So the first page renders the
 * frame with a token in place of each string (`framePage`), the frame is cut into literal text and holes
 * (`frameTemplate`), and every page with the same shape (the same token page: the same parts, the same strings
 * equal to one another) joins the literal text with its own strings (`fillFrame`).
 *
 * A string is written escaped, and how depends on where it lands (Astro escapes text and attribute values
 * differently, Starlight writes the <title> unescaped). A token carries those of the five characters HTML
 * escaping touches, `&<>"'`, that its string holds (so the key tells apart strings that hold different ones):
 * the frame shows how each hole wrote them, and the page's strings are written the same way. A token changed
 * any other way stops the build (`frameTemplate`). The address's last segment is a token of URL-safe letters
 * (it goes through `new URL` for the canonical link), so a page whose last segment would need escaping
 * anywhere is rendered in full, as is every page in `astro dev` (whose parts change as they are edited) and
 * every page with `AWAITABLE_FULL_FRAME=1` (the build practice-frame.build.test.ts compares with this one,
 * page by page and byte for byte).
 */

import { appendFileSync } from 'node:fs';

/** A link of the sidebar or of the previous/next links. */
export interface PracticeLink {
	label: string;
	href: string;
}

/** What a practice page's frame shows: the layout's props and the page's address (`Astro.url.pathname`). */
export interface FramePage {
	title: string;
	description: string;
	/** The sidebar: groups of links, one of them this page (`current`). */
	sidebar: { label: string; links: PracticeLink[] }[];
	current: string;
	prev: PracticeLink;
	next: PracticeLink | undefined;
	pathname: string;
}

/** A page's frame: the token page to render (or find rendered) and the strings its holes take. */
export interface PracticeFrame {
	/** The page with a token for each string, what the frame is rendered from; also the template's key. */
	page: FramePage;
	key: string;
	/** The page's strings, by token number. */
	values: string[];
}

/**
 * A text token: its number and the code of the characters of ESCAPED its string holds, then those characters,
 * between two private-use characters.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const ESCAPED = `&<>"'`;
/** Where the page's own content goes in the frame's body. */
export const CONTENT_MARK = '\uE002';
/** The last segment of the address: URL-safe, so only this segment of the URL is a hole. */
const segmentToken = (index: number) => `aw-frame-${index}-x`;
/** A segment no HTML or URL escaping changes. */
const PLAIN_SEGMENT = /^[A-Za-z0-9._~-]+$/;
/** Each subset of ESCAPED (in its order) by a number, which a token carries before them. */
const ESCAPED_CODES: Record<string, number> = {};
const ESCAPED_BY_CODE: string[] = [];
for (let code = 1; code < 2 ** ESCAPED.length; code++) {
	const characters = [...ESCAPED].filter((_, bit) => code & (1 << bit)).join('');
	ESCAPED_CODES[characters] = code;
	ESCAPED_BY_CODE[code] = characters;
}
const SPECIAL = /[&<>"']/;
const PRIVATE = /[\uE000-\uE002]/;
/** What is left of a token changed on its way into the page: its characters, raw or in a URL, or its letters. */
const LEFT_OVER = /[\uE000-\uE002]|%EE%80%8[0-2]|aw-frame-/i;
const HOLE = new RegExp(`${OPEN}(\\d+)\\.(\\d*)\\.([^${CLOSE}]*)${CLOSE}|aw-frame-(\\d+)-x`, 'g');

/** Whether the frame is filled in rather than rendered on each page: builds, unless turned off. */
export const frameTemplating = (): boolean => !import.meta.env.DEV && process.env.AWAITABLE_FULL_FRAME !== '1';

/**
 * The page's frame as a token page, or undefined when the page is rendered in full: in `astro dev` or with
 * `AWAITABLE_FULL_FRAME=1`, or when its address's last segment is not plain or a string holds a token's
 * characters.
 */
export function framePage(page: FramePage): PracticeFrame | undefined {
	if (!frameTemplating()) return undefined;
	const slash = page.pathname.endsWith('/') ? page.pathname.length - 1 : page.pathname.length;
	const start = page.pathname.lastIndexOf('/', slash - 1) + 1;
	const segment = page.pathname.slice(start, slash);
	if (!PLAIN_SEGMENT.test(segment)) return undefined;
	const values: string[] = [];
	const numbers = new Map<string, number>();
	let plain = true;
	// Equal strings get one token, so that what the layout compares (the current page's link) compares the same.
	const token = (value: string): string => {
		if (value === '') return value;
		let index = numbers.get(value);
		if (index === undefined) {
			if (PRIVATE.test(value)) plain = false;
			index = values.push(value) - 1;
			numbers.set(value, index);
		}
		if (!SPECIAL.test(value)) return `${OPEN}${index}..${CLOSE}`;
		const escaped = [...ESCAPED].filter((character) => value.includes(character)).join('');
		return `${OPEN}${index}.${ESCAPED_CODES[escaped]}.${escaped}${CLOSE}`;
	};
	const link = ({ label, href }: PracticeLink): PracticeLink => ({ label: token(label), href: token(href) });
	const tokens: FramePage = {
		title: token(page.title),
		description: token(page.description),
		sidebar: page.sidebar.map((group) => ({ label: token(group.label), links: group.links.map(link) })),
		current: token(page.current),
		prev: link(page.prev),
		next: page.next && link(page.next),
		pathname: '',
	};
	tokens.pathname = `${page.pathname.slice(0, start)}${segmentToken(values.push(segment) - 1)}${page.pathname.slice(slash)}`;
	if (!plain) return undefined;
	return { page: tokens, key: JSON.stringify(tokens), values };
}

/** A rendered frame cut at its holes: `literal[0]`, hole 0, `literal[1]`, … */
export interface FrameTemplate {
	literal: string[];
	holes: { index: number; escape: Record<string, string> | undefined }[];
}

/**
 * How each of the token's characters of `&<>"'` (those its string holds, in that order) was written in a hole,
 * read from the token's tail; or why it cannot be read.
 */
function escapesOf(characters: string, written: string): Record<string, string> | string {
	const escapes: Record<string, string> = {};
	let at = 0;
	for (const character of characters) {
		const entity = /^&#?[a-zA-Z0-9]+;/.exec(written.slice(at));
		const shown = entity ? entity[0] : written.charAt(at);
		if (!entity && shown !== character) return `${JSON.stringify(character)} is written ${JSON.stringify(shown)}`;
		escapes[character] = shown;
		at += shown.length;
	}
	return at === written.length ? escapes : `${JSON.stringify(characters)} is written ${JSON.stringify(written)}`;
}

/**
 * A frame rendered from a token page, cut at its holes. Throws when a token was changed on its way into the
 * HTML in some way other than escaping (a Starlight or Astro update could): the frame would not be the page's.
 */
export function frameTemplate(html: string): FrameTemplate {
	const literal: string[] = [];
	const holes: FrameTemplate['holes'] = [];
	let from = 0;
	for (const match of html.matchAll(HOLE)) {
		const [text, textIndex, code, written, segmentIndex] = match;
		let escape: Record<string, string> | undefined;
		if (textIndex !== undefined) {
			const escapes = escapesOf(ESCAPED_BY_CODE[Number(code)] ?? '', written ?? '');
			if (typeof escapes === 'string') throw frameError(`a string was escaped unlike HTML: ${escapes}`);
			escape = escapes;
		}
		literal.push(html.slice(from, match.index));
		holes.push({ index: Number(textIndex ?? segmentIndex), escape });
		from = match.index + text.length;
	}
	literal.push(html.slice(from));
	const left = literal.find((text) => LEFT_OVER.test(text));
	if (left !== undefined) throw frameError('a string was changed on its way into the page (a token is left over)');
	return { literal, holes };
}

const frameError = (reason: string) =>
	new Error(
		`The practice pages' frame cannot be filled in (src/components/practice/practice-frame.ts): ${reason}. ` +
			'Build with AWAITABLE_FULL_FRAME=1 to render it on every page meanwhile.',
	);

/** The frame with the page's strings in its holes, each escaped as its token was. */
export function fillFrame(template: FrameTemplate, values: readonly string[]): string {
	let html = template.literal[0] ?? '';
	for (let hole = 0; hole < template.holes.length; hole++) {
		const { index, escape } = template.holes[hole] as FrameTemplate['holes'][number];
		const value = values[index] ?? '';
		html += escape ? value.replace(/[&<>"']/g, (character) => escape[character] ?? character) : value;
		html += template.literal[hole + 1];
	}
	return html;
}

/** The parts of the frame: the head's, and the body's before and after the page's content. */
export type FramePart = 'head' | 'body';

/**
 * Templates by part and token page, rendered once per build (each one made adds a line with its part to the
 * file `AWAITABLE_FRAME_STATS` names, for practice-frame.build.test.ts). A few: pages of a course share one or two. */
const templates = new Map<string, Promise<FrameTemplate[]>>();
const TEMPLATES = 16;

/**
 * The part's HTML for a page: its template filled in, the template rendered first by `render` (the part with
 * the page's token page) when no page of that shape has been. The body's is two strings, around the content.
 */
export async function framePart(
	frame: PracticeFrame,
	part: FramePart,
	render: () => Promise<string>,
): Promise<string[]> {
	const key = `${part} ${frame.key}`;
	let made = templates.get(key);
	if (made === undefined) {
		const stats = process.env.AWAITABLE_FRAME_STATS;
		if (stats) appendFileSync(stats, `${part}\n`);
		made = render().then((html) => {
			const pieces = html.split(CONTENT_MARK);
			if (pieces.length !== (part === 'body' ? 2 : 1)) {
				throw frameError(`the ${part} shows the page's content ${pieces.length - 1} times`);
			}
			return pieces.map(frameTemplate);
		});
		templates.set(key, made);
		if (templates.size > TEMPLATES) templates.delete(templates.keys().next().value as string);
	}
	return (await made).map((template) => fillFrame(template, frame.values));
}

/** Whether both parts of the page's frame are rendered (or being rendered) by a page of its shape. */
export const frameRendered = (frame: PracticeFrame): boolean =>
	templates.has(`head ${frame.key}`) && templates.has(`body ${frame.key}`);
