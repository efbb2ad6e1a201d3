/**
 * Adds the `/author/` page (src/components/author/AuthorPage.astro) while `astro dev` runs, and only then:
 * it shows every answer, so it never reaches the production build.
 */
import type { AstroIntegration } from 'astro';

export const AUTHOR_PAGE = { pattern: '/author', entrypoint: './src/components/author/AuthorPage.astro' };

export default function authorPage(): AstroIntegration {
	return {
		name: 'awaitable:author-page',
		hooks: {
			'astro:config:setup': ({ command, injectRoute }) => {
				if (command === 'dev') injectRoute({ ...AUTHOR_PAGE, prerender: true });
			},
		},
	};
}
