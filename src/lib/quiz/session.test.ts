import { describe, expect, it } from 'vitest';
import {
	check,
	isFinished,
	restoreSession,
	retryOne,
	retryWrong,
	score,
	select,
	startSession,
	wrongIds,
} from './session.ts';
import { checkAll } from './submit.ts';

const question = (id: string, right: number) => ({
	id,
	choices: [0, 1, 2, 3].map((index) => ({ correct: index === right })),
});
const [q1, q2, q3] = [question('q1', 0), question('q2', 2), question('q3', 1)];
const questions = [q1, q2, q3];

describe('a quiz session', () => {
	it('starts with every question unanswered in one round', () => {
		const session = startSession(questions);
		expect(session.round).toEqual(['q1', 'q2', 'q3']);
		expect(score(session, questions)).toEqual({ correct: 0, answered: 0, total: 3 });
		expect(isFinished(session)).toBe(false);
	});

	it('does not check a question before an option is selected', () => {
		const session = startSession(questions);
		expect(check(session, q1)).toBe(session);
	});

	it('checks the selected option and scores it', () => {
		let session = select(startSession(questions), 'q1', 0);
		session = check(session, q1);
		session = check(select(session, 'q2', 1), q2);
		expect(session.checked).toEqual({ q1: { choice: 0, correct: true }, q2: { choice: 1, correct: false } });
		expect(score(session, questions)).toEqual({ correct: 1, answered: 2, total: 3 });
	});

	it('keeps a checked answer final for the round', () => {
		let session = check(select(startSession(questions), 'q1', 3), q1);
		session = select(session, 'q1', 0);
		expect(check(session, q1).checked['q1']).toEqual({ choice: 3, correct: false });
	});

	it('is finished when every question of the round is checked', () => {
		let session = startSession(questions);
		for (const [index, item] of questions.entries()) session = check(select(session, item.id, index), item);
		expect(isFinished(session)).toBe(true);
	});

	it('retries only the wrong questions, cleared, and keeps the right ones scored', () => {
		let session = startSession(questions);
		session = check(select(session, 'q1', 0), q1);
		session = check(select(session, 'q2', 0), q2);
		session = check(select(session, 'q3', 0), q3);
		expect(wrongIds(session, questions)).toEqual(['q2', 'q3']);

		const retry = retryWrong(session, questions);
		expect(retry.round).toEqual(['q2', 'q3']);
		expect(retry.attempt).toBe(1);
		expect(retry.checked).toEqual({ q1: { choice: 0, correct: true } });
		expect(retry.selected).toEqual({ q1: 0 });
		expect(isFinished(retry)).toBe(false);

		const done = check(select(check(select(retry, 'q2', 2), q2), 'q3', 1), q3);
		expect(isFinished(done)).toBe(true);
		expect(score(done, questions).correct).toBe(3);
	});

	it('has nothing to retry when every answer is right', () => {
		let session = startSession(questions);
		for (const item of questions)
			session = check(
				select(
					session,
					item.id,
					item.choices.findIndex((c) => c.correct),
				),
				item,
			);
		expect(retryWrong(session, questions)).toBe(session);
	});

	it('clears one question so it can be answered again, keeping the others', () => {
		let session = check(select(startSession(questions), 'q1', 1), q1);
		session = check(select(session, 'q2', 2), q2);
		const again = retryOne(session, 'q1');
		expect(again.checked).toEqual({ q2: { choice: 2, correct: true } });
		expect(again.selected['q1']).toBeUndefined();
		expect(check(select(again, 'q1', 0), q1).checked['q1']).toEqual({ choice: 0, correct: true });
	});

	it('checks every question at once and counts unanswered ones as wrong', () => {
		const session = checkAll(select(startSession(questions), 'q2', 2), questions);
		expect(session.checked).toEqual({
			q1: { choice: null, correct: false },
			q2: { choice: 2, correct: true },
			q3: { choice: null, correct: false },
		});
		expect(score(session, questions)).toEqual({ correct: 1, answered: 3, total: 3 });
	});

	it('restores earlier answers as checked and ignores choices that no longer exist', () => {
		const session = restoreSession(questions, { q1: 1, q2: 2, q3: 9 });
		expect(session.checked).toEqual({ q1: { choice: 1, correct: false }, q2: { choice: 2, correct: true } });
		expect(isFinished(session)).toBe(false);
	});
});
