import { describe, expect, it } from 'vitest';
import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import { currentLinks, markCurrent, sidebarHtml, sidebarKey, withoutCurrent } from './sidebar-html.ts';

type Entry = StarlightRouteData['sidebar'][number];

const link = (href: string, isCurrent = false): Entry => ({
	type: 'link',
	label: href,
	href,
	isCurrent,
	badge: undefined,
	attrs: {},
});
const group = (label: string, entries: Entry[], collapsed = false): Entry => ({
	type: 'group',
	label,
	entries,
	collapsed,
	badge: undefined,
});
const course = (current: string, collapsed = false) => [
	group('Start here', [link('/'), link('/test/', current === '/test/')]),
	group(
		'Lessons',
		[link('/lessons/aget/', current === '/lessons/aget/'), link('/lessons/asave/', current === '/lessons/asave/')],
		collapsed,
	),
];

describe('the sidebar rendered once and reused', () => {
	it('gives two pages of one sidebar the same key, and a different sidebar another', () => {
		expect(sidebarKey(course('/lessons/aget/'))).toBe(sidebarKey(course('/test/')));
		expect(sidebarKey(course('/lessons/aget/'))).not.toBe(sidebarKey([group('Start here', [link('/')])]));
	});

	it('keys a link by its badge and attributes, which the list shows', () => {
		const plain = [link('/lessons/aget/')];
		const badged = [{ ...link('/lessons/aget/'), badge: { text: 'New', variant: 'tip' as const } }] as Entry[];
		const styled = [{ ...link('/lessons/aget/'), attrs: { class: 'x' } }] as Entry[];
		expect(new Set([sidebarKey(plain), sidebarKey(badged), sidebarKey(styled)]).size).toBe(3);
	});

	it('keys a collapsed group by whether the current page opens it', () => {
		expect(sidebarKey(course('/lessons/aget/', true))).not.toBe(sidebarKey(course('/test/', true)));
		expect(sidebarKey(course('/lessons/aget/', true))).toBe(sidebarKey(course('/lessons/asave/', true)));
		const opened = withoutCurrent(course('/lessons/aget/', true))[1];
		expect(opened).toMatchObject({ type: 'group', collapsed: false });
	});

	it('renders without a current page and marks the current link where Starlight writes aria-current', () => {
		expect(currentLinks(withoutCurrent(course('/lessons/aget/')))).toEqual([]);
		const html = '<a href="/lessons/aget/" class="x"><span>aget</span></a><a href="/lessons/asave/" class="x">';
		expect(markCurrent(html, currentLinks(course('/lessons/aget/')))).toBe(
			'<a href="/lessons/aget/" aria-current="page" class="x"><span>aget</span></a><a href="/lessons/asave/" class="x">',
		);
	});

	it('finds an href as Astro escapes it', () => {
		const current = [{ ...link('/a&b/', true), type: 'link' as const }] as Parameters<typeof markCurrent>[1];
		expect(markCurrent('<a href="/a&amp;b/">', current)).toBe('<a href="/a&amp;b/" aria-current="page">');
		// Astro writes `<`, `>` and `'` as they are in an attribute: a link with them is still found.
		const odd = [{ ...link("/it's/<x>/", true), type: 'link' as const }] as Parameters<typeof markCurrent>[1];
		expect(markCurrent(`<a href="/it's/<x>/">`, odd)).toBe(`<a href="/it's/<x>/" aria-current="page">`);
	});

	it('renders a sidebar once and reuses it for the next page', async () => {
		let renders = 0;
		const render = async () => {
			renders++;
			return '<a href="/lessons/aget/" class="x"></a><a href="/lessons/asave/" class="x"></a>';
		};
		const entries = [group('Reuse', [link('/lessons/aget/'), link('/lessons/asave/')])];
		const page = (current: string) =>
			entries.map((entry) =>
				entry.type === 'group'
					? {
							...entry,
							entries: entry.entries.map((child) => ({
								...child,
								isCurrent: child.type === 'link' && child.href === current,
							})),
						}
					: entry,
			) as Entry[];
		expect(await sidebarHtml(page('/lessons/aget/'), render)).toContain('href="/lessons/aget/" aria-current="page"');
		expect(await sidebarHtml(page('/lessons/asave/'), render)).toBe(
			'<a href="/lessons/aget/" class="x"></a><a href="/lessons/asave/" aria-current="page" class="x"></a>',
		);
		expect(renders).toBe(1);
	});
});
