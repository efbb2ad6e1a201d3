/**
 * What the reader says before checking an answer, on `/review/` and in the lessons' quizzes and problems: the
 * labels, the keys (G, U, S) and their meaning. A module of its own, with nothing else in it, so the lesson
 * islands can ask for confidence without loading the review queue.
 */

/** 0 guess, 1 unsure, 2 sure. An answer stored without one (lesson answers before confidence, test answers) is 1. */
export type Confidence = 0 | 1 | 2;
export const CONFIDENCE_LABELS = ['Guess', 'Unsure', 'Sure'] as const;

/**
 * A keydown handler that checks with the confidence a key picks (G, U or S, no modifier) and ignores other keys;
 * `undefined` (no handler) when there is nothing to check yet.
 */
export const confidenceKeys = (onCheck: ((confidence: Confidence) => void) | false | undefined) =>
	onCheck
		? (event: KeyboardEvent) => {
				const index = CONFIDENCE_LABELS.findIndex((label) => label[0] === event.key.toUpperCase());
				if (index === -1 || event.ctrlKey || event.metaKey || event.altKey) return;
				event.preventDefault();
				onCheck(index as Confidence);
			}
		: undefined;
