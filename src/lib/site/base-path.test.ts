import { describe, expect, test } from 'vitest';
import { isRootRelative, normalizeBase, withBase } from './base-path.ts';

describe('normalizeBase', () => {
	test.each([
		[undefined, '/'],
		['', '/'],
		['/', '/'],
		['awaitable', '/awaitable/'],
		['/awaitable', '/awaitable/'],
		['/awaitable/', '/awaitable/'],
		['//docs/awaitable//', '/docs/awaitable/'],
	])('turns %j into %j', (input, expected) => {
		expect(normalizeBase(input)).toBe(expected);
	});
});

describe('withBase', () => {
	test('leaves links alone when the site is at the domain root', () => {
		expect(withBase('/lessons/aget/', '/')).toBe('/lessons/aget/');
	});

	test('prefixes root-relative links with a sub-path base', () => {
		expect(withBase('/lessons/aget/', '/awaitable/')).toBe('/awaitable/lessons/aget/');
		expect(withBase('/lessons/aget/#aget-raises', '/awaitable')).toBe('/awaitable/lessons/aget/#aget-raises');
		expect(withBase('/', '/awaitable/')).toBe('/awaitable/');
	});

	test('is idempotent: a link that already has the base keeps it once', () => {
		const once = withBase('/test/?seed=7', '/awaitable/');
		expect(withBase(once, '/awaitable/')).toBe('/awaitable/test/?seed=7');
		expect(withBase('/awaitable', '/awaitable/')).toBe('/awaitable');
	});

	test('does not touch a path that merely starts with the same letters as the base', () => {
		expect(withBase('/awaitable-extra/', '/awaitable/')).toBe('/awaitable/awaitable-extra/');
	});

	test.each([
		'https://docs.djangoproject.com/en/5.2/',
		'//cdn.example/x.js',
		'#quiz',
		'relative/path/',
		'mailto:a@b.c',
	])('leaves %s unchanged', (href) => {
		expect(withBase(href, '/awaitable/')).toBe(href);
	});
});

test('isRootRelative tells site paths from protocol-relative URLs', () => {
	expect(isRootRelative('/lessons/')).toBe(true);
	expect(isRootRelative('//example.com/')).toBe(false);
	expect(isRootRelative('lessons/')).toBe(false);
});
