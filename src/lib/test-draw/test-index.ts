/**
 * The test page's compact index of the question pool, as one string: the page carries it instead of the
 * questions, so its HTML stays small whatever the course's size (2,500 questions are about 5 KB gzip). One
 * line per lesson, `lesson<TAB>e:ids<TAB>m:ids<TAB>h:ids`; an id that starts with `lesson-` is written without
 * that prefix, any other id with a leading `~`. Ids are kebab-case, so tabs, commas and `~` never occur in them.
 */
import { DIFFICULTIES, type Difficulty } from '../practice/scales.ts';
import type { TestEntry } from './draw.ts';

const TAG: Record<Difficulty, string> = { easy: 'e', medium: 'm', hard: 'h' };

/** An id as a compact index writes it on its lesson's line: without the `lesson-` prefix, or after a `~`. */
export const shortId = (lesson: string, id: string) =>
	id.startsWith(`${lesson}-`) ? id.slice(lesson.length + 1) : `~${id}`;

/** The id `shortId` shortened. */
export const fullId = (lesson: string, short: string) =>
	short.startsWith('~') ? short.slice(1) : `${lesson}-${short}`;

export function encodeTestIndex(entries: readonly TestEntry[]): string {
	const byLesson = new Map<string, TestEntry[]>();
	for (const entry of entries) byLesson.set(entry.lesson, [...(byLesson.get(entry.lesson) ?? []), entry]);
	return [...byLesson]
		.map(([lesson, list]) => {
			const groups = DIFFICULTIES.map((difficulty) => {
				const ids = list.filter((entry) => entry.difficulty === difficulty).map((entry) => shortId(lesson, entry.id));
				return ids.length > 0 ? `${TAG[difficulty]}:${ids.join(',')}` : '';
			}).filter((group) => group !== '');
			return [lesson, ...groups].join('\t');
		})
		.join('\n');
}

export function decodeTestIndex(text: string): TestEntry[] {
	const entries: TestEntry[] = [];
	for (const line of text.split('\n')) {
		const [lesson, ...groups] = line.split('\t');
		if (!lesson) continue;
		for (const group of groups) {
			const difficulty = DIFFICULTIES.find((name) => TAG[name] === group[0]);
			if (!difficulty || group[1] !== ':') continue;
			for (const short of group.slice(2).split(',')) {
				if (short === '') continue;
				entries.push({ id: fullId(lesson, short), difficulty, lesson });
			}
		}
	}
	return entries;
}
