/**
 * The check of a single-answer question: "Check: how sure are you?" and three buttons, Guess, Unsure and Sure
 * (keys G, U, S from anywhere in the question, see `confidenceKey`). One component for the review page and the
 * lessons' quizzes and problems.
 */
import { CONFIDENCE_LABELS, type Confidence } from '~/lib/review/confidence.ts';

export interface ConfidenceCheckProps {
	/** Id of the group's label; unique on the page. */
	id: string;
	disabled: boolean;
	onCheck: (confidence: Confidence) => void;
}

export function ConfidenceCheck({ id, disabled, onCheck }: ConfidenceCheckProps) {
	return (
		<div class="aw-actions aw-js-space" role="group" aria-labelledby={id}>
			<span id={id}>Check: how sure are you?</span>
			{CONFIDENCE_LABELS.map((label, confidence) => (
				<button
					key={label}
					type="button"
					class="aw-button"
					disabled={disabled}
					aria-keyshortcuts={label[0]}
					onClick={() => onCheck(confidence as Confidence)}
				>
					{label}
				</button>
			))}
		</div>
	);
}
