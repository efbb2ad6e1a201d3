/**
 * Renders through Astro's own container, with the Preact renderer the site uses, and counts how often a component
 * runs: once when tagged. If an Astro or `@astrojs/preact` upgrade stops reading the tag, the untagged count
 * (twice: the renderer's check, then the render) is what a tagged component gets too, and this fails.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import preactRenderer from '@astrojs/preact/server.js';
import { createComponent, render, renderComponent } from 'astro/runtime/server/index.js';
import { describe, expect, it } from 'vitest';
import { tagPreactComponents } from './preact-renderer.ts';

/** A Preact component that counts its renders, and an Astro page that renders it once. */
function counted() {
	const counter = { renders: 0 };
	function Counted({ text }: { text: string }) {
		counter.renders++;
		return <p>{text}</p>;
	}
	const page = createComponent(
		(result: unknown) => render`${renderComponent(result as never, 'Counted', Counted, { text: 'Hello' })}`,
	);
	return { counter, Counted, page };
}

async function renderPage(page: ReturnType<typeof counted>['page']): Promise<string> {
	const container = await AstroContainer.create();
	container.addServerRenderer({ name: '@astrojs/preact', renderer: preactRenderer });
	return container.renderToString(page);
}

describe('tagging a Preact component for Astro', () => {
	it('renders an untagged component twice (the renderer checks by rendering), which is why tagging pays', async () => {
		const { counter, page } = counted();
		expect(await renderPage(page)).toContain('<p>Hello</p>');
		expect(counter.renders).toBe(2);
	});

	it('renders a tagged component once, with the same HTML', async () => {
		const { counter, Counted, page } = counted();
		tagPreactComponents(Counted);
		expect(await renderPage(page)).toContain('<p>Hello</p>');
		expect(counter.renders).toBe(1);
	});

	it('leaves a component tagged before as it is', () => {
		const { Counted } = counted();
		tagPreactComponents(Counted);
		expect(() => tagPreactComponents(Counted)).not.toThrow();
	});
});
