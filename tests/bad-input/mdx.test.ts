/**
 * Author mistakes in lessons that stop the build, with the whole message: a Python block without a run
 * annotation (src/lib/site/python-annotations-plugin.ts, run through Sätteri as Astro runs it). A component
 * pointed at an unknown set or one of another type: src/lib/site/practice-ids-plugin.test.ts (and the whole
 * build unknown-id-in-mdx in scripts/bad-input.ts); wrong props: src/components/practice/props.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
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
		return hint === undefined ? message : `${message}\n${hint}`;
	}
	throw new Error('expected the build to stop');
}

describe('a lesson stops the build on', () => {
	it('a Python code block with no run annotation', async () => {
		const source = readFileSync(path.join(HERE, 'mdx/python-no-annotation.mdx'), 'utf8');
		const compile = () =>
			mdxToJs(source, {
				mdastPlugins: [pythonAnnotationsPlugin(ROOT)],
				fileURL: pathToFileURL(path.join(ROOT, LESSON)),
			});
		expect(await buildError(compile)).toMatchInlineSnapshot(
			`"src/content/docs/lessons/sample.mdx:13 this Python code block has no run annotation. Fix: say what the block does in its fence, e.g. \`\`\`python prints (with an \`output\` block after it), \`\`\`python raises="TypeError", \`\`\`python runs, or \`\`\`python norun="why it is not run". (AW405, see /guide/authoring/#aw405)"`,
		);
	});
});
