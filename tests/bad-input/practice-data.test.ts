/**
 * Author mistakes in practice data, each with the whole message the build stops with. The practice loader
 * (src/lib/practice/loader.ts) runs for real over the fixture site's data (tests/bad-input/_base) with one
 * file replaced by its broken copy from tests/bad-input/practice-data/<case>/, through a fake of the
 * content-layer context Astro gives loaders in `astro build` (no watcher). Only the loader's public behaviour
 * is used: what it puts in the store, what it logs, what it throws. Whole broken builds, for the mistakes
 * that only a build shows (YAML that does not parse, an MDX page, a link), are in scripts/bad-input.ts.
 *
 * To add a case: copy the `_base` file you break to practice-data/<case>/sample/, break it, add a test below
 * with an empty `toMatchInlineSnapshot()`, run `npx vitest run tests/bad-input -u`, and read the message.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { practiceLoader } from '../../src/lib/practice/loader.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PRACTICE = 'src/content/practice';

type Entry = Parameters<LoaderContext['store']['set']>[0];

/** A content-layer context as `astro build` gives it to a loader, in memory. */
function fakeContext(root: string) {
	const entries = new Map<string, Entry>();
	const metadata = new Map<string, string>();
	const logged: string[] = [];
	const log = (level: string) => (message: string) => logged.push(`${level}: ${message}`);
	const logger = {
		label: 'practice',
		info: log('info'),
		warn: log('warn'),
		error: log('error'),
		debug: log('debug'),
		fork: () => logger,
	};
	const context = {
		collection: 'practice',
		store: {
			get: (id: string) => entries.get(id),
			entries: () => [...entries.entries()],
			set: (entry: Entry) => {
				entries.set(entry.id, entry);
				return true;
			},
			values: () => [...entries.values()],
			keys: () => [...entries.keys()],
			delete: (id: string) => void entries.delete(id),
			clear: () => entries.clear(),
			has: (id: string) => entries.has(id),
			addModuleImport: () => undefined,
		},
		meta: {
			get: (key: string) => metadata.get(key),
			set: (key: string, value: string) => void metadata.set(key, value),
			has: (key: string) => metadata.has(key),
			delete: (key: string) => void metadata.delete(key),
		},
		logger,
		config: { root: pathToFileURL(`${root}/`) },
		parseData: async ({ data }: { data: Record<string, unknown> }) => data,
		renderMarkdown: async (markdown: string) => ({ html: `<p>${markdown}</p>` }),
		generateDigest: (data: Record<string, unknown> | string) =>
			createHash('sha256')
				.update(typeof data === 'string' ? data : JSON.stringify(data))
				.digest('hex')
				.slice(0, 16),
	};
	return { context: context as unknown as LoaderContext, entries, logged };
}

let root: string | undefined;
afterEach(() => {
	if (root) rmSync(root, { recursive: true, force: true });
	root = undefined;
});

/** Loads the fixture site's practice data, with the files of `brokenCase` replacing theirs. */
async function load(brokenCase?: string) {
	root = mkdtempSync(path.join(tmpdir(), 'awaitable-loader-'));
	cpSync(path.join(HERE, '_base', PRACTICE), path.join(root, PRACTICE), { recursive: true });
	if (brokenCase) cpSync(path.join(HERE, 'practice-data', brokenCase), path.join(root, PRACTICE), { recursive: true });
	const fake = fakeContext(root);
	await practiceLoader({ base: PRACTICE }).load(fake.context);
	return fake;
}

/** The message the build stops with: the error's message and its hint, as Astro prints them. */
async function buildError(brokenCase: string): Promise<string> {
	try {
		await load(brokenCase);
	} catch (error) {
		const { message, hint } = error as { message: string; hint?: string };
		return hint === undefined ? message : `${message}\n${hint}`;
	}
	throw new Error(`${brokenCase}: the loader accepted it`);
}

describe('the practice loader', () => {
	it('loads the fixture site, one entry per file, and says so', async () => {
		const { entries, logged } = await load();
		expect([...entries.keys()].sort()).toEqual(['sample/cards', 'sample/explain', 'sample/problems', 'sample/quiz']);
		expect(entries.get('sample/quiz')).toMatchObject({
			filePath: 'src/content/practice/sample/quiz.yaml',
			data: { type: 'quiz' },
		});
		expect(logged).toContain('info: Loaded 4 practice sets (4 compiled, the others unchanged).');
	});
});

