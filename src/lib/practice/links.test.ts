import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { compileSet } from './compile.ts';
import { parsePracticeFile } from './parse-file.ts';
import {
	checkLinks,
	classifyHref,
	hrefsOf,
	idAttribute,
	idsOf,
	setLinks,
	type PracticeLink,
	type SiteTargets,
} from './links.ts';
import { findInFile, lineFinder } from '../../integrations/practice-links.ts';

/** A renderer that only turns `[text](href)` into a link, as the site's Markdown does. */
const render = (markdown: string) =>
	Promise.resolve(`<p>${markdown.replace(/\[([^\]]*)\]\(([^)]*)\)/g, '<a href="$2">$1</a>')}</p>`);

/** Every authored text field of the parsed items that holds a Markdown link, as messages name fields. */
function authoredLinkFields(value: unknown, path = ''): string[] {
	if (typeof value === 'string') return value.includes('](') ? [path] : [];
	if (Array.isArray(value)) return value.flatMap((entry, index) => authoredLinkFields(entry, `${path}[${index}]`));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([key, entry]) => authoredLinkFields(entry, path ? `${path}.${key}` : key));
	return [];
}

const link = (n: number) => `[see](/lessons/l/#f${n})`;
/** The choices of a quiz question and of a problem alike: links in each of their fields. */
const CHOICES = `    choices:
      - text: A ${link(2)}
        correct: false
        feedback: No, ${link(3)}
      - text: B ${link(4)}
        correct: true
        feedback: Yes, ${link(5)}
`;
const SOURCES = {
	cards: `type: cards
items:
  - id: c-one
    level: beginner
    front: Front ${link(1)}
    back: Back ${link(2)}
`,
	quiz: `type: quiz
items:
  - id: q-one
    difficulty: easy
    prompt: Prompt ${link(1)}
${CHOICES}    explanation: Because ${link(6)}
`,
	explain: `type: explain
items:
  - id: e-one
    prompt: Prompt ${link(1)}
    hint: Hint ${link(2)}
    concepts:
      - one ${link(3)}
      - two ${link(11)}
    answer: Answer ${link(4)}
`,
	problems: `type: problems
items:
  - id: p-one
    difficulty: easy
    prompt: Prompt ${link(1)}
${CHOICES}    hint: Hint ${link(6)}
    steps:
      - Step ${link(7)}
      - Step ${link(8)}
    check: Check ${link(9)}
    mistakes:
      - Mistake ${link(10)}
`,
};

describe('setLinks', () => {
	test.each(Object.entries(SOURCES))(
		'finds each link of a %s set once, in the authored field it is written in',
		async (type, source) => {
			const parsed = parsePracticeFile(`src/content/practice/l/${type}.yaml`, source);
			if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
			const file = `src/content/practice/l/${type}.yaml`;
			const compiled = await compileSet({ id: `l/${type}`, lesson: 'l', file }, parsed.set, render);
			const links = setLinks(compiled);
			const [item] = parsed.set.items;
			const { id: _id, ...fields } = item as { id: string };
			expect(links.map(({ field }) => field).sort()).toEqual(authoredLinkFields(fields).sort());
			expect(new Set(links.map(({ href }) => href)).size).toBe(links.length);
			expect(links.every((found) => found.file === file && found.id === item?.id && found.item === 0)).toBe(true);
		},
	);

	test('names a choice by its authored position, not the shuffled one it is shown in', async () => {
		const parsed = parsePracticeFile('q.yaml', SOURCES.quiz);
		if (!parsed.ok) throw new Error('fixture');
		const links = setLinks(await compileSet({ id: 'l/quiz', lesson: 'l', file: 'q.yaml' }, parsed.set, render));
		expect(links.find(({ href }) => href === '/lessons/l/#f5')).toMatchObject({
			field: 'choices[1].feedback',
			path: ['choices', 1, 'feedback'],
		});
	});
});

