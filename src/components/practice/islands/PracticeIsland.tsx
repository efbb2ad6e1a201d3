/**
 * Practice problems: a counter ("1/5"), the difficulty, the options, a hint on request, then after checking
 * the solution steps, the final answer, a quick check and the common mistakes.
 */
import { useState } from 'preact/hooks';
import type { CompiledProblem } from '~/lib/practice/compiled.ts';
import { htmlKey as k } from '~/lib/practice/slim.ts';
import { choiceRecord, earlierChoices } from '~/lib/progress/answers.ts';
import { progress } from '~/lib/progress/store.ts';
import { check, restoreSession, retryOne, score, select, startSession, type Session } from '~/lib/quiz/session.ts';
import { ChoiceQuestion, feedbackId, firstOptionId } from './ui/ChoiceQuestion.tsx';
import { Html } from './ui/Html.tsx';
import { focusLater, useRestore } from './ui/use-progress.ts';

export interface PracticeIslandProps {
	setId: string;
	items: CompiledProblem[];
}

function Solution({ problem }: { problem: CompiledProblem }) {
	return (
		<>
			<p class="aw-subhead">Solution, step by step</p>
			<ol class="aw-steps">
				{problem.stepsHtml.map((step, index) => (
					<li key={index}>
						<Html k={k(problem.id, 'stepsHtml', index)} html={step} />
					</li>
				))}
			</ol>
			<p class="aw-subhead">Final answer</p>
			<Html k={k(problem.id, 'answerHtml')} html={problem.answerHtml} />
			<p class="aw-subhead">Quick check</p>
			<Html k={k(problem.id, 'checkHtml')} html={problem.checkHtml} />
			<p class="aw-subhead">Common mistakes</p>
			<ul class="aw-mistakes">
				{problem.mistakesHtml.map((mistake, index) => (
					<li key={index}>
						<Html k={k(problem.id, 'mistakesHtml', index)} html={mistake} />
					</li>
				))}
			</ul>
		</>
	);
}

export default function PracticeIsland({ setId, items }: PracticeIslandProps) {
	const [session, setSession] = useState<Session>(() => startSession(items));
	const [changed, setChanged] = useState<readonly string[]>([]);

	useRestore((stored) => {
		const earlier = earlierChoices(stored, items);
		setSession(restoreSession(items, earlier.values));
		setChanged(earlier.changed);
	});

	const onCheck = (problem: CompiledProblem) => {
		const next = check(session, problem);
		const answer = next.checked[problem.id];
		if (next === session || !answer || answer.choice === null) return;
		const choice = answer.choice;
		progress.update(problem.id, (previous) => choiceRecord(previous, problem, choice, answer.correct, Date.now()));
		setChanged(changed.filter((id) => id !== problem.id));
		setSession(next);
		focusLater(feedbackId(`aw-${problem.id}`));
	};

	const { correct, total } = score(session, items);

	return (
		<div class="aw-widget aw-practice" data-set={setId}>
			<p class="aw-status aw-js-space" aria-live="polite">
				Solved {correct} of {total}.
			</p>
			<ol class="aw-list">
				{items.map((problem, index) => (
					<li key={problem.id} class="aw-list__item">
						<ChoiceQuestion
							question={problem}
							uid={`aw-${problem.id}`}
							label={`Problem ${index + 1}/${items.length}`}
							selected={session.selected[problem.id]}
							checked={session.checked[problem.id]}
							changed={changed.includes(problem.id)}
							onSelect={(choice) => setSession(select(session, problem.id, choice))}
							onCheck={() => onCheck(problem)}
							onRetry={() => {
								setSession(retryOne(session, problem.id));
								focusLater(firstOptionId(`aw-${problem.id}`));
							}}
							reveal="Show the solution"
							hintHtml={problem.hintHtml}
							before={<Solution problem={problem} />}
							explain={false}
						/>
					</li>
				))}
			</ol>
		</div>
	);
}
