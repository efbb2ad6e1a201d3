import { describe, expect, it } from 'vitest';
import { pageFileOf, parseSetProps } from './props.ts';

function errorOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		const { message, hint } = error as { message: string; hint?: string };
		return `${message}\n${hint ?? ''}`;
	}
	throw new Error('expected an error');
}

const page = 'src/content/docs/lessons/aget.mdx';

describe('the practice components’ props', () => {
	it('accept a set id', () => {
		expect(parseSetProps('quiz', { id: 'aget/quiz' }, page)).toEqual({ id: 'aget/quiz' });
	});

	it('reject an unknown prop, suggesting the right one', () => {
		expect(errorOf(() => parseSetProps('quiz', { ids: 'aget/quiz' }, page))).toMatchInlineSnapshot(`
			"src/content/docs/lessons/aget.mdx: invalid props on <Quiz />.
			Unknown prop \`ids\`. Fix: did you mean \`id\`? Rename it.
			Use it as <Quiz id="aget/quiz" />."
		`);
	});

	it('reject a missing id', () => {
		expect(errorOf(() => parseSetProps('cards', {}, page))).toMatchInlineSnapshot(`
			"src/content/docs/lessons/aget.mdx: invalid props on <Flashcards />.
			Missing prop \`id\`. Fix: add id="<lesson>/<file>", such as id="aget/cards".
			Use it as <Flashcards id="aget/cards" />."
		`);
	});

	it('reject an id of the wrong type', () => {
		expect(errorOf(() => parseSetProps('problems', { id: 3 }, page))).toMatchInlineSnapshot(`
			"src/content/docs/lessons/aget.mdx: invalid props on <Practice />.
			Prop \`id\` must be a text such as "aget/quiz". Got 3.
			Use it as <Practice id="aget/problems" />."
		`);
	});

	it('reject an id that is not a set path', () => {
		expect(errorOf(() => parseSetProps('explain', { id: 'aget/explain.yaml' }, page))).toMatchInlineSnapshot(`
			"src/content/docs/lessons/aget.mdx: invalid props on <ExplainIt />.
			Prop \`id\` must be "<lesson>/<file>", such as "aget/quiz": the path of a YAML file under src/content/practice without ".yaml". Got "aget/explain.yaml".
			Use it as <ExplainIt id="aget/explain" />."
		`);
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
