/**
 * The Astro content loader for practice sets. It reads `src/content/practice/**\/*.yaml`, validates each file
 * and the site-wide rules, and stops the build with every author problem at once, each naming the file, the
 * item id and the fix. In `astro dev` it reloads when a data file changes, so authors see edits at once.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import type { AuthorProblem } from './author-errors.ts';
import { AUTHOR_GUIDE, formatProblems } from './author-errors.ts';
import { compileSet } from './compile.ts';
import type { CompiledSet } from './compiled.ts';
import { reportPracticeProblems } from './dev-problems.ts';
import { devRefresh, devSetRef, devSets, isPracticeRefresh, PRACTICE_LOADER } from './dev-sets.ts';
import { parsePracticeFile } from './parse-file.ts';
import { fileQuality, figureItem, formatFigures, qualityFigures, type ChoiceItem, type FigureItem } from './quality.ts';
import { takeParseAhead, type FileAhead } from './parse-ahead.ts';
import { checkSiteRules, type LoadedSet, type SiteRuleInput } from './site-rules.ts';
import { lessonOf } from './set-pages.ts';
import { projectFile, setIdOf, yamlPaths } from './set-index.ts';
import { recordPracticeLinks, setLinks } from './links.ts';

/**
 * Part of every entry's digest: change it when the compiled shape changes (compile.ts, compiled.ts), so a warm
 * build recompiles sets whose YAML did not change.
 */
const COMPILED_FORMAT = 'compiled:v2';

/** The author problems that stop a build: the loader's, and the broken links of src/integrations/practice-links.ts. */
export class PracticeDataError extends AstroError {
	constructor(
		readonly problems: readonly AuthorProblem[],
		noun = 'problem',
	) {
		super(
			`${problems.length} ${noun}${problems.length === 1 ? '' : 's'} in the practice data:\n${formatProblems(problems)}`,
			`Each line names the file and line, the item id and the field, what is wrong and the fix; its code names the section of the authoring guide (${AUTHOR_GUIDE}) that explains it with an example.`,
		);
		this.name = 'PracticeDataError';
	}
}

async function yamlFiles(directory: string): Promise<string[]> {
	return yamlPaths(await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []));
}

/** Each file's text and parse, with its multiple-choice items and their problems (quality.ts) once its set parsed. */
type ParseCache = Map<string, FileAhead>;

/**
 * Each file's text and parse result by absolute path, kept between loads in `astro dev`: a save re-reads and
 * re-parses only the files the watcher reported (500 lessons are 2,000 files; parsing them all took seconds).
 * On `globalThis`, per folder: the run Astro makes for `refreshContent` gets a new instance of this loader.
 */
function parseCache(directory: string): ParseCache {
	const holder = globalThis as { [PARSE_CACHES]?: Map<string, ParseCache> };
	const caches = (holder[PARSE_CACHES] ??= new Map());
	let cache = caches.get(directory);
	if (!cache) caches.set(directory, (cache = new Map()));
	return cache;
}
const PARSE_CACHES = Symbol.for('awaitable.practice-parse-cache');

/** How many files `readAhead` reads at once: enough to keep the main thread parsing, few open files. */
const READS_IN_FLIGHT = 16;

/**
 * Starts reading the files, at most READS_IN_FLIGHT at a time, in their order, and returns each file's text as
 * a promise. The loader awaits them in order and parses each as it comes, so reading overlaps parsing (read one
 * `await` at a time, the main thread waited on the disk for every one of 2,000 files) while the parse order,
 * and so every problem, log line and store entry, stays that of the sorted list. A failed read rejects only its
 * own promise, seen when the loader reaches that file, as before; the reads after it are still made.
 */
export function readAhead(files: readonly string[], limit = READS_IN_FLIGHT): Map<string, Promise<string>> {
	const pending = files.map((file) => ({ file, ...Promise.withResolvers<string>() }));
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < pending.length) {
			const item = pending[next++] as (typeof pending)[number];
			await readFile(item.file, 'utf8').then(item.resolve, item.reject);
		}
	};
	for (let index = 0; index < Math.min(limit, pending.length); index++) void worker();
	// A rejection the loader does not reach (it stopped at an earlier file) is not an unhandled one.
	for (const { promise } of pending) promise.catch(() => undefined);
	return new Map(pending.map(({ file, promise }) => [file, promise]));
}

