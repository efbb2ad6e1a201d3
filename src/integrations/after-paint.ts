/**
 * Registers `client:afterpaint` (src/lib/site/after-paint-directive.ts): islands that hydrate at load, after the
 * page's first paint. Why: src/lib/site/after-paint.ts.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export default function afterPaint(): AstroIntegration {
	return {
		name: 'awaitable:after-paint',
		hooks: {
			'astro:config:setup': ({ addClientDirective }) => {
				addClientDirective({
					name: 'afterpaint',
					entrypoint: fileURLToPath(new URL('../lib/site/after-paint-directive.ts', import.meta.url)),
				});
			},
		},
	};
}
