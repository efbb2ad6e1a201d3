/**
 * The pages of the production build, read from `dist/`'s sitemap when the test files load, so a suite can
 * declare one test per page (a failure names its URL). `sitemapPaths` in site.ts reads the same sitemap over
 * HTTP, inside a test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const DIST = path.resolve(import.meta.dirname, '../dist');

/** Every page path the sitemap of `dist/` lists (without the site's origin), in sitemap order. */
export function builtPagePaths(): string[] {
	const sitemaps = readdirSync(DIST).filter((name) => /^sitemap-\d+\.xml$/.test(name));
	if (sitemaps.length === 0) throw new Error(`No sitemap in ${DIST}: run \`npm run build\` first.`);
	return sitemaps.flatMap((name) =>
		[...readFileSync(path.join(DIST, name), 'utf8').matchAll(/<loc>(.*?)<\/loc>/g)].map(
			([, url]) => new URL(url ?? '').pathname,
		),
	);
}
