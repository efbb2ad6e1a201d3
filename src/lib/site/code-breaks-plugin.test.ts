import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { codeBreaksPlugin, splitAtBreaks } from './code-breaks-plugin.ts';

describe('splitAtBreaks', () => {
	it('breaks after dots, opening brackets and commas, never inside a name', () => {
		expect(splitAtBreaks('Post.objects.filter(author__name="Bob").values_list("title", flat=True)')).toEqual([
			'Post.',
			'objects.',
			'filter(',
			'author__name="Bob").',
			'values_list(',
			'"title", flat=True)',
		]);
	});

	it('leaves code without break points whole', () => {
		expect(splitAtBreaks('DJANGO_ALLOW_ASYNC_UNSAFE')).toEqual(['DJANGO_ALLOW_ASYNC_UNSAFE']);
		expect(splitAtBreaks('aget()')).toEqual(['aget()']);
	});

	it('keeps an ellipsis whole, with the bracket before it', () => {
		// At 1280 px a table cell showed `aget(..` | `.)`.
		expect(splitAtBreaks('await Post.objects.aget(...)')).toEqual(['await Post.', 'objects.', 'aget(...)']);
		expect(splitAtBreaks('qs.filter(...).first()')).toEqual(['qs.', 'filter(...).', 'first()']);
	});

	it('does not break after a leading dot', () => {
		// A table cell showed `.` | `first()`.
		expect(splitAtBreaks('.first()')).toEqual(['.first()']);
		expect(splitAtBreaks('x = .5')).toEqual(['x = .5']);
	});
});

describe('codeBreaksPlugin', () => {
	const render = async (markdown: string) =>
		(await markdownToHtml(markdown, { hastPlugins: [codeBreaksPlugin()] })).html;

	it('breaks inline code wherever it sits, and leaves code blocks whole, with or without a language', async () => {
		const html = await render(
			[
				'Call `Post.objects.aget(pk=1)`, not `aget` or `x,y`.',
				'',
				'| Call | Returns |',
				'| --- | --- |',
				'| `qs.first()` | **`obj.pk`** |',
				'',
				'```python',
				'post = await Post.objects.aget(pk=1)',
				'```',
				'',
				'```',
				'qs.filter(a=1).first()',
				'```',
			].join('\n'),
		);
		expect(html).toContain('<code>Post.<wbr>objects.<wbr>aget(<wbr>pk=1)</code>');
		expect(html).toContain('<code>aget</code>');
		expect(html).toContain('<code>x,<wbr>y</code>');
		expect(html).toContain('<td><code>qs.<wbr>first()</code></td>');
		expect(html).toContain('<strong><code>obj.<wbr>pk</code></strong>');
		expect(html).toContain('<code class="language-python">post = await Post.objects.aget(pk=1)\n</code>');
		expect(html).toContain('<pre><code>qs.filter(a=1).first()\n</code></pre>');
	});
});
