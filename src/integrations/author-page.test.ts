import type { AstroIntegration } from 'astro';
import { describe, expect, it, vi } from 'vitest';
import authorPage, { AUTHOR_PAGE } from './author-page.ts';

type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;

function routesFor(command: 'dev' | 'build' | 'preview' | 'sync') {
	const injectRoute = vi.fn<(route: { pattern: string }) => void>();
	const setup = authorPage().hooks['astro:config:setup'] as Setup;
	void setup({ command, injectRoute } as unknown as Parameters<Setup>[0]);
	return injectRoute.mock.calls.map(([route]) => route.pattern);
}

describe('the author page', () => {
	it('exists while `astro dev` runs', () => {
		expect(routesFor('dev')).toEqual([AUTHOR_PAGE.pattern]);
	});

	it('never reaches the production build, which would show every answer', () => {
		expect(routesFor('build')).toEqual([]);
		expect(routesFor('preview')).toEqual([]);
	});
});