describe('the practice loader stops the build, naming the file, the item and the fix, on', () => {
	it('a practice problem with two correct choices', async () => {
		expect(await buildError('problem-two-correct-choices')).toMatchInlineSnapshot(`
			"1 problem in the practice data:
			- src/content/practice/sample/problems.yaml:7 item "sample-problem-one-object" \`choices\` has 2 correct choices ("The async \`get\`.", "The sync \`get\`."), but a question has exactly one right answer. Fix: keep \`correct: true\` on one choice and set the others to \`correct: false\`. (AW201, see /guide/authoring/#aw201)
			Each line names the file and line, the item id and the field, what is wrong and the fix; its code names the section of the authoring guide (/guide/authoring/) that explains it with an example."
		`);
	});

	it('an "all of the above" choice', async () => {
		expect(await buildError('all-of-the-above')).toMatchInlineSnapshot(`
			"1 problem in the practice data:
			- src/content/practice/sample/quiz.yaml:3 item "sample-quiz-await-queryset" \`choices[2].text\` says "All of the above". Fix: choices are shuffled and each should test one idea; replace it with a specific statement a developer might believe. (AW301, see /guide/authoring/#aw301)
			Each line names the file and line, the item id and the field, what is wrong and the fix; its code names the section of the authoring guide (/guide/authoring/) that explains it with an example."
		`);
	});

	it('two choices that differ only in case and punctuation', async () => {
		expect(await buildError('equal-choices')).toMatchInlineSnapshot(`
			"1 problem in the practice data:
			- src/content/practice/sample/quiz.yaml:3 item "sample-quiz-await-queryset" \`choices[2].text\` reads the same as choices[1] once case, spaces and punctuation are ignored. Fix: make the two choices differ in substance, or drop one. (AW302, see /guide/authoring/#aw302)
			Each line names the file and line, the item id and the field, what is wrong and the fix; its code names the section of the authoring guide (/guide/authoring/) that explains it with an example."
		`);
	});

	it('an id that is not lower-case kebab-case', async () => {
		expect(await buildError('bad-id-format')).toMatchInlineSnapshot(`
			"1 problem in the practice data:
			- src/content/practice/sample/cards.yaml:3 item "Sample_Card_Aget" \`id\` is not lower-case kebab-case. Fix: use only lower-case letters, digits and single hyphens, such as \`aget-returns-instance\`. (AW104, see /guide/authoring/#aw104)
			Each line names the file and line, the item id and the field, what is wrong and the fix; its code names the section of the authoring guide (/guide/authoring/) that explains it with an example."
		`);
	});

	it("the same id in two files (a card reuses a quiz question's id)", async () => {
		expect(await buildError('duplicate-id')).toMatchInlineSnapshot(`
			"1 problem in the practice data:
			- src/content/practice/sample/quiz.yaml item "sample-quiz-which-method" reuses an id already used in src/content/practice/sample/cards.yaml. Fix: ids are unique across the site and key readers' progress; give this item a new id. (AW206, see /guide/authoring/#aw206)
			Each line names the file and line, the item id and the field, what is wrong and the fix; its code names the section of the authoring guide (/guide/authoring/) that explains it with an example."
		`);
	});

	it('an explain-it question with an empty prompt', async () => {
		expect(await buildError('empty-prompt')).toMatchInlineSnapshot(`
			"1 problem in the practice data:
			- src/content/practice/sample/explain.yaml:4 item "sample-explain-aget" \`prompt\` must not be empty. Fix: write the text, or remove the item. (AW104, see /guide/authoring/#aw104)
			Each line names the file and line, the item id and the field, what is wrong and the fix; its code names the section of the authoring guide (/guide/authoring/) that explains it with an example."
		`);
	});

	it('a quiz question without its `explanation`', async () => {
		expect(await buildError('missing-field')).toMatchInlineSnapshot(`
			"1 problem in the practice data:
			- src/content/practice/sample/quiz.yaml:3 item "sample-quiz-await-queryset" \`explanation\` is missing. Fix: add \`explanation:\` to this item. (AW103, see /guide/authoring/#aw103)
			Each line names the file and line, the item id and the field, what is wrong and the fix; its code names the section of the authoring guide (/guide/authoring/) that explains it with an example."
		`);
	});

	it('a quiz question with no correct choice', async () => {
		expect(await buildError('no-correct-choice')).toMatchInlineSnapshot(`
			"1 problem in the practice data:
			- src/content/practice/sample/quiz.yaml:7 item "sample-quiz-await-queryset" \`choices\` has no correct choice. Fix: set \`correct: true\` on the one right answer. (AW201, see /guide/authoring/#aw201)
			Each line names the file and line, the item id and the field, what is wrong and the fix; its code names the section of the authoring guide (/guide/authoring/) that explains it with an example."
		`);
	});

	it('two correct choices in a single-answer question', async () => {
		expect(await buildError('two-correct-choices')).toMatchInlineSnapshot(`
			"1 problem in the practice data:
			- src/content/practice/sample/quiz.yaml:7 item "sample-quiz-await-queryset" \`choices\` has 2 correct choices ("A lazy description of a query.", "A list of rows."), but a question has exactly one right answer. Fix: keep \`correct: true\` on one choice and set the others to \`correct: false\`. (AW201, see /guide/authoring/#aw201)
			Each line names the file and line, the item id and the field, what is wrong and the fix; its code names the section of the authoring guide (/guide/authoring/) that explains it with an example."
		`);
	});

	it('a difficulty that does not exist (`trivial`)', async () => {
		expect(await buildError('unknown-difficulty')).toMatchInlineSnapshot(`
			"1 problem in the practice data:
			- src/content/practice/sample/problems.yaml:4 item "sample-problem-one-object" \`difficulty\` is "trivial", which is not one of easy, medium, hard. Fix: use one of them. (AW105, see /guide/authoring/#aw105)
			Each line names the file and line, the item id and the field, what is wrong and the fix; its code names the section of the authoring guide (/guide/authoring/) that explains it with an example."
		`);
	});

	it('a misspelt key (`hnit` for `hint`) in a flashcard', async () => {
		expect(await buildError('unknown-key')).toMatchInlineSnapshot(`
			"1 problem in the practice data:
			- src/content/practice/sample/cards.yaml:3 item "sample-card-aget" has unknown key \`hnit\`. Fix: did you mean \`hint\`? Rename it, or remove it. (AW102, see /guide/authoring/#aw102)
			Each line names the file and line, the item id and the field, what is wrong and the fix; its code names the section of the authoring guide (/guide/authoring/) that explains it with an example."
		`);
	});
});
