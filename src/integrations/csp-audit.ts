/**
 * The check of every built page (step 2 of csp-headers.ts), run beside the rest of the build.
 *
 * It starts when the pages are written (`astro:build:generated`) and runs in worker threads while Astro's
 * `astro:build:done` hooks run (Pagefind's index, the links validator, the sitemap): the build's second core
 * was idle there. Nothing may see a page half-rewritten, and Pagefind must index the pages it indexed before
 * (it runs first and reads them as Astro wrote them): so each worker writes the pages it completes into a
 * staging folder beside the output, and `moveStagedPages` renames them into place once every `astro:build:done`
 * hook before csp-headers' own has finished. A rename replaces a file whole.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BODY_LINK, inlineStylesheet } from '../lib/site/hoist-stylesheets.ts';
import { deferredModuleScript, inlinedImage, MODULE_SCRIPT, SVG_IMAGE } from '../lib/site/after-paint.ts';
import { auditPage, type Policy } from './csp-policy.ts';

/** What a run of the check is given: the pages (paths relative to `out`) and where completed pages go. */
export interface AuditJob {
	/** The build's output folder. */
	out: string;
	/** The site's base, ending in `/` (stylesheet links start with it). */
	base: string;
	/** The pages, relative to `out`, with `/` separators. */
	pages: string[];
	/** The folder that receives each changed page (`stagedPath`) until `moveStagedPages`. */
	staging: string;
}

/** What the check found on one page. */
export interface PageResult {
	/** The page, relative to `out`. */
	page: string;
	/** Whether its completed HTML differs from the built page (and so waits in the staging folder). */
	changed: boolean;
	problems: string[];
	policy: Policy | undefined;
}

/**
 * One pass over a built page: stylesheets into the head and inlined (hoist-stylesheets.ts), module scripts held
 * until the first paint and small images inlined (after-paint.ts), all in one scan (`rewriteForFirstPaint`), then
 * the check (`auditPage`: the policy parsed, the inline code found and the `<meta>` rewritten once per page, with
 * only the page's own hashes kept).
 */
export function auditBuiltPage(
	built: string,
	readAsset: (href: string) => string | undefined,
): { html: string; problems: string[]; policy: Policy | undefined } {
	const audit = auditPage(rewriteForFirstPaint(built, readAsset), { hashStyles: true, onlyPageHashes: true });
	return { html: audit.html, problems: audit.problems, policy: audit.policy };
}

/** What the four rewrites look for: a stylesheet link (group 1), a module script (2), an SVG image (3–5). */
const REWRITTEN = new RegExp(`(${BODY_LINK.source})|${MODULE_SCRIPT.source}|${SVG_IMAGE.source}`, 'g');

/**
 * The page as `hoistStylesheets`, `inlineStylesheets`, `deferModuleScripts` and `inlineSmallImages` leave it in
 * turn, in one scan and one new string (each of them copies the whole page, about 200 KB, and the check ran them
 * on every page): body stylesheet links are dropped and the new ones go before `</head>`, the head's links are
 * inlined, module scripts deferred and small SVG images inlined where they are. The page is the same as theirs
 * wherever no match overlaps another or `</head>` (csp-audit.test.ts compares both).
 */
export function rewriteForFirstPaint(html: string, read: (href: string) => string | undefined): string {
	const headEnd = html.indexOf('</head>');
	const parts: string[] = [];
	const hoisted: string[] = [];
	const seen = new Set<string>();
	let hoistAt = -1;
	let from = 0;
	for (const match of html.matchAll(REWRITTEN)) {
		const [text, link, src, start = '', image = '', end = ''] = match;
		const inBody = headEnd !== -1 && match.index >= headEnd;
		if (inBody && hoistAt === -1) {
			parts.push(html.slice(from, Math.max(from, headEnd)), '');
			hoistAt = parts.length - 1;
			from = Math.max(from, headEnd);
		}
		let replacement: string;
		if (link !== undefined) {
			if (inBody) {
				// Moved into the head, once, unless the head has it already.
				if (!seen.has(link)) {
					seen.add(link);
					const first = html.indexOf(link);
					if (first + link.length > headEnd) hoisted.push(link);
				}
				replacement = '';
			} else replacement = inlineStylesheet(link, read);
		} else if (src !== undefined) replacement = deferredModuleScript(src);
		else replacement = inlinedImage(text, start, image, end, read);
		parts.push(html.slice(from, match.index), replacement);
		from = match.index + text.length;
	}
	if (parts.length === 0) return html;
	parts.push(html.slice(from));
	if (hoistAt !== -1) parts[hoistAt] = hoisted.map((link) => inlineStylesheet(link, read)).join('');
	return parts.join('');
}

