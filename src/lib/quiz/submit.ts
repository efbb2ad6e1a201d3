/**
 * The test's "Submit": every question of the round checked at once. Apart from the session (`session.ts`),
 * which the lesson islands load too, because only the test page uses it.
 */
import { isCorrect, type Scorable, type Session } from './session.ts';

/** Checks every question of the round at once; unanswered ones count as wrong. */
export function checkAll(session: Session, questions: readonly Scorable[]): Session {
	const checked = { ...session.checked };
	for (const question of questions) {
		if (!session.round.includes(question.id) || checked[question.id]) continue;
		const choice = session.selected[question.id] ?? null;
		checked[question.id] = { choice, correct: isCorrect(question, choice) };
	}
	return { ...session, checked };
}
