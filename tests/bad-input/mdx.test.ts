/**
 * Author mistakes in lessons that stop the build, each with the whole message: a Python block without a run
 * annotation (src/lib/site/python-annotations-plugin.ts, run through Sätteri as Astro runs it) and a practice
 * component pointed at a set of another type (getPracticeSet, over a stand-in for the content collections).
 * A component naming no set at all is a whole build in scripts/bad-input.ts (unknown-id-in-mdx); wrong props
 * are in src/components/practice/props.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { describe, expect, it, vi } from 'vitest';
import { pythonAnnotationsPlugin } from '../../src/lib/site/python-annotations-plugin.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const LESSON = 'src/content/docs/lessons/sample.mdx';

/** The message the build stops with: the error's message and its hint, as Astro prints them. */
async function buildError(run: () => unknown): Promise<string> {
	try {
		await run();
	} catch (error) {
		const { message, hint } = error as { message: string; hint?: string };
		return `${message}\n${hint ?? ''}`;
	}
	throw new Error('expected the build to stop');
}

vi.mock('astro:content', () => {
	const sets = [
		{ id: 'sample/cards', data: { type: 'cards', file: 'src/content/practice/sample/cards.yaml', items: [] } },
		{ id: 'sample/quiz', data: { type: 'quiz', file: 'src/content/practice/sample/quiz.yaml', items: [] } },
	];
	return {
		getEntry: async (_collection: string, id: string) => sets.find((set) => set.id === id),
		getCollection: async () => sets,
		render: async () => ({ headings: [] }),
	};
});

describe('a lesson stops the build on', () => {
	it('a Python code block with no run annotation', async () => {
		const source = readFileSync(path.join(HERE, 'mdx/python-no-annotation.mdx'), 'utf8');
		const compile = () =>
			mdxToJs(source, {
				mdastPlugins: [pythonAnnotationsPlugin(ROOT)],
				fileURL: pathToFileURL(path.join(ROOT, LESSON)),
			});
		expect(await buildError(compile)).toMatchInlineSnapshot(`
			"src/content/docs/lessons/sample.mdx:13: this Python code block has no run annotation.
			Fix: say what the block does in its fence, e.g. \`\`\`python prints (with an \`output\` block after it), \`\`\`python raises="TypeError", \`\`\`python runs, or \`\`\`python norun="why it is not run". See docs/content-format.md."
		`);
	});

	it('a component pointed at a set of another type (`<Quiz id="sample/cards" />`)', async () => {
		const { getPracticeSet } = await import('../../src/lib/practice/get-set.ts');
		expect(await buildError(() => getPracticeSet('sample/cards', 'quiz', LESSON))).toMatchInlineSnapshot(`
			"src/content/docs/lessons/sample.mdx: <Quiz id="sample/cards" /> points at a cards set (src/content/practice/sample/cards.yaml).
			Fix: embed it with <Flashcards id="sample/cards" />, or point <Quiz> at a quiz set."
		`);
	});
});
