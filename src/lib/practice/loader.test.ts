/**
 * The practice loader in a build and in `astro dev`, over the site's own practice files in a temporary folder,
 * with a store and a watcher that behave like Astro's (a set with an unchanged digest is not stored again).
 * The Markdown renderer is a stand-in: what is compared is the data path, the same in both runs.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import practiceDevErrors from '../../integrations/practice-dev-errors.ts';
import { startParseAhead } from '../../integrations/practice-parse-ahead.ts';
import type { CompiledSet } from './compiled.ts';
import {
	compiledSet,
	devRefresh,
	devSets,
	isDevSetRef,
	PRACTICE_LOADER,
	PRACTICE_REFRESH,
	setDevRefresh,
	type StoredSet,
} from './dev-sets.ts';
import { currentPracticeProblems, reportPracticeProblems } from './dev-problems.ts';
import { PracticeDataError, practiceLoader, readAhead } from './loader.ts';
import { keepParseAhead, stopParseAhead, takeParseAhead } from './parse-ahead.ts';

const PRACTICE = fileURLToPath(new URL('../../content/practice/', import.meta.url));

interface Entry {
	id: string;
	data: StoredSet;
	digest?: string;
	filePath?: string;
}

type Listener = (file: string) => void;

/** A watcher that records its listeners and lets the test fire them. */
function fakeWatcher() {
	const listeners = new Map<string, Listener[]>();
	return {
		add: () => undefined,
		on: (event: string, listener: Listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
		fire: (event: string, file: string) => {
			for (const listener of listeners.get(event) ?? []) listener(file);
		},
		count: (event: string) => listeners.get(event)?.length ?? 0,
	};
}

/** The collection's meta store of each `entries` (Astro keeps it in the store, beside the entries). */
const metaOf = new WeakMap<Map<string, Entry>, Map<string, string>>();

/** A loader context over `root` sharing `entries` (Astro's store keeps them between loads). */
function context(
	root: string,
	entries: Map<string, Entry>,
	options: { watcher?: ReturnType<typeof fakeWatcher>; refresh?: boolean; logs?: string[] } = {},
): LoaderContext {
	const log = (message: string) => options.logs?.push(message);
	const meta = metaOf.get(entries) ?? new Map<string, string>();
	metaOf.set(entries, meta);
	return {
		collection: 'practice',
		config: { root: pathToFileURL(`${root}/`) },
		logger: { info: log, warn: log, error: log, debug: log },
		renderMarkdown: (markdown: string) => Promise.resolve({ html: `<p>${markdown}</p>\n`, metadata: {} }),
		generateDigest: (data: unknown) =>
			createHash('sha256')
				.update(typeof data === 'string' ? data : JSON.stringify(data))
				.digest('hex'),
		meta: {
			get: (key: string) => meta.get(key),
			set: (key: string, value: string) => void meta.set(key, value),
			has: (key: string) => meta.has(key),
			delete: (key: string) => void meta.delete(key),
		},
		store: {
			get: (id: string) => entries.get(id),
			keys: () => [...entries.keys()],
			delete: (id: string) => entries.delete(id),
			set: (entry: Entry) => {
				if (entry.digest !== undefined && entries.get(entry.id)?.digest === entry.digest) return false;
				entries.set(entry.id, structuredClone(entry));
				return true;
			},
		},
		...(options.watcher ? { watcher: options.watcher } : {}),
		...(options.refresh ? { refreshContextData: { ...PRACTICE_REFRESH } } : {}),
	} as unknown as LoaderContext;
}

const compiledCount = (logs: string[]) => Number(/\((\d+) compiled/.exec(logs.at(-1) ?? '')?.[1]);

let root: string;
beforeEach(() => {
	root = mkdtempSync(path.join(os.tmpdir(), 'awaitable-loader-'));
	cpSync(PRACTICE, path.join(root, 'src/content/practice'), { recursive: true });
	devSets().clear();
	setDevRefresh(undefined);
	reportPracticeProblems([]);
});
afterEach(() => {
	rmSync(root, { recursive: true, force: true });
	devSets().clear();
	setDevRefresh(undefined);
});

const loader = () => practiceLoader({ base: 'src/content/practice' });
const QUIZ = 'src/content/practice/aget/quiz.yaml';

/** Edits the first quiz prompt of aget/quiz.yaml; returns the new text. */
function editPrompt(text: string): string {
	const file = path.join(root, QUIZ);
	writeFileSync(file, readFileSync(file, 'utf8').replace(/^( {4}prompt: )(.*)$/m, `$1${JSON.stringify(text)}`));
	return file;
}

const firstPrompt = (set: CompiledSet) => (set.type === 'quiz' ? set.items[0]?.promptHtml : undefined);

describe('the practice loader', () => {
	test('in astro dev it stores a small reference per set, and compiledSet gives exactly the sets a build stores', async () => {
		const built = new Map<string, Entry>();
		await loader().load(context(root, built));
		devSets().clear();
		const dev = new Map<string, Entry>();
		await loader().load(context(root, dev, { watcher: fakeWatcher() }));

		expect(built.size).toBeGreaterThan(20);
		expect([...dev.keys()].sort()).toEqual([...built.keys()].sort());
		for (const [id, entry] of built) {
			expect(isDevSetRef(entry.data), id).toBe(false);
			const stored = dev.get(id);
			expect(stored && isDevSetRef(stored.data), id).toBe(true);
			expect(compiledSet(stored?.data ?? entry.data), id).toEqual(entry.data);
			expect(compiledSet(entry.data)).toBe(entry.data);
		}
		const bytes = (entries: Map<string, Entry>) => JSON.stringify([...entries.values()]).length;
		expect(bytes(dev)).toBeLessThan(bytes(built) / 10);
	});

	test('in astro dev a store kept with whole sets (from before references) gets references', async () => {
		const store = new Map<string, Entry>();
		await loader().load(context(root, store));
		await loader().load(context(root, store, { watcher: fakeWatcher() }));
		for (const [id, entry] of store) expect(isDevSetRef(entry.data), id).toBe(true);
	});

	test('a warm build compiles only the sets whose file changed', async () => {
		const store = new Map<string, Entry>();
		const logs: string[] = [];
		await loader().load(context(root, store, { logs }));
		expect(compiledCount(logs)).toBe(store.size);
		editPrompt('Warm build edit');
		await loader().load(context(root, store, { logs }));
		expect(compiledCount(logs)).toBe(1);
		const set = store.get('aget/quiz')?.data;
		expect(set && firstPrompt(compiledSet(set))).toBe('<p>Warm build edit</p>\n');
	});

	test('a warm build counts unchanged files from their summary: the same figures, and an id reused across files still stops it', async () => {
		const store = new Map<string, Entry>();
		const cold: string[] = [];
		await loader().load(context(root, store, { logs: cold }));
		const warm: string[] = [];
		await loader().load(context(root, store, { logs: warm }));
		expect(compiledCount(warm)).toBe(0);
		const figures = (logs: string[]) => logs.find((line) => line.startsWith('Question quality:'));
		expect(figures(warm)).toBe(figures(cold));
		expect(warm.at(-1)).toBe(cold.at(-1)?.replace(/\(\d+ compiled/, '(0 compiled'));
		// The warm build counted the unchanged files from the store, not from the files: an id slipped into a stored
		// set is seen as reused.
		const cards = store.get('aget/cards');
		const set = cards?.data as unknown as CompiledSet;
		const kept = set.items;
		set.items = [...kept, { ...kept[0], id: 'aget-quiz-returns' }] as typeof kept;
		const seen = await loader()
			.load(context(root, store))
			.then(
				() => [],
				(thrown: unknown) => (thrown as PracticeDataError).problems.map(({ code, file }) => `${code} ${file}`),
			);
		expect(seen).toEqual([`AW206 ${QUIZ}`]);
		set.items = kept;
		// aget/quiz.yaml changes to reuse an id of a file that did not change (counted from its summary).
		const reused = /^ {2}- id: (\S+)$/m.exec(
			readFileSync(path.join(root, 'src/content/practice/aget/cards.yaml'), 'utf8'),
		)?.[1];
		expect(reused).toBeDefined();
		const file = path.join(root, QUIZ);
		writeFileSync(file, readFileSync(file, 'utf8').replace(/^( {2}- id: )\S+$/m, `$1${reused}`));
		const error = await loader()
			.load(context(root, store))
			.then(
				() => undefined,
				(thrown: unknown) => thrown,
			);
		expect(error).toBeInstanceOf(PracticeDataError);
		const lines = (error as PracticeDataError).problems;
		expect(lines).toEqual([
			expect.objectContaining({
				code: 'AW206',
				file: QUIZ,
				id: reused,
				message: expect.stringContaining('reuses an id already used in src/content/practice/aget/cards.yaml.'),
			}),
		]);
	});

	test('in astro dev a restart over a kept store compiles the sets again, as their compiled form was in memory', async () => {
		const store = new Map<string, Entry>();
		await loader().load(context(root, store, { watcher: fakeWatcher() }));
		devSets().clear();
		const logs: string[] = [];
		await loader().load(context(root, store, { watcher: fakeWatcher(), logs }));
		expect(compiledCount(logs)).toBe(store.size);
		expect(() => store.forEach((entry) => compiledSet(entry.data))).not.toThrow();
	});

	test("a save in astro dev asks Astro to run the loader (refreshContent), whose run compiles only the saved file's set", async () => {
		const store = new Map<string, Entry>();
		const watcher = fakeWatcher();
		await loader().load(context(root, store, { watcher }));
		const asked: unknown[] = [];
		setDevRefresh(() => asked.push('refresh'));

		const file = editPrompt('Saved in dev');
		watcher.fire('change', file);
		expect(asked).toEqual(['refresh']);
		// The loader did not load in place: the set is unchanged until Astro's run.
		expect(firstPrompt(compiledSet(store.get('aget/quiz')?.data as StoredSet))).not.toBe('<p>Saved in dev</p>\n');

		const logs: string[] = [];
		await loader().load(context(root, store, { watcher, refresh: true, logs }));
		expect(compiledCount(logs)).toBe(1);
		expect(firstPrompt(compiledSet(store.get('aget/quiz')?.data as StoredSet))).toBe('<p>Saved in dev</p>\n');
		// Astro's run does not watch the files a second time.
		expect(watcher.count('change')).toBe(1);
	});

	test('without refreshContent a save in astro dev is loaded in place, as before', async () => {
		const store = new Map<string, Entry>();
		const watcher = fakeWatcher();
		await loader().load(context(root, store, { watcher }));
		watcher.fire('change', editPrompt('Loaded in place'));
		await expect
			.poll(() => firstPrompt(compiledSet(store.get('aget/quiz')?.data as StoredSet)))
			.toBe('<p>Loaded in place</p>\n');
	});

	test("in astro dev a file's quality problem is still reported after a save of another file, and goes with its fix", async () => {
		const store = new Map<string, Entry>();
		const watcher = fakeWatcher();
		await loader().load(context(root, store, { watcher }));
		const file = path.join(root, QUIZ);
		const original = readFileSync(file, 'utf8');
		writeFileSync(file, original.replace('A tuple `(post, created)`.', 'All of the above.'));
		watcher.fire('change', file);
		await expect.poll(() => currentPracticeProblems().map((problem) => problem.code)).toEqual(['AW301']);

		const other = path.join(root, 'src/content/practice/asave/quiz.yaml');
		writeFileSync(other, `${readFileSync(other, 'utf8')}\n`);
		watcher.fire('change', other);
		await loader().load(context(root, store, { watcher, refresh: true }));
		expect(currentPracticeProblems().map((problem) => problem.code)).toEqual(['AW301']);

		writeFileSync(file, original);
		watcher.fire('change', file);
		await expect.poll(() => currentPracticeProblems()).toEqual([]);
	});

	test('a reference this dev server has not compiled (a restart over broken data) says so instead of showing nothing', async () => {
		const store = new Map<string, Entry>();
		await loader().load(context(root, store, { watcher: fakeWatcher() }));
		devSets().clear();
		expect(() => compiledSet(store.get('aget/quiz')?.data as StoredSet)).toThrow(
			'The practice set "aget/quiz" has not been compiled by this dev server yet',
		);
	});

	test('a deleted file takes its set out of the store and out of memory', async () => {
		const store = new Map<string, Entry>();
		await loader().load(context(root, store, { watcher: fakeWatcher() }));
		rmSync(path.join(root, 'src/content/practice/aget/cards.yaml'));
		await loader().load(context(root, store, { watcher: fakeWatcher() }));
		expect(store.has('aget/cards')).toBe(false);
		expect(devSets().has('aget/cards')).toBe(false);
	});
});

describe('the practice files parsed ahead in a worker', () => {
	const directory = () => path.join(root, 'src/content/practice');
	/** The build's result: its store and log lines, or the problems' message. */
	const build = async () => {
		const store = new Map<string, Entry>();
		const logs: string[] = [];
		const error = await loader()
			.load(context(root, store, { logs }))
			.then(
				() => undefined,
				(thrown: unknown) => (thrown as Error).message,
			);
		return { store, logs, error };
	};
	/** Waits until the worker has answered for every file, and keeps its parse for the loader again. */
	const workerDone = async () => {
		const ahead = takeParseAhead(root, directory());
		expect(ahead).toBeDefined();
		const files = (await ahead?.files) ?? [];
		expect(files.length).toBeGreaterThan(20);
		const answers = await Promise.all(files.map((file) => ahead?.get(file)));
		if (ahead) keepParseAhead(ahead);
		return answers;
	};
	afterEach(() => stopParseAhead());

	test('the loader takes what the worker read and parsed, and stores, logs and reports exactly what its own parse gives', async () => {
		const own = await build();
		startParseAhead(root);
		for (const answer of await workerDone()) expect(answer).toMatchObject({ result: { ok: true } });
		// Changed on disk after the worker read it: the loader's sets are the worker's.
		const quiz = readFileSync(path.join(root, QUIZ), 'utf8');
		editPrompt('Changed after the worker read it');
		const ahead = await build();
		expect(ahead.error).toBeUndefined();
		expect([...ahead.store.entries()]).toEqual([...own.store.entries()]);
		expect(ahead.logs).toEqual(own.logs);
		// Taken once: the next load reads the files itself.
		expect(takeParseAhead(root, directory())).toBeUndefined();
		const again = await build();
		expect(firstPrompt(again.store.get('aget/quiz')?.data as CompiledSet)).toBe(
			'<p>Changed after the worker read it</p>\n',
		);
		writeFileSync(path.join(root, QUIZ), quiz);
	});

	test('bad data stops the build with the same message, file, line, item id and fix through the worker', async () => {
		const file = path.join(root, QUIZ);
		writeFileSync(file, readFileSync(file, 'utf8').replace('A tuple `(post, created)`.', 'All of the above.'));
		writeFileSync(
			path.join(root, 'src/content/practice/aget/broken.yaml'),
			'type: quiz\nitems:\n  - id: x\n   prompt: [\n',
		);
		const asave = path.join(root, 'src/content/practice/asave/quiz.yaml');
		writeFileSync(asave, readFileSync(asave, 'utf8').replace(/^( {4}explanation: ).*$/m, '$1'));
		const own = await build();
		expect(own.error).toMatch(/AW101[\s\S]*AW301/);
		startParseAhead(root);
		const answers = await workerDone();
		expect(answers.filter((answer) => answer?.result.ok === false)).toHaveLength(2);
		expect((await build()).error).toBe(own.error);
	});

	test('a worker stopped before it answered leaves every file to the loader', async () => {
		const own = await build();
		startParseAhead(root);
		const ahead = takeParseAhead(root, directory());
		ahead?.stop();
		if (ahead) keepParseAhead(ahead);
		const stopped = await build();
		expect(stopped.error).toBeUndefined();
		expect([...stopped.store.entries()]).toEqual([...own.store.entries()]);
	});

	test('a file the worker did not list is read and parsed by the loader', async () => {
		const own = await build();
		rmSync(path.join(root, 'src/content/practice/asave/cards.yaml'));
		startParseAhead(root);
		await workerDone();
		cpSync(path.join(PRACTICE, 'asave/cards.yaml'), path.join(root, 'src/content/practice/asave/cards.yaml'));
		const ahead = await build();
		expect([...ahead.store.entries()]).toEqual([...own.store.entries()]);
	});
});

describe('the dev integration', () => {
	test("gives the loader Astro's refreshContent for this loader alone, marked as the loader's own run", async () => {
		const calls: unknown[] = [];
		const hook = practiceDevErrors().hooks['astro:server:setup'] as (options: unknown) => void;
		hook({
			server: { config: { root, base: '/' }, ws: { send: () => undefined, on: () => undefined } },
			refreshContent: (options: unknown) => {
				calls.push(options);
				return Promise.resolve();
			},
			logger: { error: () => undefined },
		});
		devRefresh()?.();
		expect(calls).toEqual([{ loaders: [PRACTICE_LOADER], context: { ...PRACTICE_REFRESH } }]);
		await Promise.resolve();
	});
});

describe('readAhead', () => {
	let folder = '';
	beforeEach(() => {
		folder = mkdtempSync(path.join(os.tmpdir(), 'awaitable-read-ahead-'));
	});
	afterEach(() => rmSync(folder, { recursive: true, force: true }));

	test("gives every file's text under its own name, and a failed read fails only its own file", async () => {
		const files = Array.from({ length: 40 }, (_, index) => path.join(folder, `${String(index).padStart(2, '0')}.yaml`));
		for (const file of files) writeFileSync(file, `text of ${path.basename(file)}`);
		const missing = path.join(folder, '20-missing.yaml');
		const list = [...files.slice(0, 20), missing, ...files.slice(20)];

		const sources = readAhead(list, 4);

		expect([...sources.keys()]).toEqual(list);
		await expect(sources.get(missing)).rejects.toMatchObject({ code: 'ENOENT' });
		for (const file of files) expect(await sources.get(file)).toBe(`text of ${path.basename(file)}`);
	});

	test('reads nothing for an empty list', () => {
		expect(readAhead([]).size).toBe(0);
	});
});
