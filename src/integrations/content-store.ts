/**
 * Keeps Astro's content store from one build to the next, so that a warm build loads only the content that
 * changed (`glob()` and the practice loader skip an entry whose digest is unchanged).
 *
 * starlight-links-validator deletes the store (`data-store.json` in Astro's `cacheDir`) in its
 * `astro:config:setup`, so that every Markdown page is rendered in the build, where its Sätteri plugin collects the
 * page's links and headings. A page needs that when the store keeps its HTML: a `.md` page, which `glob()` renders
 * while content syncs and does not render again while its file is unchanged. An MDX page does not (every page of
 * this site): the store keeps only its frontmatter, and Vite compiles the page, plugins and all, in every build.
 * Nor do practice sets: they are rendered without a file, and the validator skips such renders. So this
 * integration moves the store aside before the validator's hook runs (it is listed before Starlight, which adds the
 * validator after every listed integration) and, once every setup hook has run, puts it back when both hold:
 *  - no entry of it holds rendered HTML (a `rendered` field: a Markdown page rendered while syncing);
 *  - it is the store the last build of this project wrote, with the code of this one: the digest of the code that
 *    loads content (`src/` but its content, the configurations, the installed packages) and the file's size and
 *    time, recorded once that build's content was synced, match.
 * Otherwise the store stays deleted, as the validator wants, and the build loads all content afresh. Links are
 * validated from the same renders either way.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's store file in its `cacheDir` (astro/dist/content/consts.js), the file the validator deletes. */
export const STORE_FILE = 'data-store.json';
/** What the last build recorded about the store it wrote, beside it. */
export const RECORD_FILE = 'awaitable-content-store.json';

/** The root files the code digest covers besides `src/` (installed packages: npm's record of node_modules). */
const CODE_FILES = [
	'astro.config.mjs',
	'ec.config.mjs',
	'tsconfig.json',
	'package.json',
	'node_modules/.package-lock.json',
];

interface StoreRecord {
	code: string;
	size: number;
	mtimeMs: number;
}

/** Every file under `directory`, sorted, without `skip` (absolute paths). */
function filesUnder(directory: string, skip: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(directory, { withFileTypes: true })) {
		const file = path.join(directory, entry.name);
		if (file === skip) continue;
		if (entry.isDirectory()) out.push(...filesUnder(file, skip));
		else if (entry.isFile()) out.push(file);
	}
	return out.sort();
}

/**
 * A digest of the code that turns content into the store: every file of `src/` but `src/content/` (loaders,
 * schemas, Markdown plugins, and what they import), the configurations and the installed packages' versions.
 * Content is covered by each entry's own digest.
 */
export function codeDigest(root: string): string {
	const hash = createHash('sha256');
	const src = path.join(root, 'src');
	const files = [...filesUnder(src, path.join(src, 'content')), ...CODE_FILES.map((file) => path.join(root, file))];
	for (const file of files) {
		hash.update(`${path.relative(root, file)}\0`);
		hash.update(existsSync(file) ? readFileSync(file) : '(none)');
		hash.update('\0');
	}
	return hash.digest('hex');
}

/** Whether a serialized store has an entry with rendered HTML: a `rendered` key (devalue writes keys as JSON). */
export function hasRenderedEntries(store: string): boolean {
	return /[{,]"rendered":/.test(store);
}

/** Why a store set aside cannot be put back, or null when it can. */
export function whyNotKept(
	store: string,
	stat: { size: number; mtimeMs: number },
	record: StoreRecord | null,
	code: string,
): string | null {
	if (record === null) return 'no build recorded it';
	if (record.code !== code) return 'the code changed since';
	if (record.size !== stat.size || record.mtimeMs !== stat.mtimeMs) return 'it changed since the last build wrote it';
	if (hasRenderedEntries(store))
		return 'it holds Markdown pages rendered while syncing, which the links validator must see rendered';
	return null;
}

function readRecord(file: string): StoreRecord | null {
	try {
		const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoreRecord>;
		return typeof record.code === 'string' && typeof record.size === 'number' && typeof record.mtimeMs === 'number'
			? { code: record.code, size: record.size, mtimeMs: record.mtimeMs }
			: null;
	} catch {
		return null;
	}
}

/** Whether the process with this id is running. */
function running(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Stores set aside by processes that ended before putting them back (a tool that loads the config and stops). */
function removeLeftovers(cache: string): void {
	for (const name of existsSync(cache) ? readdirSync(cache) : []) {
		const pid = /^data-store\.json\.(\d+)\.aside$/.exec(name)?.[1];
		if (pid !== undefined && Number(pid) !== process.pid && !running(Number(pid)))
			rmSync(path.join(cache, name), { force: true });
	}
}

export default function contentStore(): AstroIntegration {
	let root = '';
	let store = '';
	let aside = '';
	let record = '';
	let code = '';
	return {
		name: 'awaitable:content-store',
		hooks: {
			'astro:config:setup': ({ config, command }) => {
				// Only `astro build` runs the validator; `astro dev` keeps its store in `.astro/`.
				if (command !== 'build') return;
				root = fileURLToPath(config.root);
				const cache = fileURLToPath(config.cacheDir);
				store = path.join(cache, STORE_FILE);
				record = path.join(cache, RECORD_FILE);
				// One name per process: two builds of one project (the site and its sub-path copy) may start together.
				aside = `${store}.${process.pid}.aside`;
				removeLeftovers(cache);
				if (!existsSync(store)) return;
				try {
					renameSync(store, aside);
				} catch {
					// Another build took it first: this one loads all content.
				}
			},
			'astro:config:done': ({ logger }) => {
				if (!aside || !existsSync(aside)) return;
				code = codeDigest(root);
				const text = readFileSync(aside, 'utf8');
				const why = whyNotKept(text, statSync(aside), readRecord(record), code);
				if (why === null && !existsSync(store)) {
					renameSync(aside, store);
					logger.info('Kept the content store of the last build: unchanged entries are not loaded again.');
					return;
				}
				rmSync(aside, { force: true });
				if (why !== null) logger.info(`Loading all content: the last build's content store is not kept (${why}).`);
			},
			// Content is synced before this hook: record the store this build wrote, for the next one.
			'astro:build:start': () => {
				if (!store) return;
				code ||= codeDigest(root);
				if (!existsSync(store)) return rmSync(record, { force: true });
				const { size, mtimeMs } = statSync(store);
				writeFileSync(record, JSON.stringify({ code, size, mtimeMs } satisfies StoreRecord));
			},
		},
	};
}
