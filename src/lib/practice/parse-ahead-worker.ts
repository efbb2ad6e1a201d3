/**
 * The worker thread of `parse-ahead.ts`: reads each practice file, parses and validates it (`parse-file.ts`) and
 * checks its multiple-choice items (`quality.ts`), in the loader's order, sending the results in small batches.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { AheadAnswer, AheadJob } from './parse-ahead.ts';
import { projectFile } from './parse-ahead.ts';
import { parsePracticeFile } from './parse-file.ts';
import { fileQuality } from './quality.ts';

/** Files per message: the loader can start on the first ones while the worker parses the rest. */
const BATCH = 32;

const { root, files } = workerData as AheadJob;
let batch: AheadAnswer[] = [];
files.forEach((absolute, index) => {
	batch.push({ index, file: parseAhead(absolute) });
	if (batch.length === BATCH || index === files.length - 1) {
		parentPort?.postMessage(batch);
		batch = [];
	}
});

/** One file's text, parse and quality; `undefined` when something threw (the loader then does it, and reports it). */
function parseAhead(absolute: string): AheadAnswer['file'] {
	try {
		const file = projectFile(root, absolute);
		const source = readFileSync(absolute, 'utf8');
		const result = parsePracticeFile(file, source);
		return result.ok ? { source, result, quality: fileQuality({ file, source, set: result.set }) } : { source, result };
	} catch {
		return undefined;
	}
}
