// @ts-check
/*
 * Expressive Code's options (Starlight's code blocks). They live here, not in astro.config.mjs, because the
 * authoring guide uses Starlight's <Code> component, which needs options it can load on its own.
 */
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { codeBlockFocusPlugin } from './src/lib/site/code-block-focus-plugin.ts';
import { markdownGrammars } from './src/lib/site/markdown-grammars.ts';

export default defineEcConfig({
	// Every code block's <pre> focusable (so scrollable by keyboard) and named from the HTML, not only after
	// Expressive Code's script has run.
	plugins: [codeBlockFocusPlugin()],
	// The Markdown and MDX grammars without the ~70 embedded languages the site's md/mdx blocks don't use, which
	// would all be loaded and compiled for the authoring guide's three blocks (src/lib/site/markdown-grammars.ts).
	shiki: { langs: markdownGrammars() },
});
