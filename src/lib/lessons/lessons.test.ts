import { describe, expect, it } from 'vitest';
import { decodeLessons, encodeLessons, lessonsFrom, nextLesson, sectionHref } from './lessons.ts';

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

describe('what follows a lesson', () => {
	const lessons = lessonsFrom(
		[
			entry('lessons/aget', 'aget', 2),
			entry('lessons/event-loop', 'Event loop', 1),
			entry('lessons/views', 'Views', 3),
		],
		'/',
	);

	it('is the next lesson in reading order', () => {
		expect(nextLesson(lessons, 'event-loop')).toEqual({ last: false, lesson: lessons[1] });
		expect(nextLesson(lessons, 'aget')).toEqual({ last: false, lesson: lessons[2] });
	});

	it('is the end of the course after the last lesson, whichever that is', () => {
		expect(nextLesson(lessons, 'views')).toEqual({ last: true });
		expect(nextLesson(lessons.slice(0, 2), 'aget')).toEqual({ last: true });
	});

	it('is nothing on a page that is not a lesson', () => {
		expect(nextLesson(lessons, 'guide/authoring')).toBeUndefined();
	});
});

describe('encodeLessons', () => {
	it('round-trips the lessons in order, deriving each href from the lessons path', () => {
		const list = [
			{ slug: 'event-loop', title: 'Why the ORM cares about the event loop', href: '/base/lessons/event-loop/' },
			{ slug: 'aget', title: 'aget and\tfriends', href: '/base/lessons/aget/' },
		];
		expect(decodeLessons(encodeLessons(list), '/base/lessons/')).toEqual([
			list[0],
			{ slug: 'aget', title: 'aget and friends', href: '/base/lessons/aget/' },
		]);
	});
});
