/** A worker thread of the build's page pass (csp-audit.ts): passes each page it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { type PassOptions, serveWorker } from './csp-audit.ts';

if (parentPort) serveWorker(parentPort, workerData as PassOptions);
