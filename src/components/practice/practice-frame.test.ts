import { addAttribute, escapeHTML } from 'astro/runtime/server/index.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_MARK, fillFrame, framePage, framePart, frameTemplate, type FramePage } from './practice-frame.ts';

const page = (title: string, pathname = '/practice/aget/'): FramePage => ({
	title: `Practice: ${title}`,
	description: `Every practice set of “${title}”, each answer explained.`,
	sidebar: [
		{ label: 'Start here', links: [{ label: 'Home', href: '/' }] },
		{
			label: title,
			links: [
				{ label: 'The lesson', href: '/lessons/aget/' },
				{ label: 'Its practice', href: pathname },
			],
		},
	],
	current: pathname,
	prev: { label: title, href: '/lessons/aget/' },
	next: { label: 'Check what you know', href: '/test/' },
	pathname,
});

/** A frame as Astro renders one from a (token) page: strings as text and as attribute values, a canonical URL. */
const render = ({ title, sidebar, current, prev, pathname }: FramePage) =>
	`<title>${escapeHTML(title)} | Awaitable</title><link rel="canonical"${addAttribute(
		new URL(pathname, 'http://localhost:4321').href,
		'href',
	)}/>` +
	sidebar
		.flatMap((group) => [
			`<summary>${escapeHTML(group.label)}</summary>`,
			...group.links.map(
				(link) =>
					`<a${addAttribute(link.href, 'href')}${link.href === current ? ' aria-current="page"' : ''}>${escapeHTML(link.label)}</a>`,
			),
		])
		.join('') +
	`<a${addAttribute(prev.href, 'href')} rel="prev"><span>${escapeHTML(prev.label)}</span></a>`;

// As in a build: in `astro dev` every page is rendered in full.
beforeEach(() => {
	vi.stubEnv('DEV', false);
});

afterEach(() => {
	vi.unstubAllEnvs();
});

describe('framePage', () => {
	it('gives equal strings one token, so the page compares its links as the frame does', () => {
		const frame = framePage(page('aget'));
		expect(frame).toBeDefined();
		const tokens = frame?.page as FramePage;
		expect(tokens.current).toBe(tokens.sidebar[1]?.links[1]?.href);
		expect(tokens.prev.label).toBe(tokens.sidebar[1]?.label);
		expect(tokens.prev.href).not.toBe(tokens.current);
		expect(tokens.pathname).toMatch(/^\/practice\/aw-frame-\d+-x\/$/);
	});

	it('gives pages of one shape one key, and pages whose strings escape differently another', () => {
		const key = (title: string, pathname?: string) => framePage(page(title, pathname))?.key;
		expect(key('aget')).toBe(key('Saving a model', '/practice/asave/'));
		expect(key('Tom & Jerry')).not.toBe(key('aget'));
		expect(key('Tom & Jerry')).toBe(key('R&D'));
		expect(key('"Quoted" & more')).not.toBe(key('R&D'));
	});

	it('leaves an empty string as it is: a part may show something else in its place', () => {
		const frame = framePage({ ...page('aget'), description: '' });
		expect(frame?.page.description).toBe('');
	});

	it('renders in full a page whose address would be escaped, every page with AWAITABLE_FULL_FRAME=1 and in astro dev', () => {
		expect(framePage(page('aget', '/practice/caf%C3%A9/'))).toBeUndefined();
		expect(framePage(page('aget', '/practice/a&b/'))).toBeUndefined();
		vi.stubEnv('AWAITABLE_FULL_FRAME', '1');
		expect(framePage(page('aget'))).toBeUndefined();
		vi.unstubAllEnvs();
		vi.stubEnv('DEV', true);
		expect(framePage(page('aget'))).toBeUndefined();
	});
});

describe('frameTemplate and fillFrame', () => {
	const titles = ['aget', 'Tom & Jerry', `<Quotes> "double" & 'single'`, 'Dollar $& $1 signs', '“Curly” — dashes'];

	it.each(titles)('fill the frame rendered from the token page as Astro renders it from the page: %s', (title) => {
		const real = page(title);
		const frame = framePage(real);
		if (!frame) throw new Error('not templated');
		expect(fillFrame(frameTemplate(render(frame.page)), frame.values)).toBe(render(real));
	});

	it('fill the frame of one page with the strings of another page of its shape', () => {
		const first = framePage(page('aget')); // the page that renders the frame
		const other = page('Saving a model', '/practice/asave/');
		const frame = framePage(other);
		if (!first || !frame) throw new Error('not templated');
		expect(frame.key).toBe(first.key);
		expect(fillFrame(frameTemplate(render(first.page)), frame.values)).toBe(render(other));
	});

	it('refuse a frame that changed a token other than by escaping it', () => {
		const frame = framePage(page('Tom & Jerry'));
		if (!frame) throw new Error('not templated');
		const html = render(frame.page);
		expect(() => frameTemplate(html.replace('&amp;', '&#38;x'))).toThrow(/escaped unlike HTML/);
		expect(() => frameTemplate(html.replace(/aw-frame-(\d+)-x/, 'AW-FRAME-$1-X'))).toThrow(/left over/);
		expect(() => frameTemplate(html.replace(/\uE000(\d+)\./, '\uE000$1'))).toThrow(/left over/);
		expect(() => frameTemplate(html.replace('\uE000', '%EE%80%80'))).toThrow(/left over/);
	});
});

describe('framePart', () => {
	it('renders the part once per shape and fills it in for every page of that shape', async () => {
		const render = vi.fn(async () => `<body>${CONTENT_MARK}</body>`);
		const first = framePage(page('aget', '/practice/render-once/'));
		const second = framePage(page('asave', '/practice/render-twice/'));
		if (!first || !second) throw new Error('not templated');
		expect(await framePart(first, 'body', render)).toEqual(['<body>', '</body>']);
		expect(await framePart(second, 'body', render)).toEqual(['<body>', '</body>']);
		expect(render).toHaveBeenCalledTimes(1);
	});

	it('stops the build when the body does not show the page content exactly once', async () => {
		const frame = framePage({ ...page('aget'), title: 'A page of its own shape', description: '' });
		if (!frame) throw new Error('not templated');
		await expect(framePart(frame, 'body', async () => '<body></body>')).rejects.toThrow(/content 0 times/);
	});
});
