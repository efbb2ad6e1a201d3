import { describe, expect, it } from 'vitest';
import { splitAtBreaks } from './code-breaks-plugin.ts';

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
