/**
 * The build's page pass (step 2 of csp-headers.ts): each page completed for its first paint and checked against its
 * policy as Astro renders it, in worker threads, before Astro writes it.
 *
 * Astro renders the pages on one thread; the build's other core was idle while it did, and the pass then read every
 * written page again, wrote it to a staging folder and renamed it into place after the build. Now csp-headers wraps
 * Astro's prerenderer (`withPagePass`): each HTML page rendered goes to a worker, which completes it (stylesheets
 * inlined, module scripts deferred, small images inlined), checks it, and hands back the page Astro then writes,
 * once, with what the page's policy and problems are and what Pagefind reads of it (`pagefindView` of the page as
 * rendered: the index is the one Pagefind made of the pages as Astro rendered them). Astro renders four pages at
 * a time, so it goes on rendering while a worker completes a page.
 * A page written some other way (none is) is passed in this thread when the build is done (`passedPages`).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AstroPrerenderer } from 'astro';
import { isServerBuild } from '../lib/site/astro-output.ts';
import { PAGEFIND_BODY, pagefindView } from './pagefind-view.ts';
import { BODY_LINK, inlineStylesheet } from '../lib/site/hoist-stylesheets.ts';
import { deferredModuleScript, inlinedImage, MODULE_SCRIPT, SVG_IMAGE } from '../lib/site/after-paint.ts';
import { auditPage, BYTES, bytesOf, forBytes, type Policy, textOf, WIDE_SPACE } from './csp-policy.ts';

/** Where the pass's pages go and how their assets are found. */
export interface PassOptions {
	/** The build's output folder (the stylesheets and images the pages link are read from it). */
	out: string;
	/** The site's base, ending in `/` (stylesheet links start with it). */
	base: string;
}

/** What the pass made of one page. */
export interface PassedPage {
	/** The completed page (UTF-8), or undefined when it is the page as rendered. */
	html: Uint8Array | undefined;
	/** What is wrong with the completed page under its policy (csp-policy.ts: `auditPage`). */
	problems: string[];
	/** The completed page's policy, undefined when it has none. */
	policy: Policy | undefined;
	/**
	 * What Pagefind reads of the page as rendered (its `pagefindView`, or the whole page where that cannot be
	 * shown), or undefined for a page without `data-pagefind-body`.
	 */
	pagefind: Uint8Array | undefined;
}

/**
 * One pass over a built page: stylesheets into the head and inlined (hoist-stylesheets.ts), module scripts held
 * until the first paint and small images inlined (after-paint.ts), all in one scan (`rewriteForFirstPaint`), then
 * the check (`auditPage`: the policy parsed, the inline code found and the `<meta>` rewritten once per page, with
 * only the page's own hashes kept). With `bytes`, the page is bytes (csp-policy.ts: `BYTES`) without `WIDE_SPACE`,
 * `readAsset` takes and gives bytes too, and so is the page returned.
 */
export function auditBuiltPage(
	built: string,
	readAsset: (href: string) => string | undefined,
	bytes = false,
): { html: string; pieces: string[]; problems: string[]; policy: Policy | undefined } {
	const audit = auditPage(rewriteForFirstPaint(built, readAsset, bytes), {
		hashStyles: true,
		onlyPageHashes: true,
		bytes,
	});
	return { html: audit.html, pieces: audit.pieces, problems: audit.problems, policy: audit.policy };
}

/** What the four rewrites look for: a stylesheet link (group 1), a module script (2), an SVG image (3–5). */
const REWRITTEN_SOURCE = `(${BODY_LINK.source})|${MODULE_SCRIPT.source}|${SVG_IMAGE.source}`;
const REWRITTEN = new RegExp(REWRITTEN_SOURCE, 'g');
const REWRITTEN_BYTES = new RegExp(forBytes(REWRITTEN_SOURCE), 'g');

/**
 * The page as `hoistStylesheets`, `inlineStylesheets`, `deferModuleScripts` and `inlineSmallImages` leave it in
 * turn, in one scan and one new string (each of them copies the whole page, about 200 KB, and the check ran them
 * on every page): body stylesheet links are dropped and the new ones go before `</head>`, the head's links are
 * inlined, module scripts deferred and small SVG images inlined where they are. The page is the same as theirs
 * wherever no match overlaps another or `</head>` (csp-audit.test.ts compares both). With `bytes`, the page is bytes
 * (csp-policy.ts: `BYTES`) without `WIDE_SPACE`, `read` takes and gives bytes, and the page returned is bytes.
 */
