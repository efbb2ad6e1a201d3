/** Small helpers the review and progress islands share. */
import type { ReviewItem } from '~/lib/review/queue.ts';
import { decodeLessons } from '~/lib/lessons/lessons.ts';

/** A lesson (or another page with practice) as the islands link to it. */
export interface LessonLink {
	slug: string;
	title: string;
	href: string;
}

/** Where an item is taught: its lesson, and the section when the item names one. */
export function lessonLink(lessons: readonly LessonLink[], item: Pick<ReviewItem, 'lesson' | 'section'>) {
	const lesson = lessons.find((entry) => entry.slug === item.lesson) ?? {
		slug: item.lesson,
		title: item.lesson,
		href: '',
	};
	return { ...lesson, sectionHref: item.section ? `${lesson.href}#${item.section}` : lesson.href };
}

/** The lessons (`encodeLessons`), then the other pages with practice: every page an item can link to. */
export const linksOf = (lessons: string, lessonsHref: string, pages: readonly LessonLink[]): LessonLink[] => [
	...decodeLessons(lessons, lessonsHref),
	...pages,
];

/** The event the due count in the header listens to, so it follows reviews made on this page. */
export const PROGRESS_EVENT = 'awaitable:progress';
export const announceProgress = () => window.dispatchEvent(new Event(PROGRESS_EVENT));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "now", "in 10 minutes", "in 3 hours", "tomorrow", "in 8 days" (never "in 60 minutes" or "in 24 hours"). */
export function inWords(at: number, now: number): string {
	const wait = at - now;
	if (wait <= 0) return 'now';
	const minutes = Math.max(1, Math.round(wait / MINUTE));
	if (minutes < 60) return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
	const hours = Math.round(wait / HOUR);
	if (hours < 24) return `in ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
	const days = Math.round(wait / DAY);
	return days === 1 ? 'tomorrow' : `in ${days} days`;
}

/** Moves focus to the element with this id once the render a reader's action caused is done. */
export const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** A misconception tag as words: `await-queryset` → "await queryset", `asave-in-4-1` → "asave in 4-1". */
export const tagWords = (tag: string) => tag.replace(/(?<!\d)-|-(?!\d)/g, ' ');