describe('hrefsOf', () => {
	test('reads double-quoted, single-quoted and bare hrefs and decodes their entities', () => {
		expect(
			hrefsOf(`<p><a class="x" href="/a/?x=1&amp;y=2">a</a> <a href='/b/'>b</a> <A HREF=/c/>c</A> <abbr>no</abbr></p>`),
		).toEqual(['/a/?x=1&y=2', '/b/', '/c/']);
	});

	test('finds nothing in HTML without links', () => {
		expect(hrefsOf('<p><code>a</code></p>')).toEqual([]);
	});
});

describe('classifyHref', () => {
	test('leaves links to other sites, mail and protocol-relative URLs unchecked', () => {
		for (const href of ['https://docs.djangoproject.com/en/5.2/', 'mailto:a@b.c', '//cdn.example.com/x'])
			expect(classifyHref(href, '/', 'http://localhost:4321')).toEqual({ kind: 'external' });
	});

	test('calls relative paths, bare anchors and bare queries relative', () => {
		for (const href of ['../aget/', 'aget/', './x', '#heading', '?q=1'])
			expect(classifyHref(href, '/', undefined)).toEqual({ kind: 'relative' });
	});

	test('reads the path and the decoded anchor of a root-relative link', () => {
		expect(classifyHref('/lessons/aget/?x=1#caf%C3%A9', '/', undefined)).toEqual({
			kind: 'internal',
			path: '/lessons/aget/',
			hash: 'café',
			outsideBase: false,
		});
	});

	test('takes the base path off, and says when a link is outside it', () => {
		expect(classifyHref('/awaitable/lessons/aget/#x', '/awaitable/')).toMatchObject({
			path: '/lessons/aget/',
			hash: 'x',
			outsideBase: false,
		});
		expect(classifyHref('/lessons/aget/', '/awaitable/')).toMatchObject({ path: '/lessons/aget/', outsideBase: true });
	});

	test("treats a full URL of the site's own origin as internal", () => {
		expect(
			classifyHref('http://localhost:4321/awaitable/lessons/aget/#x', '/awaitable/', 'http://localhost:4321'),
		).toEqual({
			kind: 'internal',
			path: '/lessons/aget/',
			hash: 'x',
			outsideBase: false,
		});
	});
});

describe('idsOf', () => {
	test('reads every id attribute of a page, decoded', () => {
		expect([...idsOf('<h2 id="one">1</h2><div data-id="no" id="a&amp;b"></div>')]).toEqual(['one', 'a&b']);
	});
});

describe('findInFile', () => {
	const folder = mkdtempSync(path.join(tmpdir(), 'practice-links-'));
	afterAll(() => rmSync(folder, { recursive: true, force: true }));
	const file = (html: string) => {
		const written = path.join(folder, `${Math.random().toString(36).slice(2)}.html`);
		writeFileSync(written, html);
		return written;
	};

	test('finds the ids a page has, escaped as the build writes them, and not the others', () => {
		const page = file('<h1 id="_top">A</h1><h2 id="a&amp;b">B</h2>');
		expect(findInFile(page, ['_top', 'a&b', 'missing'])).toEqual(new Set(['_top', 'a&b']));
	});

	test('finds an id cut in two by the end of a read and ids far into a large page', () => {
		const attribute = idAttribute('cut-here');
		const page = file(`${'x'.repeat(256 * 1024 - 4)}${attribute}${'y'.repeat(600 * 1024)}<p id="last"></p>`);
		expect(findInFile(page, ['cut-here', 'last'])).toEqual(new Set(['cut-here', 'last']));
	});
});

