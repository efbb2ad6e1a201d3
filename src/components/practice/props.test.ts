import { describe, expect, it } from 'vitest';
import { pageFileOf, parseSetProps } from './props.ts';

function errorOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		const { message, hint } = error as { message: string; hint?: string };
		return hint === undefined ? message : `${message}\n${hint}`;
	}
	throw new Error('expected an error');
}

const page = 'src/content/docs/lessons/aget.mdx';

describe('the practice components’ props', () => {
	it('accept a set id', () => {
		expect(parseSetProps('quiz', { id: 'aget/quiz' }, page)).toEqual({ id: 'aget/quiz' });
	});

	it('reject an unknown prop, suggesting the right one', () => {
		expect(errorOf(() => parseSetProps('quiz', { ids: 'aget/quiz' }, page))).toMatchInlineSnapshot(
			`"src/content/docs/lessons/aget.mdx <Quiz /> has an unknown prop \`ids\`. Fix: did you mean \`id\`? Rename it. (AW404, see /guide/authoring/#aw404)"`,
		);
	});

	it('reject a missing id', () => {
		expect(errorOf(() => parseSetProps('cards', {}, page))).toMatchInlineSnapshot(
			`"src/content/docs/lessons/aget.mdx <Flashcards /> has no \`id\` prop. Fix: add id="<lesson>/<file>", such as id="aget/cards". (AW404, see /guide/authoring/#aw404)"`,
		);
	});

	it('reject an id of the wrong type', () => {
		expect(errorOf(() => parseSetProps('problems', { id: 3 }, page))).toMatchInlineSnapshot(
			`"src/content/docs/lessons/aget.mdx <Practice /> has \`id\` 3, which is not text. Fix: write the set id as text, such as id="aget/quiz". (AW404, see /guide/authoring/#aw404)"`,
		);
	});

	it('reject an id that is not a set path', () => {
		expect(errorOf(() => parseSetProps('explain', { id: 'aget/explain.yaml' }, page))).toMatchInlineSnapshot(
			`"src/content/docs/lessons/aget.mdx <ExplainIt /> has \`id\` "aget/explain.yaml", which is not "<lesson>/<file>". Fix: write the path of a YAML file under src/content/practice without ".yaml", such as id="aget/quiz". (AW404, see /guide/authoring/#aw404)"`,
		);
	});
});

describe('the page file in messages', () => {
	it('comes from Starlight’s route data', () => {
		expect(pageFileOf({ starlightRoute: { entry: { filePath: page } } }, '/x/')).toBe(page);
	});

	it('falls back when the page is not a Starlight page', () => {
		const locals = {};
		Object.defineProperty(locals, 'starlightRoute', {
			get() {
				throw new Error('not a Starlight page');
			},
		});
		expect(pageFileOf(locals, '/x/')).toBe('/x/');
		expect(pageFileOf({}, '/y/')).toBe('/y/');
	});
});
