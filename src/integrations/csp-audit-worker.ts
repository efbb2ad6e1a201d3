/** A worker thread of the Content-Security-Policy check (csp-audit.ts): checks its share of the pages. */
import { parentPort, workerData } from 'node:worker_threads';
import { auditPages, type AuditJob } from './csp-audit.ts';

parentPort?.postMessage(await auditPages(workerData as AuditJob));