describe('checkLinks', () => {
	const at = (href: string, field = 'hint'): PracticeLink => ({
		file: 'src/content/practice/aget/quiz.yaml',
		id: 'aget-q',
		item: 0,
		field,
		path: [field],
		href,
	});
	/** A site whose every page has the ids of `html`, searched as the integration does: as text, then all ids. */
	const page = (html: string) =>
		vi.fn((_path: string, ids: readonly string[]) => new Set(ids.filter((id) => html.includes(idAttribute(id)))));
	const targets = (read = page('<h1 id="_top">A</h1><h2\nid="fetching-one-object">B</h2>')): SiteTargets => ({
		base: '/awaitable/',
		site: 'http://localhost:4321',
		exists: (path) => ['/', '/lessons/aget/', '/lessons/sample/', '/practice/aget.json'].includes(path),
		findIds: read,
		allIds: (_path) => idsOf('<h1 id="_top">A</h1><h2\nid="fetching-one-object">B</h2>'),
		pages: () => ['/', '/lessons/aget/', '/lessons/sample/'],
	});

	test('passes links to pages, files and anchors that exist, and links to other sites', () => {
		const links = [
			at('/awaitable/lessons/aget/'),
			at('/awaitable/lessons/sample/#fetching-one-object'),
			at('/awaitable/practice/aget.json'),
			at('https://docs.djangoproject.com/en/5.2/ref/models/querysets/#aget'),
		];
		expect(checkLinks(links, targets())).toEqual([]);
	});

	test('looks into a page once however many anchors point into it', () => {
		const read = page('<h2 id="a">A</h2><h2 id="b">B</h2>');
		checkLinks(
			[at('/awaitable/lessons/aget/#a'), at('/awaitable/lessons/aget/#b'), at('/awaitable/lessons/aget/#c')],
			targets(read),
		);
		expect(read).toHaveBeenCalledTimes(1);
	});

	test('names the file, line, item and field of a link to a page that does not exist, with the nearest page', () => {
		expect(checkLinks([at('/awaitable/lessons/smaple/#x', 'choices[1].feedback')], targets(), () => 12)).toEqual([
			{
				code: 'AW208',
				file: 'src/content/practice/aget/quiz.yaml',
				line: 12,
				id: 'aget-q',
				field: 'choices[1].feedback',
				message:
					'links to "/lessons/smaple/#x", a page this site does not have. Fix: link to a page that exists, written from the site\'s root without the base path, such as "/lessons/aget/#heading-id"; did you mean "/lessons/sample/"?',
			},
		]);
	});

	test('asks for the trailing slash every page address has', () => {
		const [problem] = checkLinks([at('/awaitable/lessons/aget#x')], targets());
		expect(problem?.message).toContain('Fix: end the path with a slash: "/lessons/aget/#x"');
	});

	test('reports a root-relative link written outside the base path as a missing page', () => {
		const [problem] = checkLinks([at('/elsewhere/')], { ...targets(), base: '/awaitable/' });
		expect(problem?.message).toContain('links to "/elsewhere/", a page this site does not have.');
	});

	test('names the missing anchor and suggests the nearest id of the page', () => {
		const [problem] = checkLinks([at('/awaitable/lessons/sample/#fetching-an-object')], targets());
		expect(problem?.message).toBe(
			'links to "/lessons/sample/#fetching-an-object", but /lessons/sample/ has no heading or element with the id "fetching-an-object". Fix: use the id of one of its headings (the heading\'s text in lower case, words joined by "-"); did you mean "#fetching-one-object"?',
		);
	});

	test('stops a relative link, saying why and how to write it', () => {
		const [problem] = checkLinks([at('../sample/')], targets());
		expect(problem?.message).toMatch(
			/^has the relative link "\.\.\/sample\/": a practice set is shown on several pages .* Fix: write it from the site's root/,
		);
	});
});

describe('lineFinder', () => {
	test("finds the line of a link's field in its YAML file", () => {
		const lineOf = lineFinder(process.cwd());
		const file = 'tests/bad-input/practice-link/src/content/practice/sample/problems.yaml';
		const found = (path: (string | number)[]) =>
			lineOf({ file, id: 'sample-problem-one-object', item: 0, field: '', path, href: '' });
		expect(found(['choices', 1, 'feedback'])).toBe(12);
		expect(found(['hint'])).toBe(13);
		expect(found(['steps', 0])).toBe(15);
		expect(lineOf({ file: 'no/such.yaml', id: 'x', item: 0, field: 'hint', path: ['hint'], href: '' })).toBeUndefined();
	});
});
