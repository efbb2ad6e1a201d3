/**
 * The quiz: every question on the page, checked one by one with immediate feedback, a running score, and at
 * the end the score with a retry of the wrong questions only.
 */
import { useState } from 'preact/hooks';
import type { CompiledQuestion } from '~/lib/practice/compiled.ts';
import { choiceRecord, earlierChoices } from '~/lib/progress/answers.ts';
import { progress } from '~/lib/progress/store.ts';
import {
	check,
	isFinished,
	restoreSession,
	retryWrong,
	score,
	select,
	startSession,
	wrongIds,
	type Session,
} from '~/lib/quiz/session.ts';
import { ChoiceQuestion, feedbackId, firstOptionId } from './ui/ChoiceQuestion.tsx';
import { focusLater, useRestore } from './ui/use-progress.ts';

const uid = (id: string) => `aw-${id}`;

export interface QuizIslandProps {
	/** The set id, such as `aget/quiz`. */
	setId: string;
	items: CompiledQuestion[];
}

export default function QuizIsland({ setId, items }: QuizIslandProps) {
	const [session, setSession] = useState<Session>(() => startSession(items));
	const [changed, setChanged] = useState<readonly string[]>([]);

	useRestore((stored) => {
		const earlier = earlierChoices(stored, items);
		setSession(restoreSession(items, earlier.values));
		setChanged(earlier.changed);
	});

	const onCheck = (question: CompiledQuestion) => {
		const next = check(session, question);
		const answer = next.checked[question.id];
		if (next === session || !answer || answer.choice === null) return;
		const choice = answer.choice;
		progress.update(question.id, (previous) => choiceRecord(previous, question, choice, answer.correct, Date.now()));
		setChanged(changed.filter((id) => id !== question.id));
		setSession(next);
		focusLater(feedbackId(uid(question.id)));
	};

	const newRound = (next: Session) => {
		setSession(next);
		const first = next.round[0];
		if (first) focusLater(firstOptionId(uid(first)));
	};

	const { correct, answered, total } = score(session, items);
	const finished = isFinished(session);
	const wrong = wrongIds(session, items);
	const round = new Set(session.round);

	return (
		<div class="aw-widget aw-quiz" data-set={setId}>
			<p class="aw-status aw-js-space" aria-live="polite">
				{finished
					? `Finished: you scored ${correct} of ${total}.`
					: `Score: ${correct} of ${total} (${answered} answered).`}
			</p>
			{session.round.length < items.length && (
				<p class="aw-note">
					Retrying the {session.round.length} question{session.round.length === 1 ? '' : 's'} you got wrong.
				</p>
			)}
			<ol class="aw-list">
				{items.map(
					(question, index) =>
						round.has(question.id) && (
							<li key={`${question.id}-${session.attempt}`} class="aw-list__item">
								<ChoiceQuestion
									question={question}
									uid={uid(question.id)}
									label={`Question ${index + 1} of ${items.length}`}
									selected={session.selected[question.id]}
									checked={session.checked[question.id]}
									changed={changed.includes(question.id)}
									onSelect={(choice) => setSession(select(session, question.id, choice))}
									onCheck={() => onCheck(question)}
									reveal="Show the answer and explanations"
									explain
								/>
							</li>
						),
				)}
			</ol>
			{finished && (
				<div class="aw-result">
					<p class="aw-result__score">
						You scored {correct} of {total}.
					</p>
					{wrong.length > 0 && (
						<div class="aw-actions">
							<button type="button" class="aw-button" onClick={() => newRound(retryWrong(session, items))}>
								Retry the {wrong.length} wrong question{wrong.length === 1 ? '' : 's'}
							</button>
						</div>
					)}
				</div>
			)}
		</div>
	);
}
