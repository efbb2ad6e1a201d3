import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { hasPythonSamples, withoutBodies } from './docs-loader.ts';

describe('hasPythonSamples', () => {
	it('finds a py or python code block', () => {
		expect(hasPythonSamples('Text\n\n```python\nawait Post.objects.aget(pk=1)\n```\n')).toBe(true);
		expect(hasPythonSamples('```py title="views.py" run=async\nx = 1\n```')).toBe(true);
	});

	it('does not count other languages, pycon sessions or Python named in prose', () => {
		expect(hasPythonSamples('```sh\npython manage.py runserver\n```')).toBe(false);
		expect(hasPythonSamples('```pycon\n>>> 1\n```')).toBe(false);
		expect(hasPythonSamples('Write it in Python: `py` files.')).toBe(false);
		expect(hasPythonSamples('')).toBe(false);
	});
});

/** Runs `loader` against a store that records what it is given; returns the stored entries. */
async function load(loader: Loader) {
	const stored: Parameters<LoaderContext['store']['set']>[0][] = [];
	const store = { set: (entry: (typeof stored)[number]) => (stored.push(entry), true), get: () => undefined };
	await loader.load({ collection: 'docs', store } as unknown as LoaderContext);
	return stored;
}

const pages: Loader = {
	name: 'pages',
	load: async ({ store }) => {
		store.set({ id: 'lessons/aget', data: { title: 'aget' }, body: '```python\nawait x\n```', digest: 'a' });
		store.set({ id: 'index', data: { title: 'Home' }, body: 'Welcome.', digest: 'b' });
	},
};

describe('withoutBodies', () => {
	it('stores every entry without its text and flags the ones with Python samples', async () => {
		expect(await load(withoutBodies(pages))).toEqual([
			{ id: 'lessons/aget', data: { title: 'aget', hasSamples: true }, digest: 'a' },
			{ id: 'index', data: { title: 'Home', hasSamples: false }, digest: 'b' },
		]);
	});

	it('keeps the wrapped loader’s name and reaches the rest of the store unchanged', async () => {
		const wrapped = withoutBodies(pages);
		expect(wrapped.name).toBe('pages');
		let got: unknown = 'not read';
		await withoutBodies({ name: 'reader', load: async ({ store }) => void (got = store.get('x')) }).load({
			store: { get: (id: string) => `entry ${id}`, set: () => true },
		} as unknown as LoaderContext);
		expect(got).toBe('entry x');
	});
});