/** A built stylesheet's or image's text by its href (under the site's base), read once per run. */
function assetReader(out: string, base: string): (href: string) => string | undefined {
	const stylesheets = new Map<string, string | undefined>();
	return (href) => {
		if (!stylesheets.has(href)) {
			const file = href.startsWith(base) ? path.join(out, href.slice(base.length)) : undefined;
			stylesheets.set(href, file && existsSync(file) ? readFileSync(file, 'utf8') : undefined);
		}
		return stylesheets.get(href);
	};
}

/** Where a changed page waits: one flat folder (no folder to create per page), named by the page's path. */
function stagedPath(staging: string, page: string): string {
	return path.join(staging, `${createHash('sha256').update(page).digest('hex').slice(0, 32)}.html`);
}

/**
 * Checks the job's pages in this thread, writing each changed page to the staging folder. The files are read and
 * written synchronously: this runs in a worker thread of its own (in Astro's thread only for a page written after
 * the check started, and in tests), where a promise per file cost more than the file. Each page's bytes pass
 * through one buffer, reused: a buffer per page read and per page written (about 200 KB each, every one a fresh
 * mapping of memory) cost as much system time as the check's own work.
 */
export async function auditPages(job: AuditJob): Promise<PageResult[]> {
	const readAsset = assetReader(job.out, job.base);
	const results: PageResult[] = [];
	const bytes = new PageBuffer();
	mkdirSync(job.staging, { recursive: true });
	for (const page of job.pages) {
		const built = bytes.read(path.join(job.out, page));
		const { html, problems, policy } = auditBuiltPage(built, readAsset);
		const changed = html !== built;
		if (changed) bytes.write(stagedPath(job.staging, page), html);
		results.push({ page, changed, problems, policy });
	}
	return results;
}

/** One buffer that files are read into and written from, grown as a page needs. */
class PageBuffer {
	private buffer = Buffer.allocUnsafe(1 << 20);

	private fit(size: number): void {
		if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
	}

	/** The file's text (UTF-8). */
	read(file: string): string {
		const descriptor = openSync(file, 'r');
		try {
			const size = fstatSync(descriptor).size;
			this.fit(size);
			let length = 0;
			while (length < size) {
				const read = readSync(descriptor, this.buffer, length, size - length, length);
				if (read === 0) break;
				length += read;
			}
			return this.buffer.toString('utf8', 0, length);
		} finally {
			closeSync(descriptor);
		}
	}

	/** Writes the text to the file (UTF-8). */
	write(file: string, text: string): void {
		// At most 3 bytes per UTF-16 code unit.
		this.fit(text.length * 3);
		const length = this.buffer.write(text, 0, 'utf8');
		writeFileSync(file, this.buffer.subarray(0, length));
	}
}

/**
 * Checks the pages in `threads` worker threads (a share of the pages each, sized by bytes), or in this thread
 * when `threads` is 0. The results come back in the order of `job.pages`, whatever thread checked each.
 */
export async function auditPagesInThreads(job: AuditJob, threads: number, sizes?: number[]): Promise<PageResult[]> {
	if (threads <= 0) return auditPages(job);
	const shares = shareBySize(job.pages, sizes ?? job.pages.map(() => 1), threads);
	const results = await Promise.all(
		shares.filter((pages) => pages.length > 0).map((pages) => inWorker({ ...job, pages })),
	);
	const byPage = new Map(results.flat().map((result) => [result.page, result]));
	return job.pages.map((page) => {
		const result = byPage.get(page);
		if (!result) throw new Error(`The Content-Security-Policy check lost ${page}.`);
		return result;
	});
}

/** Splits items into `count` lists of about equal total size (largest first, each to the lightest list). */
export function shareBySize<T>(items: readonly T[], sizes: readonly number[], count: number): T[][] {
	const lists: { items: T[]; total: number }[] = Array.from({ length: count }, () => ({ items: [], total: 0 }));
	const order = items.map((_, index) => index).sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0) || a - b);
	for (const index of order) {
		const lightest = lists.reduce((best, list) => (list.total < best.total ? list : best));
		lightest.items.push(items[index] as T);
		lightest.total += sizes[index] ?? 0;
	}
	return lists.map((list) => list.items);
}

function inWorker(job: AuditJob): Promise<PageResult[]> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./csp-audit-worker.ts', import.meta.url), { workerData: job });
		let result: PageResult[] | undefined;
		worker.once('message', (message: PageResult[]) => (result = message));
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (result) resolve(result);
			else reject(new Error(`The Content-Security-Policy check's worker stopped (exit code ${code}).`));
		});
	});
}

/** Renames the changed pages from the staging folder over the built ones, then removes the staging folder. */
export async function moveStagedPages(job: Pick<AuditJob, 'out' | 'staging'>, results: PageResult[]): Promise<void> {
	for (const { page, changed } of results) {
		if (changed) await rename(stagedPath(job.staging, page), path.join(job.out, page));
	}
	await rm(job.staging, { recursive: true, force: true });
}
