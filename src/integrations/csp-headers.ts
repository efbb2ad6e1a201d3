/**
 * Completes Astro's `security.csp` for this site and checks it, in three steps:
 *
 * 1. Config: Astro hashes the scripts and styles it processes, but renders `<script is:inline>` verbatim
 *    without a hash. Starlight has a few (theme before first paint, the search shortcut label, sidebar
 *    scroll restore). We hash the inline scripts of Starlight's components and of our own `src/**\/*.astro`
 *    and add them to `security.csp.scriptDirective.hashes`, so the policy stays strict (no
 *    `'unsafe-inline'`) and follows Starlight upgrades by itself.
 * 2. Check: after the build, every page must carry a policy that allows each inline script and style it
 *    has, and no inline event handlers. (Inline styles Astro forgot to hash are hashed here first; see
 *    `hashInlineStyles`. Hashes of code a page does not have are dropped from its policy: `withOnlyPageHashes`.) A page that would break under its own policy stops the build, with
 *    the page, the code and the fix.
 * 3. Headers: `frame-ancestors` is ignored in a `<meta>` policy, so hosts that read a `_headers` file
 *    (Netlify, Cloudflare Pages) get the policy as a header too: the union of every page's policy plus
 *    `frame-ancestors 'none'`, added to the rules copied from `public/_headers`.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { hoistStylesheets, inlineStylesheets } from '../lib/site/hoist-stylesheets.ts';
import { AFTER_PAINT_LOADER, deferModuleScripts, inlineSmallImages } from '../lib/site/after-paint.ts';
import {
	auditPage,
	cspHash,
	inlineScriptsInAstroSource,
	mergePolicies,
	parsePolicy,
	type Policy,
	serializePolicy,
	withHeaders,
	withOnlyPageHashes,
} from './csp-policy.ts';

/** Directives that only work as a response header; browsers ignore (and log) them in a `<meta>`. */
const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

async function filesUnder(directory: string, extension: string): Promise<string[]> {
	const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith(extension))
		.map((entry) => path.join(entry.parentPath, entry.name))
		.sort();
}

/** The folder of an installed package: the nearest `node_modules/<name>` from the project root up. */
function packageDirectory(root: string, name: string): string | undefined {
	for (let directory = root; ; directory = path.dirname(directory)) {
		const candidate = path.join(directory, 'node_modules', name);
		if (existsSync(path.join(candidate, 'package.json'))) return candidate;
		if (directory === path.dirname(directory)) return undefined;
	}
}

/**
 * `sha256-…` hashes (without quotes, as Astro's config wants them) of every verbatim inline script, and of the
 * after-paint loader (rendered with `set:html` from its module, src/lib/site/after-paint.ts).
 */
async function inlineScriptHashes(directories: readonly string[]): Promise<`sha256-${string}`[]> {
	const hashes = new Set<`sha256-${string}`>([cspHash(AFTER_PAINT_LOADER).slice(1, -1) as `sha256-${string}`]);
	for (const directory of directories) {
		for (const file of await filesUnder(directory, '.astro')) {
			for (const body of inlineScriptsInAstroSource(await readFile(file, 'utf8'))) {
				hashes.add(cspHash(body).slice(1, -1) as `sha256-${string}`);
			}
		}
	}
	return [...hashes].sort();
}

export interface CspHeadersOptions {
	/** Packages whose `.astro` components render `<script is:inline>`; default Starlight. */
	packages?: string[];
}

export default function cspHeaders(options: CspHeadersOptions = {}): AstroIntegration {
	const packages = options.packages ?? ['@astrojs/starlight'];
	let base = '/';
	return {
		name: 'awaitable:csp-headers',
		hooks: {
			'astro:config:setup': async ({ config, updateConfig, logger }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				const csp = config.security.csp;
				if (!csp) return;
				if (csp !== true && csp.algorithm !== 'SHA-256') {
					throw new AstroError(
						`awaitable:csp-headers hashes inline scripts with SHA-256, but security.csp.algorithm is ${csp.algorithm}.`,
						"Fix: remove `algorithm` from security.csp in astro.config.mjs (SHA-256 is Astro's default).",
					);
				}
				const root = fileURLToPath(config.root);
				const directories = [path.join(root, 'src')];
				for (const name of packages) {
					const directory = packageDirectory(root, name);
					if (directory) directories.push(directory);
					else logger.warn(`Could not find ${name}; its inline scripts are not hashed.`);
				}
				const hashes = await inlineScriptHashes(directories);
				updateConfig({ security: { csp: { algorithm: 'SHA-256', scriptDirective: { hashes } } } });
				logger.info(`Hashed ${hashes.length} inline scripts for the Content-Security-Policy.`);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const assets = new Map<string, string | undefined>();
				/** A built stylesheet's or image's text by its href (under the site's base), read once. */
				const readAsset = (href: string) => {
					if (!assets.has(href)) {
						const file = href.startsWith(base) ? path.join(out, href.slice(base.length)) : undefined;
						assets.set(href, file && existsSync(file) ? readFileSync(file, 'utf8') : undefined);
					}
					return assets.get(href);
				};
				const problems: string[] = [];
				const policies: Policy[] = [];
				for (const file of await filesUnder(out, '.html')) {
					const built = await readFile(file, 'utf8');
					// The one pass over every built page: stylesheets into the head and inlined (hoist-stylesheets.ts),
					// module scripts held until the first paint and small images inlined (after-paint.ts), then hashes
					// (the page's own only: withOnlyPageHashes) and the check (`auditPage`: the policy parsed and the
					// inline code found once per page).
					const hoisted = inlineSmallImages(
						deferModuleScripts(inlineStylesheets(hoistStylesheets(built), readAsset)),
						readAsset,
					);
					const audit = auditPage(withOnlyPageHashes(hoisted).html, { hashStyles: true });
					if (audit.html !== built) await writeFile(file, audit.html);
					const page = `/${path.relative(out, file).split(path.sep).join('/')}`;
					for (const problem of audit.problems) problems.push(`- ${page} ${problem}`);
					if (audit.policy !== undefined) policies.push(audit.policy);
				}
				if (problems.length > 0) {
					throw new AstroError(
						`${problems.length} Content-Security-Policy problem${problems.length === 1 ? '' : 's'} in the built pages:\n${problems.join('\n')}`,
						'A browser would block this code. See src/integrations/csp-headers.ts.',
					);
				}
				const policy = mergePolicies([...policies, parsePolicy(HEADER_ONLY_DIRECTIVES.join('; '))]);
				const headersPath = path.join(out, '_headers');
				const existing = await readFile(headersPath, 'utf8').catch(() => '');
				await writeFile(headersPath, withHeaders(existing, { 'Content-Security-Policy': serializePolicy(policy) }));
				logger.info(`Checked the policy of ${policies.length} pages; wrote _headers.`);
			},
		},
	};
}
