/**
 * The author-error codes and the authoring guide's sections are held to each other: every code in
 * `AUTHOR_ERRORS` has a section whose anchor is the code, every code-named section is a code of the module,
 * and every message links to its section. The guide is compiled by Sätteri with the site's heading plugin, as
 * Astro compiles it, so the anchors are the ones the built page has.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { authorCodeHeadingsPlugin } from '../site/author-code-headings-plugin.ts';
import {
	AUTHOR_ERRORS,
	AUTHOR_GUIDE,
	formatProblem,
	guideAnchor,
	guideLink,
	type AuthorErrorCode,
} from './author-errors.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const GUIDE_FILE = 'src/content/docs/guide/authoring.mdx';
const CODES = Object.keys(AUTHOR_ERRORS) as AuthorErrorCode[];

/** The guide's headings that name a code, as `{ id, text }`, from the guide compiled with the site's plugin. */
function codeSections(): { id: string; text: string }[] {
	const source = readFileSync(path.join(ROOT, GUIDE_FILE), 'utf8')
		// Only the Markdown matters here: the ESM imports and components need Astro to resolve.
		.replace(/^---[\s\S]*?\n---\n/, '')
		.replace(/^import .*$/gm, '')
		.replace(/^<[A-Z][^\n]*\/>$/gm, '');
	const { html } = markdownToHtml(source, { hastPlugins: [authorCodeHeadingsPlugin()] });
	return [...html.matchAll(/<h([2-6]) id="([^"]*)">([\s\S]*?)<\/h\1>/g)]
		.map((match) => ({ id: match[2] ?? '', text: (match[3] ?? '').replace(/<[^>]+>/g, '') }))
		.filter((heading) => /^AW\d/.test(heading.text));
}

describe('the author-error codes', () => {
	it('are stable codes of the form AW and three digits, each with a title', () => {
		for (const code of CODES) {
			expect(code).toMatch(/^AW[1-4]\d\d$/);
			expect(AUTHOR_ERRORS[code].title.length).toBeGreaterThan(5);
		}
	});

	it('each have a section of the authoring guide whose anchor is the code, titled as in the module', () => {
		const sections = codeSections();
		for (const code of CODES) {
			const section = sections.find((candidate) => candidate.id === guideAnchor(code));
			expect(section, `${code} has no section with id="${guideAnchor(code)}" in ${GUIDE_FILE}`).toBeDefined();
			expect(section?.text).toBe(`${code} ${AUTHOR_ERRORS[code].title}`);
		}
	});

	it('are the only codes the guide has sections for, each once', () => {
		const ids = codeSections().map((section) => section.id);
		expect(ids).toEqual(CODES.map(guideAnchor));
	});

	it('are printed at the end of every message, with the link to their section', () => {
		const line = formatProblem({
			code: 'AW201',
			file: 'src/content/practice/aget/quiz.yaml',
			line: 7,
			id: 'aget-q',
			field: 'choices',
			message: 'has no correct choice. Fix: set `correct: true` on the one right answer.',
		});
		expect(line).toBe(
			'src/content/practice/aget/quiz.yaml:7 item "aget-q" `choices` has no correct choice. Fix: set `correct: true` on the one right answer. (AW201, see /guide/authoring/#aw201)',
		);
		expect(guideLink('AW201')).toBe(`${AUTHOR_GUIDE}#aw201`);
		expect(`src/content/docs/${AUTHOR_GUIDE.replace(/^\/|\/$/g, '')}.mdx`).toBe(GUIDE_FILE);
	});
});
