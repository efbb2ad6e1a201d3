import type { SchemaContext } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { builtOnce } from './docs-schema.ts';

type Image = SchemaContext['image'];

/** The site's docs schema, as content.config.ts defines it. */
const siteSchema = () =>
	docsSchema({ extend: z.object({ summary: z.string().optional(), hasSamples: z.boolean().default(false) }) });

/** An `image()` like the one Astro's content layer hands each entry: a transform bound to the entry's file. */
const entryImage = (file: string, delay = 0): Image =>
	(() =>
		z.string().transform(async (path, payload) => {
			if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
			if (path.includes('missing')) {
				payload.addIssue({ code: 'custom', message: `Image ${path} does not exist.`, fatal: true });
				return z.NEVER;
			}
			return `${file}:${path}`;
		})) as unknown as Image;

/** Astro's synchronous variant (content-layer builds): the same shape without awaiting anything. */
const syncImage = (file: string): Image =>
	(() => z.string().transform((path) => `${file}:${path}`)) as unknown as Image;

const pages: Record<string, unknown>[] = [
	{ title: 'A lesson', description: 'Awaiting a query.', summary: 'aget()' },
	{ title: 'Home', template: 'splash', hero: { tagline: 'Hi', image: { file: '../assets/logo.svg', alt: 'Logo' } } },
	{ title: 'Themes', hero: { image: { dark: './dark.png', light: './light.png' } } },
	{ title: 'Raw', hero: { image: { html: '<svg></svg>' } } },
	{ title: 'Broken', hero: { image: { file: './missing.png' } } },
	{ description: 'No title', sidebar: { order: 'first' } },
	{ title: 'Head', head: [{ tag: 'meta', attrs: { name: 'x', content: 'y' } }], tableOfContents: false },
];

/** What a parse gives, in a form `toEqual` compares fully (issues without zod's internal fields). */
async function outcome(schema: z.ZodType, data: unknown) {
	const result = await schema.safeParseAsync(data);
	return result.success
		? { data: result.data }
		: { issues: result.error.issues.map(({ code, path, message }) => ({ code, path, message })) };
}

describe('builtOnce', () => {
	it('validates every page to the same data and the same errors as the schema built for each page', async () => {
		const once = builtOnce(siteSchema());
		for (const [index, page] of pages.entries()) {
			for (const image of [entryImage(`page${index}.mdx`), syncImage(`page${index}.mdx`)]) {
				expect(await outcome(once({ image }), page)).toEqual(await outcome(siteSchema()({ image }), page));
			}
		}
		// The images were resolved, not passed through: the comparison above saw them.
		expect(await outcome(once({ image: syncImage('home.mdx') }), pages[1])).toMatchObject({
			data: { hero: { image: { file: 'home.mdx:../assets/logo.svg' } } },
		});
	});

	it('builds the schema once for every page', () => {
		let builds = 0;
		const once = builtOnce((context: SchemaContext) => (builds++, siteSchema()(context)));
		for (let index = 0; index < 50; index++) once({ image: syncImage(`page${index}.mdx`) });
		expect(builds).toBe(1);
	});

	it('resolves each page’s images with that page’s own image(), also while parses overlap', async () => {
		const once = builtOnce(siteSchema());
		const page = (index: number) => ({ title: `P${index}`, hero: { image: { file: `./p${index}.png` } } });
		// Astro validates ten pages at a time; the first page's image resolves last.
		const results = await Promise.all(
			[0, 1, 2, 3].map((index) => once({ image: entryImage(`p${index}.mdx`, 20 - index * 5) }).parseAsync(page(index))),
		);
		expect(results.map((data) => (data as { hero: { image: { file: string } } }).hero.image.file)).toEqual([
			'p0.mdx:./p0.png',
			'p1.mdx:./p1.png',
			'p2.mdx:./p2.png',
			'p3.mdx:./p3.png',
		]);
	});

	it('gives the editors’ JSON schema (Astro’s call with a plain string image()) the usual image fields', () => {
		const image = (() => z.string()) as unknown as Image;
		const once = builtOnce(siteSchema());
		once({ image: syncImage('page.mdx') });
		expect(z.toJSONSchema(once({ image }), { unrepresentable: 'any' })).toEqual(
			z.toJSONSchema(siteSchema()({ image }), { unrepresentable: 'any' }),
		);
	});

	it('relies on Astro validating an entry with a method of the schema it got, which the wrapper runs in the entry’s context', async () => {
		// If Astro ever validates some other way (zod's top-level `z.safeParseAsync(schema, …)`), a page's image()
		// would be asked for outside the entry's call: this fails first, pointing here.
		const { readFile } = await import('node:fs/promises');
		const source = await readFile('node_modules/astro/dist/content/utils.js', 'utf8');
		const calls = [...source.matchAll(/\bschema\.(safeParseAsync|safeParse|parseAsync|parse)\(data\b/g)].map(
			(m) => m[1],
		);
		expect(calls).toEqual(['safeParseAsync']);
	});
});
