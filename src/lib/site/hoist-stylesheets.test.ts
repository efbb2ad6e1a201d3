import { describe, expect, test } from 'vitest';
import { hoistStylesheets, inlineStylesheets } from './hoist-stylesheets.ts';

describe('hoistStylesheets', () => {
	test('moves a stylesheet linked in the body to the end of the head, once', () => {
		const html =
			'<html><head><title>t</title></head><body><p>a</p><link rel="stylesheet" href="/_astro/ec.css"><pre>x</pre><link rel="stylesheet" href="/_astro/ec.css"></body></html>';
		expect(hoistStylesheets(html)).toBe(
			'<html><head><title>t</title><link rel="stylesheet" href="/_astro/ec.css"></head><body><p>a</p><pre>x</pre></body></html>',
		);
	});

	test('leaves a page alone when its stylesheets are already in the head', () => {
		const html = '<html><head><link rel="stylesheet" href="/a.css" media="print"></head><body><p>a</p></body></html>';
		expect(hoistStylesheets(html)).toBe(html);
	});

	test('drops a body link the head already has', () => {
		const html = '<head><link rel="stylesheet" href="/a.css"></head><body><link rel="stylesheet" href="/a.css"></body>';
		expect(hoistStylesheets(html)).toBe('<head><link rel="stylesheet" href="/a.css"></head><body></body>');
	});
});

describe('inlineStylesheets', () => {
	const files: Record<string, string> = { '/_astro/ec.css': '.ec{color:red}' };
	const read = (href: string) => files[href];

	test("replaces a stylesheet link with a style element of the file's text", () => {
		expect(inlineStylesheets('<head><link rel="stylesheet" href="/_astro/ec.css"></head>', read)).toBe(
			'<head><style>.ec{color:red}</style></head>',
		);
	});

	test('inlines a print stylesheet with its medium', () => {
		const files: Record<string, string> = { '/_astro/print.css': 'nav{display:none}' };
		expect(
			inlineStylesheets(
				'<head><link rel="stylesheet" href="/_astro/print.css" media="print"></head>',
				(href) => files[href],
			),
		).toBe('<head><style media="print">nav{display:none}</style></head>');
	});

	test('leaves an unknown file and a file that would end the style element alone', () => {
		const html =
			'<head><link rel="stylesheet" href="/x.css" media="print"><link rel="stylesheet" href="/y.css"></head>';
		expect(inlineStylesheets(html, read)).toBe(html);
		const closing = '<link rel="stylesheet" href="/c.css">';
		expect(inlineStylesheets(closing, () => 'a::after{content:"</style>"}')).toBe(closing);
	});
});
