/**
 * Practice problems: a counter ("1/5"), the difficulty, the options, a hint on request, then after checking
 * the solution steps, the final answer, a quick check and the common mistakes.
 */
import type { CompiledProblem } from '~/lib/practice/compiled.ts';
import { retryOne, score, select } from '~/lib/quiz/session.ts';
import { ChoiceQuestion, firstOptionId } from './ui/ChoiceQuestion.tsx';
import { Html } from './ui/Html.tsx';
import { uid, useChoiceSession } from './ui/use-choice-session.ts';
import { focusLater } from './ui/use-progress.ts';

export interface PracticeIslandProps {
	setId: string;
	items: CompiledProblem[];
	/** Server-rendered for a page's HTML, before the island has the set's data: not interactive yet. */
	pending?: boolean;
}

function Solution({ problem }: { problem: CompiledProblem }) {
	return (
		<>
			<p class="aw-subhead">Solution, step by step</p>
			<ol class="aw-steps">
				{problem.stepsHtml.map((step, index) => (
					<li key={index}>
						<Html html={step} />
					</li>
				))}
			</ol>
			<p class="aw-subhead">Final answer</p>
			<Html html={problem.answerHtml} />
			<p class="aw-subhead">Quick check</p>
			<Html html={problem.checkHtml} />
			<p class="aw-subhead">Common mistakes</p>
			<ul class="aw-mistakes">
				{problem.mistakesHtml.map((mistake, index) => (
					<li key={index}>
						<Html html={mistake} />
					</li>
				))}
			</ul>
		</>
	);
}

export default function PracticeIsland({ setId, items, pending = false }: PracticeIslandProps) {
	const { session, setSession, changed, onCheck } = useChoiceSession(items);

	const { correct, total } = score(session, items);

	return (
		<div class="aw-widget aw-practice" data-set={setId} data-pending={pending ? '' : undefined}>
			<p class="aw-status aw-js-space" aria-live="polite">
				Solved {correct} of {total}.
			</p>
			<ol class="aw-list">
				{items.map((problem, index) => (
					<li key={problem.id} class="aw-list__item">
						<ChoiceQuestion
							question={problem}
							uid={uid(problem.id)}
							label={`Problem ${index + 1} of ${items.length}`}
							selected={session.selected[problem.id]}
							checked={session.checked[problem.id]}
							changed={changed.includes(problem.id)}
							onSelect={(choice) => setSession(select(session, problem.id, choice))}
							onCheck={(confidence) => onCheck(problem, confidence)}
							onRetry={() => {
								setSession(retryOne(session, problem.id));
								focusLater(firstOptionId(uid(problem.id)));
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
