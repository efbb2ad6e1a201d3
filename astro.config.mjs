// @ts-check
// First: Node's source maps off for the modules after it in `astro build` (src/lib/site/build-source-maps.ts).
import './src/lib/site/build-source-maps.ts';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import { normalizeBase } from './src/lib/site/base-path.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { baseLinksPlugin } from './src/lib/site/base-links-plugin.ts';
import cspHeaders from './src/integrations/csp-headers.ts';
import afterPaint from './src/integrations/after-paint.ts';
import runner from './src/integrations/runner.ts';
import contentStore from './src/integrations/content-store.ts';
import clearOutDir from './src/integrations/clear-out-dir.ts';
import pagefindPages from './src/integrations/pagefind-pages.ts';
import { runnerMarkersPlugin } from './src/lib/runner/mdast-plugin.ts';
import { pythonAnnotationsPlugin } from './src/lib/site/python-annotations-plugin.ts';
import { practiceIdsPlugin } from './src/lib/site/practice-ids-plugin.ts';
import { authorCodeHeadingsPlugin } from './src/lib/site/author-code-headings-plugin.ts';
import practiceTypes from './src/integrations/practice-types.ts';
import practiceParseAhead from './src/integrations/practice-parse-ahead.ts';
import authorPage from './src/integrations/author-page.ts';
import practiceDevErrors from './src/integrations/practice-dev-errors.ts';
import practiceLinks from './src/integrations/practice-links.ts';
import practiceData from './src/integrations/practice-data.ts';
import noDepOptimizer from './src/integrations/no-dep-optimizer.ts';
import { scrollableTablesPlugin } from './src/lib/site/scrollable-tables-plugin.ts';
import { codeBreaksPlugin } from './src/lib/site/code-breaks-plugin.ts';
import { noJsThemePlugin } from './src/lib/site/no-js-theme.ts';
import { SIDEBAR } from './src/lib/site/sidebar.ts';
import { preactWithoutSignals } from './src/lib/site/preact-without-signals.ts';
import { preactJsxWithoutBabel } from './src/lib/site/preact-jsx.ts';
import { smallPreloadHelper } from './src/lib/site/preload-helper.ts';
import { compileTypeScript } from './src/lib/site/config-typescript.ts';

// Node loads this file itself, not Astro's fallback through a Vite server (about a second of start-up): the
// TypeScript Node cannot strip, starlight-links-validator's, is compiled by a module hook registered here, before
// the package is imported (src/lib/site/config-typescript.ts). The static imports above must stay strippable.
compileTypeScript(['starlight-links-validator'], new URL('.', import.meta.url));
const { default: starlightLinksValidator } = await import('starlight-links-validator');

/*
 * Where the site is hosted. `SITE` is the origin used for canonical URLs, Open Graph tags and the sitemap;
 * `BASE` the sub-path, for example `/awaitable/` for a GitHub Pages project site. Both come from the
 * environment so one build configuration serves every host.
 */
const site = process.env.SITE ?? 'http://localhost:4321';
const base = normalizeBase(process.env.BASE);
/** Lets the end-to-end tests keep a sub-path build beside the main one. */
const outDir = process.env.OUT_DIR ?? './dist';

/**
 * Astro's MDX pages carry a module-level "use astro:head-inject" directive that Astro itself reads; the bundler
 * warns, once per MDX page on every build, that it may not keep it. Only that warning is dropped, in every
 * build environment (Astro's prerender environment does not inherit `build.rolldownOptions`), so a clean build
 * prints nothing an author did not cause (scripts/quality/clean-build.test.ts).
 * @returns {import('vite').Plugin}
 */
function quietHeadInjectWarnings() {
	/** @type {(warning: import('vite').Rolldown.RollupLog, warn: (log: import('vite').Rolldown.RollupLog) => void) => void} */
	const onwarn = (warning, warn) => {
		if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
		warn(warning);
	};
	return {
		name: 'awaitable:quiet-head-inject-warnings',
		configEnvironment: () => ({ build: { rolldownOptions: { onwarn } } }),
	};
}

