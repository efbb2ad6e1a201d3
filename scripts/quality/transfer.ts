/**
 * Bytes a reader downloads, as a server would send them compressed: each response gzipped on its own
 * (level 9, like a static host's precompressed files). The preview server does not compress, so the tests
 * and the benchmark compress the bodies themselves; the figures are deterministic for a given build.
 */
import { gzipSync } from 'node:zlib';

export type Kind = 'html' | 'css' | 'js' | 'font' | 'other';
export const KINDS: readonly Kind[] = ['html', 'css', 'js', 'font', 'other'];

export function gzipSize(body: Uint8Array | string): number {
	return gzipSync(typeof body === 'string' ? Buffer.from(body) : body, { level: 9 }).length;
}

/** What a response is, from its content type, else from its URL's extension. */
export function kindOf(url: string, contentType = ''): Kind {
	const type = contentType.toLowerCase();
	const path = new URL(url, 'http://site').pathname.toLowerCase();
	if (type.includes('text/html') || /\.html?$/.test(path) || path.endsWith('/')) return 'html';
	if (type.includes('text/css') || path.endsWith('.css')) return 'css';
	if (type.includes('javascript') || /\.m?js$/.test(path)) return 'js';
	if (type.startsWith('font/') || /\.(woff2?|ttf|otf|eot)$/.test(path)) return 'font';
	return 'other';
}

export interface Transfer {
	url: string;
	kind: Kind;
	/** Uncompressed bytes. */
	bytes: number;
	/** Gzip bytes. */
	gzip: number;
}

export function transferOf(url: string, body: Uint8Array | string, contentType = ''): Transfer {
	const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
	return { url, kind: kindOf(url, contentType), bytes, gzip: gzipSize(body) };
}

export interface KindTotal {
	requests: number;
	bytes: number;
	gzip: number;
}

export type Totals = Record<Kind | 'total', KindTotal>;

/** Requests and bytes per kind and overall; a URL counted once even if requested twice. */
export function totalsByKind(transfers: readonly Transfer[]): Totals {
	const empty = (): KindTotal => ({ requests: 0, bytes: 0, gzip: 0 });
	const totals: Totals = { html: empty(), css: empty(), js: empty(), font: empty(), other: empty(), total: empty() };
	const seen = new Set<string>();
	for (const transfer of transfers) {
		if (seen.has(transfer.url)) continue;
		seen.add(transfer.url);
		for (const key of [transfer.kind, 'total'] as const) {
			totals[key].requests++;
			totals[key].bytes += transfer.bytes;
			totals[key].gzip += transfer.gzip;
		}
	}
	return totals;
}

/** `12345` → `12.3 KB` (1 KB = 1000 bytes, as browsers' developer tools count). */
export function formatKB(bytes: number): string {
	return `${(bytes / 1000).toFixed(1)} KB`;
}
