/**
 * Starts reading, parsing and checking the practice files in a worker thread as soon as Astro has its
 * configuration (`astro build`, `astro dev`), while it sets up the other integrations and Vite; the practice
 * loader takes the results when content syncs (src/lib/practice/parse-ahead.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { startedByAstroCli } from '../lib/site/astro-cli.ts';
import {
	keepParseAhead,
	yamlFilesSync,
	type AheadAnswer,
	type AheadJob,
	type FileAhead,
} from '../lib/practice/parse-ahead.ts';
import { PRACTICE_DIRECTORY } from '../lib/practice/set-index.ts';

/** Starts the worker on every practice file of the project (the loader's list, in its order). */
export function startParseAhead(root: string, directory = path.join(root, PRACTICE_DIRECTORY)): void {
	const files = yamlFilesSync(directory);
	if (files.length === 0) return;
	const worker = new Worker(new URL('../lib/practice/parse-ahead-worker.ts', import.meta.url), {
		workerData: { root, files } satisfies AheadJob,
	});
	const pending = files.map(() => Promise.withResolvers<FileAhead | undefined>());
	worker.on('message', (answers: AheadAnswer[]) => {
		for (const { index, file } of answers) pending[index]?.resolve(file);
	});
	// A worker that fails or stops early leaves its files to the loader.
	const giveUp = () => {
		for (const { resolve } of pending) resolve(undefined);
	};
	worker.on('error', giveUp);
	worker.on('exit', giveUp);
	// Nothing waits for it to end: a process whose loader never asks ends without it.
	worker.unref();
	keepParseAhead({
		root,
		directory,
		results: new Map(files.map((file, index) => [file, (pending[index] as (typeof pending)[number]).promise])),
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
