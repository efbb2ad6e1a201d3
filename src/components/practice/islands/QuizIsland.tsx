/**
 * The quiz: every question on the page, checked one by one with immediate feedback, a running score, and at
 * the end the score with a retry of the wrong questions only.
 */
import type { CompiledQuestion } from '~/lib/practice/compiled.ts';
import { isFinished, retryWrong, score, select, wrongIds, type Session } from '~/lib/quiz/session.ts';
import { ChoiceQuestion, firstOptionId } from './ui/ChoiceQuestion.tsx';
import { uid, useChoiceSession } from './ui/use-choice-session.ts';
import { focusLater } from './ui/use-progress.ts';

export interface QuizIslandProps {
	/** The set id, such as `aget/quiz`. */
	setId: string;
	items: CompiledQuestion[];
	/** Server-rendered for a page's HTML, before the island has the set's data: not interactive yet. */
	pending?: boolean;
}

export default function QuizIsland({ setId, items, pending = false }: QuizIslandProps) {
	const { session, setSession, changed, onCheck } = useChoiceSession(items);

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
		<div class="aw-widget aw-quiz" data-set={setId} data-pending={pending ? '' : undefined}>
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
									onCheck={(confidence) => onCheck(question, confidence)}
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
