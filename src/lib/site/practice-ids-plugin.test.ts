import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { afterAll, describe, expect, it } from 'vitest';
import { forgetPracticeSets } from '../practice/set-index.ts';
import { practiceIdsPlugin } from './practice-ids-plugin.ts';

const root = mkdtempSync(path.join(tmpdir(), 'practice-ids-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const [file, type] of [
	['aget/quiz.yaml', 'quiz'],
	['aget/cards.yaml', 'cards'],
]) {
	mkdirSync(path.join(root, 'src/content/practice/aget'), { recursive: true });
	writeFileSync(path.join(root, 'src/content/practice', file ?? ''), `type: ${type}\nitems: []\n`);
}

function compile(mdx: string): unknown {
	forgetPracticeSets();
	const fileURL = pathToFileURL(path.join(root, 'src/content/docs/lessons/aget.mdx'));
	return mdxToJs(mdx, { mdastPlugins: [practiceIdsPlugin(root)], fileURL });
}

const page = (component: string) => `import { Quiz, Flashcards } from '~/components/practice';

# aget

Some text.

${component}
`;

function errorOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		const { message, hint } = error as { message: string; hint?: string };
		return hint === undefined ? message : `${message}\n${hint}`;
	}
	throw new Error('expected the page to be rejected');
}

describe('the MDX check of embedded practice set ids', () => {
	it('accepts an id of an existing set of the component’s type', () => {
		expect(() => compile(page('<Quiz id="aget/quiz" />'))).not.toThrow();
	});

	it('names the MDX file and line of an unknown id, and the nearest id of that type', () => {
		expect(errorOf(() => compile(page('<Quiz id="aget/quizz" />')))).toMatchInlineSnapshot(
			`"src/content/docs/lessons/aget.mdx:7 <Quiz id="aget/quizz" /> names no practice set. Fix: use the path of a YAML file under src/content/practice without ".yaml"; did you mean "aget/quiz"? Known quiz sets: aget/quiz. (AW401, see /guide/authoring/#aw401)"`,
		);
	});

	it('names the right component for a set of another type', () => {
		expect(errorOf(() => compile(page('<Quiz id="aget/cards" />')))).toMatchInlineSnapshot(
			`"src/content/docs/lessons/aget.mdx:7 <Quiz id="aget/cards" /> points at a cards set (src/content/practice/aget/cards.yaml). Fix: embed it with <Flashcards id="aget/cards" />, or point <Quiz> at a quiz set. (AW402, see /guide/authoring/#aw402)"`,
		);
	});

	it('checks a component written inside a paragraph too', () => {
		expect(errorOf(() => compile(page('See <Flashcards id="aget/card" /> here.')))).toContain('aget.mdx:7');
	});

	it('leaves ids written as expressions to the component’s own check', () => {
		expect(() => compile(page('<Quiz id={"aget/" + "quizz"} />'))).not.toThrow();
	});
});