/**
 * What the site-wide checks need of a file that loaded cleanly, beyond its compiled set (whose items give the ids,
 * which are unique across the site): its multiple-choice items' figures, as `[right, count, longest]` in item
 * order. Kept in the collection's meta store with the digest of the entry it goes with; a build whose store holds
 * the entry with that digest counts the file from the two instead of parsing it again.
 */
interface FileSummary {
	digest: string;
	figures: [right: number, count: number, longest: 0 | 1][];
}

const summaryOf = (digest: string, items: readonly FigureItem[]): string =>
	JSON.stringify({
		digest,
		figures: items.map(({ right, count, longest }) => [right, count, longest ? 1 : 0]),
	} satisfies FileSummary);

/** The items' ids and figures of an unchanged file, from its stored set and summary; undefined when they disagree. */
function readSummary(
	value: string | undefined,
	digest: string,
	set: CompiledSet,
): { ids: string[]; figures: FigureItem[] } | undefined {
	if (value === undefined) return undefined;
	try {
		const summary = JSON.parse(value) as FileSummary;
		const ids = set.items.map((item) => item.id);
		const choices = set.type === 'quiz' || set.type === 'problems';
		if (summary.digest !== digest || summary.figures.length !== (choices ? ids.length : 0)) return undefined;
		const figures = summary.figures.map(([right, count, longest], index) => ({
			id: ids[index] ?? '',
			right,
			count,
			longest: longest === 1,
		}));
		return { ids, figures };
	} catch {
		return undefined;
	}
}

