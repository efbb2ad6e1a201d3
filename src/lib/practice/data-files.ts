/**
 * A lesson's practice data file, `/practice/<lesson>.json` (`practiceDataPath`): its text, and how it reaches the
 * output. In `astro dev` an endpoint serves it (src/components/practice/data-route.ts, injected by
 * src/integrations/practice-data.ts). A build writes it outside Astro's routing: as Astro renders a lesson's practice
 * page, the page hands the same lesson's data to the writer the integration registered (`emitPracticeData`), which
 * writes it beside the page while Astro goes on. As endpoint routes, the 500-lesson course's files cost Astro's one
 * thread 0.4 s of CPU, routed, rendered and written one by one.
 *
 * The pages run in the build's bundle and the integration outside it (two copies of this module): the writer lives
 * on `globalThis`, like `dev-sets.ts`.
 */
import type { LessonPractice } from './compiled.ts';

/** The data file's text: every set of the lesson, compiled, in the order the lesson shows them. */
export function practiceDataText({ lesson, sets }: LessonPractice): string {
	return JSON.stringify({ lesson, sets } satisfies LessonPractice);
}

/** Writes a lesson's data file (its lesson and text) into the build's output; registered by the integration. */
export type PracticeDataWriter = (lesson: string, text: string) => void;

const KEY = Symbol.for('awaitable.practice-data-writer');

/** Registers (or, with `undefined`, removes) the writer of this build's data files. */
export function setPracticeDataWriter(writer: PracticeDataWriter | undefined): void {
	(globalThis as { [KEY]?: PracticeDataWriter | undefined })[KEY] = writer;
}

/**
 * In a build, hands a lesson's data to the writer (a lesson's practice page calls this as it renders). A build
 * without the writer would publish practice pages whose islands fetch a file that is not there: it stops.
 */
export function emitPracticeData(practice: LessonPractice): void {
	const write = (globalThis as { [KEY]?: PracticeDataWriter })[KEY];
	if (!write) {
		throw new Error(
			`No writer for the practice data file of "${practice.lesson}": add the awaitable:practice-data integration (src/integrations/practice-data.ts) to astro.config.mjs.`,
		);
	}
	write(practice.lesson, practiceDataText(practice));
}