export function rewriteForFirstPaint(html: string, read: (href: string) => string | undefined, bytes = false): string {
	const headEnd = html.indexOf('</head>');
	const parts: string[] = [];
	const hoisted: string[] = [];
	const seen = new Set<string>();
	let hoistAt = -1;
	let from = 0;
	for (const match of html.matchAll(bytes ? REWRITTEN_BYTES : REWRITTEN)) {
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
		else if (!bytes) replacement = inlinedImage(text, start, image, end, read);
		else {
			// An image is made a URL of its text; the tag is a few bytes.
			const readText = (src: string) => {
				const svg = read(bytesOf(src));
				return svg === undefined ? undefined : textOf(svg);
			};
			replacement = bytesOf(inlinedImage(textOf(text), textOf(start), textOf(image), textOf(end), readText));
		}
		parts.push(html.slice(from, match.index), replacement);
		from = match.index + text.length;
	}
	if (parts.length === 0) return html;
	parts.push(html.slice(from));
	if (hoistAt !== -1) parts[hoistAt] = hoisted.map((link) => inlineStylesheet(link, read)).join('');
	return parts.join('');
}

/** A built stylesheet's or image's text by its href (under the site's base), and the same as bytes, read once per run. */
export interface AssetReader {
	text: (href: string) => string | undefined;
	bytes: (href: string) => string | undefined;
}

function assetReader(out: string, base: string): AssetReader {
	const texts = new Map<string, string | undefined>();
	const text = (href: string) => {
		if (!texts.has(href)) {
			const file = href.startsWith(base) ? path.join(out, href.slice(base.length)) : undefined;
			texts.set(href, file && existsSync(file) ? readFileSync(file, 'utf8') : undefined);
		}
		return texts.get(href);
	};
	const asBytes = new Map<string, string | undefined>();
	const bytes = (href: string) => {
		if (!asBytes.has(href)) {
			const found = text(textOf(href));
			asBytes.set(href, found === undefined ? undefined : bytesOf(found));
		}
		return asBytes.get(href);
	};
	return { text, bytes };
}

