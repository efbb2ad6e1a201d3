/**
 * The lessons' practice data files, `/practice/<lesson>.json` (src/lib/practice/data-files.ts). `astro dev` serves
 * them from an endpoint route injected here (src/components/practice/data-route.ts), built from the collection at
 * each request. A build writes them outside Astro's routing: each lesson's practice page, as Astro renders it, hands
 * its lesson's data to the writer registered here, and a worker thread writes the file beside the page (the same
 * bytes the endpoint gives) while Astro renders the next pages. The writes are awaited when the pages are done
 * (`astro:build:generated`), before the `astro:build:done` checks that look for files in the output (the links
 * validators).
 */
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { setPracticeDataWriter } from '../lib/practice/data-files.ts';
import { practiceDataPath } from '../lib/practice/set-pages.ts';

/**
 * The worker thread that writes the files (CommonJS, evaluated): each message a file and its text, written in turn;
 * `null` asks for the count written, or the first failure.
 */
const WRITER_THREAD = `
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const { parentPort } = require('node:worker_threads');
const folders = new Set();
let count = 0;
let failure;
parentPort.on('message', (message) => {
	if (message === null) return parentPort.postMessage(failure === undefined ? { count } : { failure });
	if (failure !== undefined) return;
	try {
		const folder = dirname(message.file);
		if (!folders.has(folder)) {
			mkdirSync(folder, { recursive: true });
			folders.add(folder);
		}
		writeFileSync(message.file, message.text);
		count++;
	} catch (error) {
		failure = String((error && error.stack) || error);
	}
});`;

/** The writer's answer to `null`: how many files it wrote, or why one failed. */
type WriterAnswer = { count: number } | { failure: string };

/**
 * A writer of data files into `out` (the build's output folder): each file goes to a worker thread (started with the
 * first), which writes it while Astro's thread renders pages, so that thread only copies the text into a message.
 * `written` waits for every file and resolves with their count (rejects with the first failure).
 */
export function practiceDataWriter(out: string): {
	write: (lesson: string, text: string) => void;
	written: () => Promise<number>;
} {
	let worker: Worker | undefined;
	const lessons = new Set<string>();
	return {
		write: (lesson, text) => {
			if (lessons.has(lesson)) throw new Error(`The practice data file of "${lesson}" was written twice in one build.`);
			lessons.add(lesson);
			if (!worker) {
				worker = new Worker(WRITER_THREAD, { eval: true });
				// Not keeping the process alive by itself (a build that stops early ends); `written` holds it.
				worker.unref();
			}
			worker.postMessage({ file: path.join(out, ...practiceDataPath(lesson).split('/')), text });
		},
		written: async () => {
			if (!worker) return 0;
			const current = worker;
			worker = undefined;
			current.ref();
			try {
				const answer = once(current, 'message');
				current.postMessage(null);
				const [reply] = (await answer) as [WriterAnswer];
				if ('failure' in reply) throw new Error(`Could not write a practice data file: ${reply.failure}`);
				return reply.count;
			} finally {
				await current.terminate();
			}
		},
	};
}

export default function practiceData(): AstroIntegration {
	let out = '';
	let writer: ReturnType<typeof practiceDataWriter> | undefined;
	return {
		name: 'awaitable:practice-data',
		hooks: {
			'astro:config:setup': ({ command, injectRoute }) => {
				if (command === 'dev') {
					injectRoute({
						pattern: '/practice/[lesson].json',
						entrypoint: new URL('../components/practice/data-route.ts', import.meta.url),
					});
				}
			},
			'astro:config:done': ({ config, buildOutput }) => {
				// Where Astro writes the prerendered pages: the output folder, or its client folder in a server build.
				out = fileURLToPath(buildOutput === 'static' ? config.outDir : config.build.client);
			},
			'astro:build:start': () => {
				writer = practiceDataWriter(out);
				setPracticeDataWriter(writer.write);
			},
			'astro:build:generated': async ({ logger }) => {
				setPracticeDataWriter(undefined);
				const count = (await writer?.written()) ?? 0;
				logger.info(`Wrote ${count} practice data file${count === 1 ? '' : 's'}.`);
			},
		},
	};
}
