import { describe, expect, it } from 'vitest';
import { lessonsFrom, sectionHref } from './lessons.ts';

const entry = (id: string, title: string, order?: number) => ({ id, data: { title, sidebar: { order } } });

describe('the lesson list', () => {
	const entries = [
		entry('index', 'Home'),
		entry('lessons/aget', 'aget', 2),
		entry('guide/authoring', 'Authoring guide'),
		entry('lessons/event-loop', 'Event loop', 1),
		entry('lessons/zzz', 'Unordered'),
		entry('lessons/nested/page', 'Nested', 0),
	];

	it('keeps lesson pages only, in sidebar order, unordered ones last', () => {
		expect(lessonsFrom(entries, '/').map((lesson) => lesson.slug)).toEqual(['event-loop', 'aget', 'zzz']);
	});

	it('links to each lesson under the base path', () => {
		expect(lessonsFrom(entries, '/awaitable/')[0]).toEqual({
			slug: 'event-loop',
			title: 'Event loop',
			href: '/awaitable/lessons/event-loop/',
		});
	});

	it('links to a section of a lesson, or to the lesson without one', () => {
		const lesson = { slug: 'aget', title: 'aget', href: '/lessons/aget/' };
		expect(sectionHref(lesson, 'does-not-exist')).toBe('/lessons/aget/#does-not-exist');
		expect(sectionHref(lesson, undefined)).toBe('/lessons/aget/');
	});
});
