/**
 * `Search.astro` here is a fork of Starlight's own search component (see its header comment for what
 * differs and why). A fork silently goes stale when Starlight changes the original, so this test pins the
 * original the fork was made from: when the installed Starlight's file differs, it fails and says what to do.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The original the fork was made from: Starlight's version and the SHA-256 of its Search.astro. */
const FORKED_FROM = {
	starlight: '0.42.4',
	sha256: '30d6549c54409a9e92ec9734901946d409a408635e8876b18940285f21c62062',
};

// Read from the installed package (its `exports` hide package.json and the component from a resolver).
const starlightRoot = path.resolve('node_modules/@astrojs/starlight');
const ORIGINAL = path.join(starlightRoot, 'dist/components/Search.astro');
const FORK = 'src/components/site/Search.astro';

describe("the fork of Starlight's Search.astro", () => {
	it('was made from the Search.astro of the installed Starlight', () => {
		const installed = (
			JSON.parse(readFileSync(path.join(starlightRoot, 'package.json'), 'utf8')) as { version: string }
		).version;
		const sha256 = createHash('sha256').update(readFileSync(ORIGINAL)).digest('hex');
		const relative = path.relative(process.cwd(), ORIGINAL);
		expect(
			sha256,
			[
				`Starlight ${installed}'s ${relative} differs from the one ${FORK} was forked from (Starlight ${FORKED_FROM.starlight}).`,
				`Re-diff: see what changed upstream, from a scratch folder:`,
				`  npm pack @astrojs/starlight@${FORKED_FROM.starlight} && tar -xzf astrojs-starlight-${FORKED_FROM.starlight}.tgz`,
				`  git diff --no-index package/dist/components/Search.astro <project>/${relative}`,
				`(or compare the two versions' dist/components/Search.astro on npm), carry those changes into ${FORK}, keeping its`,
				`two changes (Pagefind loaded on first open; the button named by its visible word), then set FORKED_FROM in`,
				`src/components/site/search-fork.test.ts to { starlight: '${installed}', sha256: '${sha256}' }.`,
			].join('\n'),
		).toBe(FORKED_FROM.sha256);
	});
});
