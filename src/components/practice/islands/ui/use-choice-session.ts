/**
 * The state both choice islands share (the quiz and the practice problems): a session of selected and checked
 * answers, restored from the reader's progress, and the check that records an answer and moves focus to its
 * feedback (with the reader's confidence, which schedules its review). One hook, so the two islands cannot drift apart and ship the logic once.
 */
import { useState } from 'preact/hooks';
import type { CompiledQuestion } from '~/lib/practice/compiled.ts';
import { choiceRecord, earlierChoices } from '~/lib/progress/answers.ts';
import { progress } from '~/lib/progress/store.ts';
import { check, restoreSession, startSession, type Session } from '~/lib/quiz/session.ts';
import type { Confidence } from '~/lib/review/confidence.ts';
import { feedbackId } from './ChoiceQuestion.tsx';
import { focusLater, useRestore } from './use-progress.ts';

export const uid = (id: string) => `aw-${id}`;

export function useChoiceSession(items: readonly CompiledQuestion[]) {
	const [session, setSession] = useState<Session>(() => startSession(items));
	/** Ids of items edited since the reader answered them. */
	const [changed, setChanged] = useState<readonly string[]>([]);

	useRestore((stored) => {
		const earlier = earlierChoices(stored, items);
		setSession(restoreSession(items, earlier.values));
		setChanged(earlier.changed);
	});

	const onCheck = (question: CompiledQuestion, confidence: Confidence) => {
		const next = check(session, question);
		const answer = next.checked[question.id];
		if (next === session || !answer || answer.choice === null) return;
		const choice = answer.choice;
		progress.update(question.id, (previous) =>
			choiceRecord(previous, question, choice, answer.correct, Date.now(), confidence),
		);
		setChanged(changed.filter((id) => id !== question.id));
		setSession(next);
		focusLater(feedbackId(uid(question.id)));
	};

	return { session, setSession, changed, onCheck };
}
