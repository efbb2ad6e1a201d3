/** What to read after the test: the lessons of the questions the reader missed, in the course's order. */

export function lessonsToRead(
	missed: readonly { lesson: string }[],
	/** Lesson slugs in reading order. */
	lessonOrder: readonly string[],
): string[] {
	const wanted = new Set(missed.map((question) => question.lesson));
	return lessonOrder.filter((lesson) => wanted.has(lesson));
}
