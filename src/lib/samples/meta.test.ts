import { describe, expect, it } from 'vitest';

import { parseMeta, readFenceInfo } from './meta.ts';

describe('parseMeta', () => {
	it('reads flags, quoted values in either quote, and bare values', () => {
		expect(parseMeta('title="views.py" prints context=sync match=\'a "b"\'').attributes).toEqual([
			{ key: 'title', value: 'views.py' },
			{ key: 'prints', value: null },
			{ key: 'context', value: 'sync' },
			{ key: 'match', value: 'a "b"' },
		]);
	});

	it('keeps the other quote inside a value', () => {
		const { attributes } = parseMeta(`raises="TypeError" match="can't be used in 'await' expression"`);
		expect(attributes[1]).toEqual({ key: 'match', value: "can't be used in 'await' expression" });
	});

	it('unescapes \\" and \\\\ but leaves other backslashes alone', () => {
		const { attributes } = parseMeta(String.raw`match="say \"hi\" C:\path \\"`);
		expect(attributes[0]?.value).toBe('say "hi" C:\\path \\');
	});

	it("skips Expressive Code's markers and ranges", () => {
		const { attributes, errors } = parseMeta('{1,3-4} "marked" /re?gex/ ins={5} frame="terminal" runs');
		expect(errors).toEqual([]);
		expect(attributes.map((a) => a.key)).toEqual(['ins', 'frame', 'runs']);
	});

	it('reports an unterminated quote', () => {
		expect(parseMeta('raises="TypeError').errors[0]).toMatch(/unterminated "/);
	});

	it('copes with no meta at all', () => {
		expect(parseMeta(null)).toEqual({ attributes: [], errors: [] });
	});
});

describe('readFenceInfo', () => {
	it('reads raises with match (async by default)', () => {
		expect(
			readFenceInfo('title="views.py" raises="SynchronousOnlyOperation" match="async context"').annotation,
		).toEqual({
			outcome: 'raises',
			raises: 'SynchronousOnlyOperation',
			match: 'async context',
			context: 'async',
		});
	});

	it('reads prints, runs and norun, and context="sync"', () => {
		expect(readFenceInfo('prints').annotation).toEqual({ outcome: 'prints', context: 'async' });
		expect(readFenceInfo('runs context="sync"').annotation).toEqual({ outcome: 'runs', context: 'sync' });
		expect(readFenceInfo('norun="settings fragment, not executable"').annotation).toEqual({
			outcome: 'norun',
			reason: 'settings fragment, not executable',
		});
	});

	it('recognises output blocks and titles', () => {
		const info = readFenceInfo('title="Output" output');
		expect(info.isOutput).toBe(true);
		expect(info.title).toBe('Output');
		expect(info.annotation).toBeNull();
	});

	it('has no annotation when none of our keys is present', () => {
		const info = readFenceInfo('title="views.py" {2}');
		expect(info.annotation).toBeNull();
		expect(info.hasAnnotationKeys).toBe(false);
		expect(info.errors).toEqual([]);
	});

	it.each([
		['runs raises="TypeError"', /exactly one of/],
		['prints norun="x"', /exactly one of/],
		['raises', /needs a value/],
		['raises=""', /needs a value/],
		['norun', /needs a value/],
		['prints="3"', /takes no value/],
		['runs match="x"', /only goes with `raises`/],
		['runs context="thread"', /context must be/],
		['norun="x" context="sync"', /no effect/],
		['raise="TypeError"', /did you mean raises/],
		['print', /did you mean prints/],
		['runs runs', /given twice/],
		['output runs', /output.*cannot/],
		['returns="1"', /YAML/],
	])('rejects %s', (meta, message) => {
		const info = readFenceInfo(meta);
		expect(info.annotation).toBeNull();
		expect(info.errors.join('\n')).toMatch(message);
	});
});
