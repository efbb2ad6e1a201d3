// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompiledQuestion } from '~/lib/practice/compiled.ts';
import { quizItems, storedProgress } from './test-fixtures.ts';

/** Imports the island afresh, as a page load does: a new progress store reading the same localStorage. */
async function load(items: CompiledQuestion[] = quizItems) {
	vi.resetModules();
	const { default: QuizIsland } = await import('./QuizIsland.tsx');
	return render(<QuizIsland setId="aget/quiz" items={items} />);
}

const questionGroup = (number: number) => screen.getByRole('group', { name: new RegExp(`Question ${number} of 2`) });
const answer = (number: number, option: RegExp, sure: 'Guess' | 'Unsure' | 'Sure' = 'Unsure') => {
	fireEvent.click(within(questionGroup(number)).getByRole('radio', { name: option }));
	const item = questionGroup(number).closest('li') as HTMLElement;
	fireEvent.click(within(item).getByRole('button', { name: sure }));
};

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

describe('the quiz island', () => {
	it('renders every question unanswered, with no feedback and the answers closed', async () => {
		const { container } = await load();
		expect(screen.getAllByRole('radio')).toHaveLength(6);
		expect(screen.getAllByRole('radio').some((radio) => (radio as HTMLInputElement).checked)).toBe(false);
		expect(screen.queryByText(/^Correct\.|^Incorrect\./)).toBeNull();
		for (const details of container.querySelectorAll('details')) expect(details.open).toBe(false);
		expect(screen.getByText('Score: 0 of 2 (0 answered).')).toBeTruthy();
	});

	it('checks with Guess, Unsure or Sure, enabled only once an option is chosen', async () => {
		await load();
		const item = questionGroup(1).closest('li') as HTMLElement;
		const group = within(item).getByRole('group', { name: 'Check: how sure are you?' });
		const buttons = within(group).getAllByRole('button') as HTMLButtonElement[];
		expect(buttons.map((button) => [button.textContent, button.getAttribute('aria-keyshortcuts')])).toEqual([
			['Guess', 'G'],
			['Unsure', 'U'],
			['Sure', 'S'],
		]);
		expect(buttons.every((button) => button.disabled)).toBe(true);
		fireEvent.click(within(questionGroup(1)).getByRole('radio', { name: /Beta of q-one/ }));
		expect(buttons.some((button) => button.disabled)).toBe(false);
	});

	it('records the confidence the reader gave with the answer', async () => {
		await load();
		answer(1, /Beta of q-one/, 'Sure');
		answer(2, /Gamma of q-two/, 'Guess');
		expect(storedProgress().items['q-one']).toMatchObject({ correct: false, conf: 2 });
		expect(storedProgress().items['q-two']).toMatchObject({ correct: true, conf: 0 });
	});

	it('checks with one key press, G, U or S, from the selected option', async () => {
		await load();
		const radio = within(questionGroup(1)).getByRole('radio', { name: /Alpha of q-one/ });
		// Before an option is chosen, the keys do nothing.
		fireEvent.keyDown(radio, { key: 's' });
		expect(storedProgress().items['q-one']).toBeUndefined();
		fireEvent.click(radio);
		// A key with a modifier is the browser's or the reader's, not a check.
		fireEvent.keyDown(radio, { key: 's', ctrlKey: true });
		fireEvent.keyDown(radio, { key: 'x' });
		expect(storedProgress().items['q-one']).toBeUndefined();
		fireEvent.keyDown(radio, { key: 'S' });
		expect(await screen.findByText('Correct.')).toBeTruthy();
		expect(storedProgress().items['q-one']).toMatchObject({ correct: true, conf: 2 });
		fireEvent.click(within(questionGroup(2)).getByRole('radio', { name: /Alpha of q-two/ }));
		fireEvent.keyDown(within(questionGroup(2)).getByRole('radio', { name: /Alpha of q-two/ }), { key: 'g' });
		expect(storedProgress().items['q-two']).toMatchObject({ correct: false, conf: 0 });
	});

	it('gives immediate feedback for a right answer, moves focus to it and opens every explanation', async () => {
		const { container } = await load();
		answer(1, /Alpha of q-one/);
		const feedback = await screen.findByText('Correct.');
		const box = feedback.closest('.aw-feedback') as HTMLElement;
		expect(box.textContent).toContain('Why Alpha of q-one is right.');
		await vi.waitFor(() => expect(document.activeElement).toBe(box));
		const details = container.querySelector('li details.aw-reveal') as HTMLDetailsElement;
		expect(details.open).toBe(true);
		expect(details.textContent).toContain('Why Beta of q-one is wrong.');
		expect(details.textContent).toContain('Why Gamma of q-one is wrong.');
		expect(screen.getByText('Score: 1 of 2 (1 answered).')).toBeTruthy();
	});

	it('says "Incorrect" with the chosen option’s feedback and points at the right answer', async () => {
		await load();
		answer(1, /Gamma of q-one/);
		const box = (await screen.findByText('Incorrect.')).closest('.aw-feedback') as HTMLElement;
		expect(box.textContent).toContain('Why Gamma of q-one is wrong.');
		expect(within(questionGroup(1)).getByText('Your answer: incorrect')).toBeTruthy();
		expect(within(questionGroup(1)).getByText('The right answer')).toBeTruthy();
	});

	it('shows the final score and retries only the wrong questions', async () => {
		await load();
		answer(1, /Alpha of q-one/);
		answer(2, /Alpha of q-two/);
		expect(await screen.findByText('You scored 1 of 2.')).toBeTruthy();
		expect(screen.getByText('Finished: you scored 1 of 2.')).toBeTruthy();

		fireEvent.click(screen.getByRole('button', { name: 'Retry the 1 wrong question' }));
		expect(screen.queryByRole('group', { name: /Question 1 of 2/ })).toBeNull();
		const radios = within(questionGroup(2)).getAllByRole('radio') as HTMLInputElement[];
		expect(radios.some((radio) => radio.checked || radio.disabled)).toBe(false);
		await vi.waitFor(() => expect(document.activeElement).toBe(radios[0]));

		answer(2, /Gamma of q-two/);
		expect(await screen.findByText('You scored 2 of 2.')).toBeTruthy();
		expect(screen.queryByRole('button', { name: /Retry/ })).toBeNull();
	});

	it('records each answer by item id with its hash, choice, outcome and time', async () => {
		await load();
		answer(2, /Beta of q-two/);
		expect(storedProgress().items['q-two']).toMatchObject({
			kind: 'choice',
			hash: 'q-two-v1',
			choice: 1,
			correct: false,
			attempts: 1,
		});
		expect(typeof storedProgress().items['q-two']?.['at']).toBe('number');
	});

	it('restores answers after a reload', async () => {
		await load();
		answer(1, /Alpha of q-one/);
		cleanup();
		await load();
		expect(await screen.findByText('Correct.')).toBeTruthy();
		expect((within(questionGroup(1)).getByRole('radio', { name: /Alpha of q-one/ }) as HTMLInputElement).checked).toBe(
			true,
		);
		expect(screen.getByText('Score: 1 of 2 (1 answered).')).toBeTruthy();
	});

	it('records the authored index of a shuffled option and restores it to the position it is shown at', async () => {
		// The first question's choices shown in reverse: Gamma (authored 2), Beta (1), Alpha (0).
		const [first, second] = quizItems as [CompiledQuestion, CompiledQuestion];
		const shuffled = [{ ...first, choices: [...first.choices].reverse() }, second];
		await load(shuffled);
		answer(1, /Gamma of q-one/);
		expect(storedProgress().items['q-one']).toMatchObject({ choice: 2, correct: false });
		cleanup();
		localStorage.setItem(
			'awaitable:progress',
			JSON.stringify({
				v: 1,
				items: { 'q-one': { kind: 'choice', hash: 'q-one-v1', at: 1, attempts: 1, choice: 0, correct: true } },
				tests: [],
			}),
		);
		await load(shuffled);
		expect(await within(questionGroup(1)).findByText('Your answer: correct')).toBeTruthy();
		expect((within(questionGroup(1)).getByRole('radio', { name: /Alpha of q-one/ }) as HTMLInputElement).checked).toBe(
			true,
		);
	});

	it('treats an answer to an edited question as not done, and keeps the others', async () => {
		localStorage.setItem(
			'awaitable:progress',
			JSON.stringify({
				v: 1,
				items: {
					'q-one': { kind: 'choice', hash: 'q-one-v0', at: 1, attempts: 1, choice: 0, correct: true },
					'q-two': { kind: 'choice', hash: 'q-two-v1', at: 1, attempts: 1, choice: 2, correct: true },
				},
				tests: [],
			}),
		);
		await load();
		expect(await within(questionGroup(1)).findByText(/changed since you answered/)).toBeTruthy();
		expect((within(questionGroup(1)).getAllByRole('radio') as HTMLInputElement[]).some((radio) => radio.checked)).toBe(
			false,
		);
		expect(within(questionGroup(2)).getByText('Your answer: correct')).toBeTruthy();
	});

	it('keeps working when localStorage throws on access', async () => {
		const original = Object.getOwnPropertyDescriptor(window, 'localStorage');
		let touched = 0;
		Object.defineProperty(window, 'localStorage', {
			configurable: true,
			get() {
				touched++;
				throw new DOMException('The operation is insecure.', 'SecurityError');
			},
		});
		try {
			await load();
			answer(1, /Alpha of q-one/);
			expect(await screen.findByText('Correct.')).toBeTruthy();
			expect(screen.getByText('Score: 1 of 2 (1 answered).')).toBeTruthy();
			expect(touched).toBeGreaterThan(0);
		} finally {
			if (original) Object.defineProperty(window, 'localStorage', original);
		}
	});
});