export default defineConfig({
	site,
	base,
	outDir,
	trailingSlash: 'always',
	// Starlight turns on prefetching of every link; its script costs 1.1 KB gzip at load on every page,
	// more than the 8 KB JavaScript-at-load budget leaves room for. Static pages load fast enough without it.
	prefetch: false,
	// concurrency: pages are generated four at a time, so one page's rendering fills the time another waits for
	// its file to be written (the main thread was idle a seventh of the page generation at 500 lessons). A page's
	// state lives in its own `locals`; what pages share is computed once per build. `<StarlightPage>` (the 404
	// page) is given its own sidebar (SIDEBAR in src/lib/site/sidebar.ts), not Starlight's shared one.
	// inlineStylesheets: Astro links its CSS and the build's page pass inlines it in worker threads, as it does
	// Expressive Code's (src/lib/site/hoist-stylesheets.ts): the same CSS in the same order, off Astro's one thread.
	build: { inlineStylesheets: 'never', concurrency: 4 },
	vite: {
		// noJsThemePlugin: without JavaScript, the light theme for readers who prefer it (src/lib/site/no-js-theme.ts).
		// smallPreloadHelper: Vite's helper for lazy imports in 0.1 KB instead of 0.9, module preloading off
		// (src/lib/site/preload-helper.ts). preactWithoutSignals: Astro's Preact renderer without the signals code no
		// island uses (src/lib/site/preact-without-signals.ts). preactJsxWithoutBabel: in builds, the islands' JSX by Vite's
		// Oxc instead of the preset's Babel pass, same output, less build time (src/lib/site/preact-jsx.ts).
		plugins: [
			quietHeadInjectWarnings(),
			noJsThemePlugin(),
			smallPreloadHelper(),
			preactWithoutSignals(),
			preactJsxWithoutBabel(),
		],
		build: {
			// Chunks by what pages load together (DESIGN.md: all islands of a page within 15 KB gzip, Preact
			// included, and 8 KB of JavaScript at load); each file less is a gzip stream and an import less. Preact
			// and its hooks, with Astro's Preact renderer, in one chunk (0.08 KB less than a chunk of its own). The
			// progress store with what every island page reads beside it (its validator, the summary, the lesson
			// data loader, the confidence check of lessons and reviews) in
			// another: left to the bundler, each would be a chunk of its own, as the pages using them differ a little
			// (the review page has no summary, the progress page no lesson data).
			rolldownOptions: {
				output: {
					codeSplitting: {
						groups: [
							{
								name: 'preact',
								test: /node_modules[\\/](preact|@astrojs[\\/]preact[\\/]dist[\\/](client|static-html))[\\/.]/,
							},
							// Starlight's two tables of contents (sidebar and phone) share their custom element: one chunk,
							// where the bundler made three (0.15 KB gzip less at load on every page with headings).
							{ name: 'starlight-toc', test: /TableOfContents/ },
							{
								name: 'store',
								test: /src[\\/](lib[\\/]progress[\\/](store|validate|limits|summary|catalog)\.ts|lib[\\/]practice[\\/]compiled\.ts|components[\\/]practice[\\/]islands[\\/](lesson-data\.ts|ui[\\/]Confidence\.tsx))$/,
							},
						],
					},
				},
			},
		},
	},
	/*
	 * A strict Content-Security-Policy in every page's <meta>: scripts and styles only from this origin or
	 * by hash (Astro hashes what it bundles; src/integrations/csp-headers.ts adds the hashes of Starlight's
	 * `is:inline` scripts and checks every built page). No 'unsafe-inline' or 'unsafe-eval' for scripts;
	 * 'wasm-unsafe-eval' lets Pagefind's search run its WebAssembly. Inline `style` attributes (Starlight's
	 * icons, Expressive Code's token colours) need 'unsafe-inline' on style-src-attr only. `frame-ancestors`
	 * works only as a header, so the integration writes it into dist/_headers.
	 */
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				"base-uri 'self'",
				"object-src 'none'",
				"form-action 'self'",
				"img-src 'self' data:",
				"font-src 'self'",
				"connect-src 'self'",
				"worker-src 'self'",
			],
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
			styleDirective: {
				resources: [
					{ resource: "'self'", kind: 'element' },
					{ resource: "'unsafe-inline'", kind: 'attribute' },
				],
			},
		},
	},
	markdown: {
		// Code is highlighted by Starlight's Expressive Code (lessons) or not at all (question text), never by
		// Astro's Shiki, whose inline styles a strict CSP would block; saying so also stops Astro's warning.
		syntaxHighlight: false,
		processor: satteri({
			mdastPlugins: [
				pythonAnnotationsPlugin(fileURLToPath(new URL('.', import.meta.url))),
				practiceIdsPlugin(fileURLToPath(new URL('.', import.meta.url))),
				runnerMarkersPlugin(),
			],
			hastPlugins: [baseLinksPlugin(base), scrollableTablesPlugin(), codeBreaksPlugin(), authorCodeHeadingsPlugin()],
		}),
	},
	integrations: [
		// First: the practice files parsed in a worker while Astro sets up the rest (src/integrations/practice-parse-ahead.ts).
		practiceParseAhead(),
		// Before Starlight: it keeps the content store from one build to the next, which the links validator Starlight
		// adds would delete (src/integrations/content-store.ts).
		contentStore(),
		// The links written in practice data, checked once the pages are built (the links validator Starlight adds
		// checks those of the lessons' Markdown; src/integrations/practice-links.ts).
		practiceLinks(),
		starlight({
			title: 'Awaitable',
			description:
				"Learn Django's asynchronous ORM (aget, asave, aupdate, async for, SynchronousOnlyOperation) with lessons and practice checked against Django 5.2 LTS.",
			logo: { src: './src/assets/logo.svg', alt: 'Awaitable' },
			favicon: '/favicon.svg',
			customCss: ['./src/styles/site.css', './src/styles/tables.css'],
			// Search: Starlight's, loading Pagefind when the reader opens it. SiteTitle: Starlight's own, followed by
			// the review queue's due count (src/components/review/). MarkdownContent: adds Pagefind metadata, and
			// the browser runner's Run buttons on lessons (src/components/runner/).
			components: {
				Search: './src/components/site/Search.astro',
				MarkdownContent: './src/components/site/MarkdownContent.astro',
				SiteTitle: './src/components/review/SiteTitle.astro',
				// Head: Starlight's, and the loader of the module scripts held until the first paint (src/lib/site/after-paint.ts).
				Head: './src/components/site/Head.astro',
				// Starlight's language picker only on a site with more than one language (its script otherwise loads for nothing).
				LanguageSelect: './src/components/site/LanguageSelect.astro',
				// Starlight's sidebar without its state persister, about 1 KB of JavaScript at load less (src/components/site/Sidebar.astro).
				Sidebar: './src/components/site/Sidebar.astro',
			},
			// Lessons first: a lesson's `teaches` metadata (its description, see MarkdownContent.astro) counts beside
			// its title when Pagefind ranks results.
			pagefind: { ranking: { metaWeights: { title: 5, teaches: 3 } } },
			lastUpdated: false,
			pagination: true,
			// The 404 page is src/pages/404.astro: a 404.md among the docs would be rendered by both Starlight's
			// docs route and its 404 route, with a warning about the conflict on every build.
			disable404Route: true,
			sidebar: SIDEBAR,
			head: [
				{ tag: 'meta', attrs: { name: 'theme-color', content: '#0c3c26' } },
				{ tag: 'meta', attrs: { property: 'og:site_name', content: 'Awaitable' } },
			],
			plugins: [starlightLinksValidator({ errorOnRelativeLinks: true, errorOnInvalidHashes: true })],
		}),
		// Preact's files are the .tsx ones. Without `include`, @astrojs/preact runs Babel over every .ts module too
		// (about 0.5 s of a 500-lesson build, with no change to the output), and its server renderer's check renders
		// components it cannot own (only the pages' island ids change).
		preact({ include: [/\.[cm]?[jt]sx$/] }),
		afterPaint(),
		// The last build's output removed in a worker while this one builds (src/integrations/clear-out-dir.ts).
		clearOutDir(),
		runner(),
		cspHeaders(),
		practiceTypes(),
		authorPage(),
		practiceDevErrors(),
		// The lessons' practice data files, `/practice/<lesson>.json`: an endpoint in `astro dev`, written beside the
		// practice pages in builds, outside Astro's routing (src/integrations/practice-data.ts).
		practiceData(),
		// No pre-bundling of the browser's dependencies in `astro build` and `astro sync`, which never serve them
		// (src/integrations/no-dep-optimizer.ts).
		noDepOptimizer(),
		// Pagefind reads only the pages it indexes (src/integrations/pagefind-pages.ts): not the practice pages. Last:
		// Starlight's hook starts the index and this one's `astro:build:done` waits for it, after every other.
		pagefindPages(),
	],
});