/** The bytes as a Uint8Array with a buffer of its own (one to transfer to another thread), copied when they share one. */
function ownBytes(bytes: Uint8Array): Uint8Array {
	return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

/** The bytes of a page given in pieces (as bytes), written one after the other: a string of them would be a copy. */
function written(pieces: readonly string[]): Buffer {
	const page = Buffer.allocUnsafe(pieces.reduce((length, piece) => length + piece.length, 0));
	let at = 0;
	for (const piece of pieces) at += page.write(piece, at, BYTES);
	return page;
}

/**
 * The pass over one page as rendered (UTF-8 bytes): `auditBuiltPage`, and what Pagefind reads of it. The page is
 * read as bytes (csp-policy.ts: `BYTES`), or as text where it has whitespace beyond ASCII (`WIDE_SPACE`).
 */
export function passPage(rendered: Uint8Array, readAsset: AssetReader): PassedPage {
	const page = Buffer.from(rendered.buffer, rendered.byteOffset, rendered.byteLength);
	const built = page.toString(BYTES);
	let html: Uint8Array | undefined;
	let audit: ReturnType<typeof auditBuiltPage>;
	if (!WIDE_SPACE.test(built)) {
		audit = auditBuiltPage(built, readAsset.bytes, true);
		if (audit.pieces.length > 1 || audit.pieces[0] !== built) html = ownBytes(written(audit.pieces));
	} else {
		const text = page.toString('utf8');
		audit = auditBuiltPage(text, readAsset.text);
		if (audit.html !== text) html = new TextEncoder().encode(audit.html);
	}
	let pagefind: Uint8Array | undefined;
	// Bytes of their own: the rendered bytes go back to Astro, or away with the completed page.
	if (page.includes(PAGEFIND_BODY)) {
		const view = pagefindView(page);
		pagefind = view ? ownBytes(view) : new Uint8Array(page);
	}
	return { html, problems: audit.problems, policy: audit.policy, pagefind };
}

/** A page sent to a worker: its number and its bytes as rendered. */
interface WorkerJob {
	id: number;
	page: Uint8Array;
}

/** A worker's answer: the pass over the page and the page to write (the one it was sent, when unchanged), or why it failed. */
type WorkerAnswer = { id: number; passed: PassedPage; write: Uint8Array } | { id: number; error: string };

/** The loop of a worker thread (csp-audit-worker.ts): passes each page it is sent, in turn. */
export function serveWorker(
	port: {
		on(event: 'message', listener: (job: WorkerJob) => void): unknown;
		postMessage(answer: WorkerAnswer, transfer?: ArrayBuffer[]): void;
	},
	options: PassOptions,
): void {
	const readAsset = assetReader(options.out, options.base);
	port.on('message', ({ id, page }) => {
		try {
			const passed = passPage(page, readAsset);
			const write = passed.html ?? page;
			const transfer = [write.buffer as ArrayBuffer];
			if (passed.pagefind) transfer.push(passed.pagefind.buffer as ArrayBuffer);
			port.postMessage({ id, passed: { ...passed, html: undefined }, write }, transfer);
		} catch (error) {
			port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
		}
	});
}

/**
 * A page's address as the pass knows it, from the path Astro rendered (under the site's base) or the file it wrote
 * (relative to the output folder): without the base, the leading and trailing `/`, a final `index.html` or `.html`.
 * `/lessons/aget/` and `lessons/aget/index.html` are both `lessons/aget`.
 */
export function pageKey(pathOrFile: string, base = '/'): string {
	let key = decodeURI(pathOrFile);
	if (key.startsWith(base)) key = key.slice(base.length);
	else if (key.startsWith('/')) key = key.slice(1);
	return key
		.replace(/(^|\/)index\.html$/, '')
		.replace(/\.html$/, '')
		.replace(/\/$/, '');
}

/** A page's result as the build keeps it until it is done (the completed page itself has gone to Astro). */
type PageResult = Omit<PassedPage, 'html'>;

/** A page of the output and the pass's result for it. */
export interface PassedFile extends PageResult {
	/** The page, relative to the output folder, with `/` separators. */
	page: string;
}

/** A worker thread and the bytes of the pages it has not answered yet. */
interface PassWorker {
	worker: Worker;
	pending: number;
}

/**
 * The pass over the pages of one build: `page` gives a page as rendered to the least busy of `threads` workers
 * (started with the first page; 0: this thread) and resolves with the page to write; `passedPages` gives the result
 * for each page of the output once it is written.
 */
export class PagePass {
	private readonly workers: PassWorker[] = [];
	private readonly waiting = new Map<
		number,
		{
			resolve: (answer: { passed: PassedPage; write: Uint8Array }) => void;
			reject: (error: Error) => void;
			worker: PassWorker;
			size: number;
		}
	>();
	private readonly results = new Map<string, PageResult | 'twice'>();
	private nextId = 0;
	private readAsset: AssetReader | undefined;
	private collected: Promise<PassedFile[]> | undefined;

	readonly options: PassOptions;
	private readonly threads: number;

	constructor(options: PassOptions, threads: number) {
		this.options = options;
		this.threads = threads;
	}

	/** The page to write in place of `rendered`, the page Astro rendered for `pathname` (given away to a worker). */
	async page(pathname: string, rendered: Uint8Array): Promise<Uint8Array> {
		let passed: PassedPage;
		let write: Uint8Array;
		if (this.threads <= 0) {
			passed = this.passHere(rendered);
			write = passed.html ?? rendered;
		} else ({ passed, write } = await this.inWorker(rendered));
		const key = pageKey(pathname, this.options.base);
		this.results.set(
			key,
			this.results.has(key) ? 'twice' : { problems: passed.problems, policy: passed.policy, pagefind: passed.pagefind },
		);
		return write;
	}

	private passHere(rendered: Uint8Array): PassedPage {
		this.readAsset ??= assetReader(this.options.out, this.options.base);
		return passPage(rendered, this.readAsset);
	}

	private inWorker(rendered: Uint8Array): Promise<{ passed: PassedPage; write: Uint8Array }> {
		if (this.workers.length === 0) {
			for (let index = 0; index < this.threads; index++) this.workers.push(this.startWorker());
		}
		const worker = this.workers.reduce((best, candidate) => (candidate.pending < best.pending ? candidate : best));
		const id = this.nextId++;
		// The page's own bytes, moved to the worker rather than copied.
		const page =
			rendered.byteOffset === 0 && rendered.byteLength === rendered.buffer.byteLength ? rendered : rendered.slice();
		return new Promise((resolve, reject) => {
			this.waiting.set(id, { resolve, reject, worker, size: page.byteLength });
			if (worker.pending === 0) worker.worker.ref();
			worker.pending += page.byteLength;
			worker.worker.postMessage({ id, page } satisfies WorkerJob, [page.buffer as ArrayBuffer]);
		});
	}

	private startWorker(): PassWorker {
		const worker = new Worker(new URL('./csp-audit-worker.ts', import.meta.url), { workerData: this.options });
		const passWorker: PassWorker = { worker, pending: 0 };
		worker.on('message', (answer: WorkerAnswer) => {
			const waiting = this.waiting.get(answer.id);
			if (!waiting) return;
			this.waiting.delete(answer.id);
			passWorker.pending -= waiting.size;
			if (passWorker.pending === 0) worker.unref();
			if ('error' in answer) waiting.reject(new Error(`The page pass failed on a page: ${answer.error}`));
			else waiting.resolve(answer);
		});
		const fail = (error: Error) => {
			for (const [id, waiting] of this.waiting) {
				if (waiting.worker !== passWorker) continue;
				this.waiting.delete(id);
				waiting.reject(error);
			}
		};
		worker.on('error', fail);
		worker.on('exit', (code) => fail(new Error(`A worker of the page pass stopped (exit code ${code}).`)));
		worker.unref();
		return passWorker;
	}

	/** Stops the workers (once every page is rendered). */
	async close(): Promise<void> {
		await Promise.all(this.workers.splice(0).map(({ worker }) => worker.terminate()));
	}

	/**
	 * Every HTML page in the output with the pass's result for it, once (later calls get the same list). A page the
	 * pass did not see as Astro rendered it (written by other means, or at an address two renders shared) is passed
	 * now, in this thread, and rewritten in place.
	 */
	passedPages(): Promise<PassedFile[]> {
		this.collected ??= this.collect();
		return this.collected;
	}

	private async collect(): Promise<PassedFile[]> {
		await this.close();
		const { out } = this.options;
		const pages = htmlPages(out);
		const files = new Map<string, number>();
		for (const page of pages) files.set(pageKey(page), (files.get(pageKey(page)) ?? 0) + 1);
		return pages.map((page) => {
			const key = pageKey(page);
			const result = files.get(key) === 1 ? this.results.get(key) : undefined;
			if (result !== undefined && result !== 'twice') return { page, ...result };
			const file = path.join(out, page);
			const passed = this.passHere(readFileSync(file));
			if (passed.html) writeFileSync(file, passed.html);
			return { page, problems: passed.problems, policy: passed.policy, pagefind: passed.pagefind };
		});
	}
}

/** The HTML pages of the output (not Astro's server build), relative to it with `/` separators, sorted. */
export function htmlPages(out: string): string[] {
	return readdirSync(out, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => path.join(entry.parentPath, entry.name))
		.filter((file) => !isServerBuild(out, file))
		.map((file) => path.relative(out, file).split(path.sep).join('/'))
		.sort();
}

/** Whether Astro's response is a page the pass completes: HTML with a body, not a redirect. */
function isPassedResponse(response: Response): boolean {
	if (!response.body || (response.status >= 300 && response.status < 400)) return false;
	return /^text\/html\b/i.test(response.headers.get('content-type') ?? '');
}

/**
 * The bytes of a response's body, read from its stream: the chunk itself where there is one (Astro's pages), which
 * `arrayBuffer()` would copy twice (undici joins the chunks into a new buffer, then copies that), on Astro's thread.
 */
async function bodyBytes(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		if (!(value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
		chunks.push(value);
	}
	return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
}

/** Astro's prerenderer, with each HTML page it renders given to `pass` and the completed page written in its place. */
export function withPagePass(prerenderer: AstroPrerenderer, pass: PagePass): AstroPrerenderer {
	return {
		...prerenderer,
		name: `${prerenderer.name} (awaitable:page-pass)`,
		// Astro's default prerenderer keeps its state on itself: its methods are called on it.
		...(prerenderer.setup && { setup: prerenderer.setup.bind(prerenderer) }),
		...(prerenderer.collectStaticImages && {
			collectStaticImages: prerenderer.collectStaticImages.bind(prerenderer),
		}),
		getStaticPaths: () => prerenderer.getStaticPaths(),
		render: async (request, options) => {
			const result = await prerenderer.render(request, options);
			const response = result instanceof Response ? result : result.response;
			if (!response.body || !isPassedResponse(response)) return result;
			const page = await pass.page(new URL(request.url).pathname, await bodyBytes(response.body));
			const headers = new Headers(response.headers);
			headers.delete('content-length');
			// The page as a one-chunk stream: a Response made from the bytes themselves copies them first.
			const body = new ReadableStream<Uint8Array>({
				start(controller) {
					controller.enqueue(page);
					controller.close();
				},
			});
			const passed = new Response(body, {
				status: response.status,
				statusText: response.statusText,
				headers,
			});
			return result instanceof Response ? passed : { ...result, response: passed };
		},
		teardown: async () => {
			await prerenderer.teardown?.();
			await pass.close();
		},
	};
}

/** The pass of the build writing into `out`, if there is one (pagefind-pages.ts reads its results). */
const passes = new Map<string, PagePass>();

/** Registers the pass of the build writing into its output folder. */
export function registerPass(pass: PagePass): void {
	passes.set(path.resolve(pass.options.out), pass);
}

/** The pages of the build that wrote into `out`, as the page pass saw them; undefined when no pass ran for it. */
export function passedPagesOf(out: string): Promise<PassedFile[]> | undefined {
	return passes.get(path.resolve(out))?.passedPages();
}
