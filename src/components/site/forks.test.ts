/**
 * Components here that copy or recompose a Starlight component: `Search.astro` is a fork of Starlight's search
 * (see its header comment for what differs and why), `Sidebar.astro` recomposes Starlight's `Sidebar.astro`
 * without its state persister, `sidebar-html.ts` marks the current link where Starlight's `SidebarSublist.astro`
 * writes it, and the practice pages' `PracticeLayout.astro` recomposes Starlight's `Page.astro` (with its
 * `getHead`, which the package does not export). Each silently goes stale when Starlight changes the original, so this test pins
 * the original each was made from: when the installed Starlight's file differs, it fails and says what to do.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Each of our components, the Starlight file it follows, what it keeps different, and that file's SHA-256. */
const FORKS = [
	{
		fork: 'src/components/site/Search.astro',
		original: 'components/Search.astro',
		keep: 'its two changes (Pagefind loaded on first open; the button named by its visible word)',
		starlight: '0.42.4',
		sha256: '30d6549c54409a9e92ec9734901946d409a408635e8876b18940285f21c62062',
	},
	{
		fork: 'src/components/site/Sidebar.astro',
		original: 'components/Sidebar.astro',
		keep: 'its one change (no SidebarPersister)',
		starlight: '0.42.4',
		sha256: 'ba540dad8931f35346240d504524d8bc16dd04ebe63abed97609af59967779bf',
	},
	{
		fork: 'src/lib/site/sidebar-html.ts',
		original: 'components/SidebarSublist.astro',
		keep: 'where a link writes `aria-current` (right after `href`) and when a group is open',
		starlight: '0.42.4',
		sha256: '80e77d4c9790eecaddb00f7be2263e158033a9e6c472311159b9ffca5fa58f4f',
	},
	{
		fork: 'src/components/practice/PracticeLayout.astro',
		original: 'components/Page.astro',
		keep: 'its parts (no table of contents, banner or hero) and its copy of the page-level <style>',
		starlight: '0.42.4',
		sha256: '44c298784721b9d90a4ed8309e91c925523c8c100ebe1543c745c54f017c27f5',
	},
	{
		fork: 'src/components/practice/PracticeLayout.astro',
		original: 'utils/head.js',
		keep: 'its call of `getHead(route, context, siteTitle)`',
		starlight: '0.42.4',
		sha256: 'e248f9491aef0dd43842a5cb10dceb273f4d28a72facab13e6d55aab84a759bf',
	},
];

// Read from the installed package (its `exports` hide package.json and the component from a resolver).
const starlightRoot = path.resolve('node_modules/@astrojs/starlight');

describe("our copies of Starlight's components", () => {
	for (const { fork, original, keep, starlight, sha256: pinned } of FORKS) {
		it(`${fork} was made from the ${original} of the installed Starlight`, () => {
			const file = path.join(starlightRoot, 'dist', original);
			const installed = (
				JSON.parse(readFileSync(path.join(starlightRoot, 'package.json'), 'utf8')) as { version: string }
			).version;
			const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
			const relative = path.relative(process.cwd(), file);
			expect(
				sha256,
				[
					`Starlight ${installed}'s ${relative} differs from the one ${fork} was made from (Starlight ${starlight}).`,
					`Re-diff: see what changed upstream, from a scratch folder:`,
					`  npm pack @astrojs/starlight@${starlight} && tar -xzf astrojs-starlight-${starlight}.tgz`,
					`  git diff --no-index package/dist/${original} <project>/${relative}`,
					`(or compare the two versions' dist/${original} on npm), carry those changes into ${fork},`,
					`keeping ${keep}, then set its entry in src/components/site/forks.test.ts to`,
					`{ starlight: '${installed}', sha256: '${sha256}' }.`,
				].join('\n'),
			).toBe(pinned);
		});
	}
});