export function practiceLoader(options: { base: string }): Loader {
	return {
		name: PRACTICE_LOADER,
		load: async (context: LoaderContext) => {
			const root = fileURLToPath(context.config.root);
			const directory = path.resolve(root, options.base);
			const dev = context.watcher !== undefined;
			const refreshing = isPracticeRefresh(context.refreshContextData);
			const parsed = parseCache(directory);
			// A first load (or one Astro makes for a changed configuration) reads every file afresh: parsed in a worker
			// while Astro started up, when src/integrations/practice-parse-ahead.ts started one (parse-ahead.ts).
			if (!refreshing) parsed.clear();
			let ahead = refreshing ? undefined : takeParseAhead(root, directory);

			const loadAll = async () => {
				const loaded: LoadedSet[] = [];
				const sourceOf = new Map<string, string>();
				const problems: AuthorProblem[] = [];
				const choices: (ChoiceItem | FigureItem)[] = [];
				/** Every set that loaded, parsed or counted from its summary, in file order (the site rules'). */
				const ruleInputs: SiteRuleInput[] = [];
				/** Sets unchanged since the store was written (builds only): counted from their summary, not parsed. */
				const unchanged: string[] = [];
				// A dev store's entries are references: their own digest, so that a store kept from before (whole sets)
				// is replaced by references.
				const storedFormat = dev ? `${COMPILED_FORMAT}+dev-ref` : COMPILED_FORMAT;
				const digestOf = (source: string) => context.generateDigest(`${storedFormat}\n${source}`);
				const qualityProblems: AuthorProblem[] = [];
				const cachedFigures = new Map<string, ChoiceItem[]>();
				const files = await yamlFiles(directory);
				const present = new Set(files);
				for (const absolute of parsed.keys()) if (!present.has(absolute)) parsed.delete(absolute);
				// Each file's text and parse from the worker; the files it has not got (or could not read) are read here.
				const fromWorker = ahead;
				ahead = undefined;
				const listed = new Set(fromWorker ? await fromWorker.files : []);
				const sources = readAhead(files.filter((absolute) => !parsed.has(absolute) && !listed.has(absolute)));
				for (const absolute of files) {
					const file = projectFile(root, absolute);
					const id = setIdOf(directory, absolute);
					let cached = parsed.get(absolute);
					if (!cached) {
						const early = listed.has(absolute) ? await fromWorker?.get(absolute) : undefined;
						const source = early?.source ?? (await (sources.get(absolute) ?? readFile(absolute, 'utf8')));
						// In a build, a file whose entry the store holds with this digest loaded cleanly when it was
						// stored (a file with a problem stops the build before its entry is written): its summary stands
						// in for its parse. `astro dev` parses it, to hold its compiled set in memory (dev-sets.ts).
						const digest = dev ? undefined : digestOf(source);
						const stored = digest === undefined ? undefined : context.store.get(id);
						const summary =
							digest !== undefined && stored?.digest === digest
								? readSummary(context.meta.get(id), digest, stored.data as unknown as CompiledSet)
								: undefined;
						if (summary) {
							unchanged.push(id);
							ruleInputs.push({ file, set: { items: summary.ids.map((itemId) => ({ id: itemId })) } });
							choices.push(...summary.figures);
							continue;
						}
						cached = early ?? { source, result: parsePracticeFile(file, source) };
						parsed.set(absolute, cached);
					}
					const { source, result } = cached;
					if (result.ok) {
						loaded.push({ id, file, set: result.set });
						ruleInputs.push({ file, set: result.set });
						sourceOf.set(file, source);
						// Fair questions (quality.ts): per-item rules stop the build, kept per file like its parse.
						cached.quality ??= fileQuality({ file, source, set: result.set });
						cachedFigures.set(file, cached.quality.items);
						choices.push(...cached.quality.items);
						qualityProblems.push(...cached.quality.problems);
					} else problems.push(...result.problems);
				}
				problems.push(...checkSiteRules(ruleInputs), ...qualityProblems);
				if (problems.length > 0) throw new PracticeDataError(problems);
				// The site-wide figures are logged.
				context.logger.info(formatFigures(qualityFigures(choices)));

				const render = async (markdown: string) => (await context.renderMarkdown(markdown)).html;
				// Like glob(): an entry whose file is unchanged (same digest in the store, which `astro dev` keeps in
				// memory and a warm build reads from .astro/) is not compiled again; entries of deleted files go.
				// In `astro dev` the store holds a reference and the compiled set stays in memory (dev-sets.ts), so
				// a set is compiled again when this process has not compiled it yet (a restart over a kept store).
				const ids = new Set([...loaded.map(({ id }) => id), ...unchanged]);
				for (const id of context.store.keys()) {
					if (ids.has(id)) continue;
					context.store.delete(id);
					context.meta.delete(id);
					devSets().delete(id);
				}
				let compiled = 0;
				await Promise.all(
					loaded.map(async ({ id, file, set }) => {
						const digest = digestOf(sourceOf.get(file) ?? '');
						if (!dev) {
							context.meta.set(id, summaryOf(digest, (cachedFigures.get(file) ?? []).map(figureItem)));
						}
						if (context.store.get(id)?.digest === digest && (!dev || devSets().has(id))) return;
						const data = await compileSet({ id, lesson: lessonOf(id), file }, set, render);
						if (dev) devSets().set(id, data);
						context.store.set({ id, data: dev ? { ...devSetRef(data, digest) } : { ...data }, filePath: file, digest });
						compiled++;
					}),
				);
				// Every set's links, compiled now or kept in the store, for the check after the build (links.ts).
				if (!dev) {
					recordPracticeLinks(
						[...ids].flatMap((id) => {
							const data = context.store.get(id)?.data as unknown as CompiledSet | undefined;
							return data ? setLinks(data) : [];
						}),
					);
				}
				context.logger.info(
					`Loaded ${loaded.length + unchanged.length} practice sets (${compiled} compiled, the others unchanged).`,
				);
			};

			if (!context.watcher) {
				await loadAll();
				return;
			}
			// In `astro dev` the problems also go to the browser's error overlay (dev-problems.ts).
			const reportClean = () => reportPracticeProblems([]);
			const reportFailure = (error: unknown) => {
				context.logger.error(error instanceof Error ? error.message : String(error));
				if (error instanceof PracticeDataError) reportPracticeProblems(error.problems);
			};
			// In `astro dev` a data mistake is reported but does not stop the server: the author fixes the
			// file and the watcher below reloads it.
			await loadAll().then(reportClean, reportFailure);
			if (refreshing) return;

			context.watcher.add(directory);
			const reload = (changed: string) => {
				if (!changed.startsWith(directory) || !/\.ya?ml$/.test(changed)) return;
				parsed.delete(changed);
				// Through Astro's `refreshContent` when the integration offers it: Astro then runs this loader and
				// writes the store at once, where a change made here waits for the store's 500 ms debounce.
				const refresh = devRefresh();
				if (refresh) refresh();
				else loadAll().then(reportClean, reportFailure);
			};
			context.watcher.on('change', reload);
			context.watcher.on('add', reload);
			context.watcher.on('unlink', reload);
		},
	};
}
