/** `client:afterpaint` (src/integrations/after-paint.ts) for the type checker. */
declare module 'astro' {
	interface AstroClientDirectives {
		'client:afterpaint'?: boolean;
	}
}

export {};
