/**
 * Shiki's Markdown and MDX grammars for Expressive Code, with only the embedded languages this site's `md` and
 * `mdx` code blocks use.
 *
 * Before it highlights the first `md` or `mdx` block, Expressive Code loads every language the grammar can embed
 * in a fenced block or an expression (57 for Markdown, 42 for MDX, about 70 grammars in all) and Shiki compiles
 * them all at that block's first line: in a clean build, about 0.6 s of CPU for the authoring guide's three
 * blocks. These registrations are the same grammars, embedding only EMBEDDED; the blocks come out the same as long
 * as they use nothing else, which markdown-grammars.test.ts checks on every `md`/`mdx` block in src/content
 * (it fails, naming the block, when one would be highlighted differently).
 *
 * They are passed as functions: Expressive Code hashes its Shiki options for every code block it highlights,
 * and a function costs nothing to hash where the grammars themselves (190 KB) would cost more than they save.
 */
import type { LanguageRegistration } from 'shiki';
import { bundledLanguages } from 'shiki/langs';

/** The languages this site's `md`/`mdx` blocks embed: fenced Python and YAML, MDX's ESM and JSX (TSX). */
export const EMBEDDED: readonly string[] = ['python', 'yaml', 'tsx'];

/** The grammars narrowed here: each is loaded by its own registration, so neither loads the other's full copy. */
const NARROWED = ['markdown', 'mdx'] as const;

async function narrowed(name: (typeof NARROWED)[number], embedded: readonly string[]): Promise<LanguageRegistration[]> {
	const registrations = (await bundledLanguages[name]()).default;
	return registrations.map((registration) => ({
		...registration,
		embeddedLangsLazy: (registration.embeddedLangsLazy ?? []).filter(
			(language) => embedded.includes(language) && !(NARROWED as readonly string[]).includes(language),
		),
	}));
}

/** Expressive Code's `shiki.langs`: the narrowed Markdown and MDX grammars (functions, cheap to hash). */
export function markdownGrammars(embedded: readonly string[] = EMBEDDED): (() => Promise<LanguageRegistration[]>)[] {
	return NARROWED.map((name) => () => narrowed(name, embedded));
}
