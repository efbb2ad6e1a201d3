/**
 * What the test and progress pages' islands share with the lesson islands, gathered in one object.
 *
 * Why an object: the bundler puts each module in a chunk according to which pages use it. The lesson islands
 * use all of these modules; if the test page used only some and the progress page others, the lesson page
 * would load three or four small chunks of shared code. Reaching them through one object makes both pages
 * "use" all of them, so a lesson page loads two chunks of our code (its widgets, and this shared part), the
 * test and progress pages load this shared part plus their own, and no page loads another page's widgets.
 */
import { choiceRecord } from '~/lib/progress/answers.ts';
import { progress } from '~/lib/progress/store.ts';
import { summarize } from '~/lib/progress/summary.ts';
import * as session from '~/lib/quiz/session.ts';
import { ChoiceQuestion, firstOptionId } from './ui/ChoiceQuestion.tsx';
import { findItem, loadLessonPractice } from './lesson-data.ts';
import { focusLater, useProgress } from './ui/use-progress.ts';

export const shared = {
	ChoiceQuestion,
	firstOptionId,
	loadLessonPractice,
	findItem,
	focusLater,
	useProgress,
	progress,
	summarize,
	choiceRecord,
	session,
};
