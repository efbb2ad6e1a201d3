/** The ids a view moves focus to: the feedback after checking, the first option when answering again. */
export const feedbackId = (uid: string) => `${uid}-feedback`;
export const firstOptionId = (uid: string) => `${uid}-option-0`;

/**
 * One single-answer question: the quiz's, a practice problem's or the test's. Server-rendered unanswered, with
 * the answer and every option's explanation in a closed `<details>`; after checking, the chosen option's
 * feedback appears (and takes focus) and the details open.
 */
import type { ComponentChildren } from 'preact';
import type { CompiledQuestion, Html as HtmlString } from '~/lib/practice/compiled.ts';
import type { Checked } from '~/lib/quiz/session.ts';
import { confidenceKeys, type Confidence } from '~/lib/review/confidence.ts';
import { ConfidenceCheck } from './Confidence.tsx';
import { Html } from './Html.tsx';
import { Tag, Verdict } from './Tag.tsx';

export interface ChoiceQuestionProps {
	question: CompiledQuestion;
	/** Prefix for element ids and the radio group's name; unique on the page. */
	uid: string;
	/** "Question 2 of 6", "Problem 1 of 5". */
	label: string;
	selected: number | undefined;
	checked: Checked | undefined;
	/** The reader answered an earlier version of this question. */
	changed: boolean;
	onSelect: (choice: number) => void;
	/**
	 * Shows the check: Guess / Unsure / Sure buttons, also the keys G, U, S once an option is selected. The test
	 * has none (it checks everything on submit).
	 */
	onCheck?: (confidence: Confidence) => void;
	/** Shows a "Try again" button after a wrong answer. */
	onRetry?: () => void;
	/** Summary of the closed answer section, such as "Show the answer and explanations". */
	reveal: string;
	hintHtml?: HtmlString;
	/** Shown in the answer section before the options' explanations (a problem's solution). */
	before?: ComponentChildren;
	/** Shown in the answer section after the options' explanations (a link to the lesson). */
	after?: ComponentChildren;
	/** Show the question's overall explanation in the answer section. */
	explain: boolean;
}

export function ChoiceQuestion(props: ChoiceQuestionProps) {
	const { question, uid, checked, selected } = props;
	const answered = checked !== undefined;
	const chosen = checked?.choice ?? null;
	const chosenFeedback = chosen === null ? undefined : question.choices[chosen]?.feedbackHtml;
	const promptId = `${uid}-prompt`;
	const { onCheck } = props;
	const checkable = onCheck && !answered;

	return (
		<div
			class="aw-q"
			data-state={answered ? (checked.correct ? 'right' : 'wrong') : 'open'}
			onKeyDown={confidenceKeys(checkable && selected !== undefined && onCheck)}
		>
			<fieldset class="aw-q__fieldset" aria-describedby={promptId}>
				<legend class="aw-q__legend">
					<span class="aw-q__label">{props.label}</span> <Tag value={question.difficulty} kind="Difficulty" />
				</legend>
				{props.changed && !answered && (
					<p class="aw-note">This question changed since you answered it, so it counts as not done.</p>
				)}
				<Html html={question.promptHtml} id={promptId} class="aw-md aw-q__prompt" />
				<div class="aw-choices">
					{question.choices.map((choice, index) => (
						<label class="aw-choice" key={index}>
							<input
								type="radio"
								name={uid}
								value={index}
								checked={answered ? chosen === index : selected === index}
								disabled={answered}
								onChange={() => props.onSelect(index)}
								id={`${uid}-option-${index}`}
							/>
							<Html html={choice.html} inline class="aw-md aw-choice__text" />
							{answered && chosen === index && (
								<Verdict
									right={choice.correct}
									text={choice.correct ? 'Your answer: correct' : 'Your answer: incorrect'}
								/>
							)}
							{answered && chosen !== index && choice.correct && <Verdict right text="The right answer" />}
						</label>
					))}
				</div>
			</fieldset>
			{props.hintHtml !== undefined && (
				<details class="aw-hint">
					<summary>Hint</summary>
					<Html html={props.hintHtml} />
				</details>
			)}
			{checkable ? (
				<ConfidenceCheck id={`${uid}-sure`} disabled={selected === undefined} onCheck={onCheck} />
			) : (
				(onCheck || props.onRetry) && (
					<div class="aw-actions aw-js-space">
						{props.onRetry && answered && !checked.correct && (
							<button type="button" class="aw-button" onClick={props.onRetry}>
								Try again
							</button>
						)}
					</div>
				)
			)}
			{answered && (
				<div class="aw-feedback" id={`${uid}-feedback`} data-right={checked.correct} tabIndex={-1}>
					<p class="aw-feedback__verdict">
						<Verdict
							right={checked.correct}
							text={checked.correct ? 'Correct.' : chosen === null ? 'Not answered.' : 'Incorrect.'}
						/>
					</p>
					{chosen !== null && chosenFeedback !== undefined && <Html html={chosenFeedback} />}
				</div>
			)}
			<details class="aw-reveal" open={answered}>
				<summary>{props.reveal}</summary>
				<div class="aw-reveal__body">
					{props.before}
					<p class="aw-subhead">Why each option is right or wrong</p>
					<ul class="aw-review">
						{question.choices.map((choice, index) => (
							<li key={index} class="aw-review__item">
								<div class="aw-review__head">
									<Verdict
										right={choice.correct}
										text={`${choice.correct ? 'Right' : 'Wrong'}${chosen === index ? ' (your answer)' : ''}:`}
									/>{' '}
									<Html html={choice.html} inline class="aw-md" />
								</div>
								<Html html={choice.feedbackHtml} />
							</li>
						))}
					</ul>
					{props.explain && <Html html={question.explanationHtml} />}
					{props.after}
				</div>
			</details>
		</div>
	);
}
