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
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { normalizeBase } from '../lib/site/base-path.ts';
import { AFTER_PAINT_LOADER } from '../lib/site/after-paint.ts';
import { PagePass, registerPass, withPagePass } from './csp-audit.ts';
import {
	cspHash,
	inlineScriptsInAstroSource,
	mergePolicies,
	parsePolicy,
	serializePolicy,
	withHeaders,
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
	// Read at once rather than one file per turn of the event loop (this runs while the build is configured).
	const files = (await Promise.all(directories.map((directory) => filesUnder(directory, '.astro')))).flat();
	for (const source of await Promise.all(files.map((file) => readFile(file, 'utf8')))) {
		for (const body of inlineScriptsInAstroSource(source)) hashes.add(cspHash(body).slice(1, -1) as `sha256-${string}`);
	}
	return [...hashes].sort();
}

export interface CspHeadersOptions {
	/** Packages whose `.astro` components render `<script is:inline>`; default Starlight. */
	packages?: string[];
	/**
	 * Worker threads of the page pass (csp-audit.ts), which complete and check each page while Astro renders the
	 * next ones on its one thread; default one per core but the one Astro's thread keeps busy (at least one). 0
	 * passes the pages in Astro's thread.
	 */
	threads?: number;
}

export default function cspHeaders(options: CspHeadersOptions = {}): AstroIntegration {
	const packages = options.packages ?? ['@astrojs/starlight'];
	const threads = options.threads ?? Math.max(1, os.availableParallelism() - 1);
	let base = '/';
	let pass: PagePass | undefined;
	return {
		name: 'awaitable:csp-headers',
		hooks: {
			'astro:config:setup': async ({ config, updateConfig, logger }) => {
				base = normalizeBase(config.base);
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
			'astro:config:done': ({ config, buildOutput }) => {
				if (buildOutput !== 'static') return;
				pass = new PagePass({ out: fileURLToPath(config.outDir), base }, threads);
				registerPass(pass);
			},
			// Each page is completed and checked as Astro renders it, before Astro writes it (csp-audit.ts).
			'astro:build:start': ({ setPrerenderer }) => {
				const current = pass;
				if (current) setPrerenderer((prerenderer) => withPagePass(prerenderer, current));
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				// Without a pass for this folder (a server build's prerendered pages), every page is passed here.
				if (!pass || path.resolve(pass.options.out) !== path.resolve(out)) {
					pass = new PagePass({ out, base }, 0);
					registerPass(pass);
				}
				const results = await pass.passedPages();
				const problems = results.flatMap(({ page, problems }) => problems.map((problem) => `- /${page} ${problem}`));
				const policies = results.flatMap(({ policy }) => (policy === undefined ? [] : [policy]));
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
