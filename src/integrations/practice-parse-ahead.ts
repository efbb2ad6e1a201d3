/**
 * Starts reading, parsing and checking the practice files in a worker thread as soon as Astro has its
 * configuration (`astro build`, `astro dev`), while it sets up the other integrations and Vite; the practice
 * loader takes the results when content syncs (src/lib/practice/parse-ahead.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { startedByAstroCli } from '../lib/site/astro-cli.ts';
import {
	BATCH,
	keepParseAhead,
	type AheadJob,
	type AheadMessage,
	type FileAhead,
} from '../lib/practice/parse-ahead.ts';
import { PRACTICE_DIRECTORY } from '../lib/practice/set-index.ts';

/** Starts the worker on every practice file of the project, and keeps it for the loader. */
export function startParseAhead(root: string, directory = path.join(root, PRACTICE_DIRECTORY)): void {
	const worker = new Worker(new URL('../lib/practice/parse-ahead-worker.ts', import.meta.url), {
		workerData: { root, directory } satisfies AheadJob,
	});
	const listed = Promise.withResolvers<string[]>();
	const batches: PromiseWithResolvers<ArrayBuffer | undefined>[] = [];
	worker.on('message', (message: AheadMessage) => {
		if ('files' in message) {
			for (let start = 0; start < message.files.length; start += BATCH) batches.push(Promise.withResolvers());
			listed.resolve(message.files);
		} else batches[message.batch]?.resolve(message.bytes);
	});
	// A worker that fails or stops early leaves its files to the loader.
	const giveUp = () => {
		listed.resolve([]);
		for (const { resolve } of batches) resolve(undefined);
	};
	worker.on('error', giveUp);
	worker.on('exit', giveUp);
	// Nothing waits for it to end: a process whose loader never asks ends without it.
	worker.unref();

	const indexOf = listed.promise.then((files) => new Map(files.map((file, index) => [file, index])));
	const decoded = new Map<number, Promise<(FileAhead | undefined)[]>>();
	const batch = (number: number) => {
		let results = decoded.get(number);
		if (!results) {
			results = (batches[number]?.promise ?? Promise.resolve(undefined)).then((bytes) =>
				bytes ? (deserialize(new Uint8Array(bytes)) as (FileAhead | undefined)[]) : [],
			);
			decoded.set(number, results);
		}
		return results;
	};
	keepParseAhead({
		root,
		directory,
		files: listed.promise,
		get: async (absolute) => {
			const index = (await indexOf).get(absolute);
			if (index === undefined) return undefined;
			return (await batch(Math.floor(index / BATCH)))[index % BATCH];
		},
		stop: () => void worker.terminate(),
	});
}

export default function practiceParseAhead(): AstroIntegration {
	return {
		name: 'awaitable:practice-parse-ahead',
		hooks: {
			'astro:config:setup': ({ config, command }) => {
				// Only the astro CLI's build and dev: a tool that loads this configuration (knip, vitest) syncs no content.
				if (startedByAstroCli(command) && (command === 'build' || command === 'dev')) {
					startParseAhead(fileURLToPath(config.root));
				}
			},
		},
	};
}
