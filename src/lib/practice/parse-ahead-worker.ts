/**
 * The worker thread of `parse-ahead.ts`: lists the practice files as the loader does, then reads each one,
 * parses and validates it (`parse-file.ts`) and checks its multiple-choice items (`quality.ts`), in that order,
 * sending the results in serialized batches.
 */
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { BATCH, type AheadJob, type AheadMessage, type FileAhead } from './parse-ahead.ts';
import { projectFile, yamlFilesSync } from './set-index.ts';
import { parsePracticeFile } from './parse-file.ts';
import { fileQuality } from './quality.ts';

const { root, directory } = workerData as AheadJob;
const files = yamlFilesSync(directory);
const send = (message: AheadMessage, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(message, transfer);
send({ files });
for (let start = 0; start < files.length; start += BATCH) {
	const serialized = serialize(files.slice(start, start + BATCH).map(parseAhead));
	// The buffer is moved, not copied; a view on a larger buffer is copied out first.
	const bytes =
		serialized.byteOffset === 0 && serialized.byteLength === serialized.buffer.byteLength
			? (serialized.buffer as ArrayBuffer)
			: new Uint8Array(serialized).buffer;
	send({ batch: start / BATCH, bytes }, [bytes]);
}

/** One file's text, parse and quality; `undefined` when something threw (the loader then does it, and reports it). */
function parseAhead(absolute: string): FileAhead | undefined {
	try {
		const file = projectFile(root, absolute);
		const source = readFileSync(absolute, 'utf8');
		const result = parsePracticeFile(file, source);
		return result.ok ? { source, result, quality: fileQuality({ file, source, set: result.set }) } : { source, result };
	} catch {
		return undefined;
	}
}
