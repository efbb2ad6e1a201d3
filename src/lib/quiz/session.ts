/**
 * The state of a set of single-answer questions on a page: what the reader selected, what they checked, the
 * score, and rounds (a retry of the wrong questions only). Plain data and pure functions, shared by the quiz,
 * the practice problems and the site-wide test.
 */

/** What an island needs of a question to score it. */
export interface Scorable {
	id: string;
	choices: readonly { correct: boolean }[];
}

export interface Checked {
	/** Index of the chosen option, or `null` for a question left unanswered when a test was submitted. */
	choice: number | null;
	correct: boolean;
}

export interface Session {
	/** Option selected per question id (not yet checked). */
	selected: Readonly<Record<string, number>>;
	/** Checked answers per question id. */
	checked: Readonly<Record<string, Checked>>;
	/** Ids of the questions in the current round, in page order: all of them, or those being retried. */
	round: readonly string[];
	/** 0 for the first round, then 1, 2… for each retry; keys views that must start fresh. */
	attempt: number;
}

export function startSession(questions: readonly Scorable[]): Session {
	return { selected: {}, checked: {}, round: questions.map((question) => question.id), attempt: 0 };
}

/** Starts from answers given earlier (restored from storage): checked questions stay checked. */
export function restoreSession(questions: readonly Scorable[], earlier: Readonly<Record<string, number>>): Session {
	const checked: Record<string, Checked> = {};
	for (const question of questions) {
		const choice = earlier[question.id];
		if (choice === undefined || question.choices[choice] === undefined) continue;
		checked[question.id] = { choice, correct: isCorrect(question, choice) };
	}
	return { ...startSession(questions), checked };
}

export function isCorrect(question: Scorable, choice: number | null): boolean {
	return choice !== null && question.choices[choice]?.correct === true;
}

/** Selects an option; a checked question ignores it (its answer is final for this round). */
export function select(session: Session, id: string, choice: number): Session {
	if (session.checked[id]) return session;
	return { ...session, selected: { ...session.selected, [id]: choice } };
}

/** Checks the selected option of one question; without a selection nothing changes. */
export function check(session: Session, question: Scorable): Session {
	const choice = session.selected[question.id];
	if (choice === undefined || session.checked[question.id]) return session;
	return {
		...session,
		checked: { ...session.checked, [question.id]: { choice, correct: isCorrect(question, choice) } },
	};
}

export interface Score {
	/** Questions whose latest answer is right. */
	correct: number;
	/** Questions checked at least once. */
	answered: number;
	total: number;
}

export function score(session: Session, questions: readonly Scorable[]): Score {
	let correct = 0;
	let answered = 0;
	for (const question of questions) {
		const answer = session.checked[question.id];
		if (!answer) continue;
		answered++;
		if (answer.correct) correct++;
	}
	return { correct, answered, total: questions.length };
}

/** Every question of the current round is checked. */
export function isFinished(session: Session): boolean {
	return session.round.length > 0 && session.round.every((id) => session.checked[id] !== undefined);
}

/** Ids of the checked questions answered wrong, in page order. */
export function wrongIds(session: Session, questions: readonly Scorable[]): string[] {
	return questions.filter((question) => session.checked[question.id]?.correct === false).map((question) => question.id);
}

/** A copy of a record without some keys. */
function without<T>(record: Readonly<Record<string, T>>, ids: readonly string[]): Record<string, T> {
	return Object.fromEntries(Object.entries(record).filter(([id]) => !ids.includes(id)));
}

/** A new round with only the wrong questions, cleared so they can be answered again. */
export function retryWrong(session: Session, questions: readonly Scorable[]): Session {
	const wrong = wrongIds(session, questions);
	if (wrong.length === 0) return session;
	return {
		selected: without(session.selected, wrong),
		checked: without(session.checked, wrong),
		round: wrong,
		attempt: session.attempt + 1,
	};
}

/** Clears one question so it can be answered again (a practice problem's "Try again"). */
export function retryOne(session: Session, id: string): Session {
	return { ...session, checked: without(session.checked, [id]), selected: without(session.selected, [id]) };
}
