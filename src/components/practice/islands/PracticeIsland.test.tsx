// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { problemItems, storedProgress } from './test-fixtures.ts';

async function load() {
	vi.resetModules();
	const { default: PracticeIsland } = await import('./PracticeIsland.tsx');
	return render(<PracticeIsland setId="aget/problems" items={problemItems} />);
}

const problem = (number: number) =>
	screen.getByRole('group', { name: new RegExp(`Problem ${number} of 2`) }).closest('li') as HTMLElement;
const solve = (number: number, option: RegExp) => {
	fireEvent.click(within(problem(number)).getByRole('radio', { name: option }));
	fireEvent.click(within(problem(number)).getByRole('button', { name: 'Unsure' }));
};

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

describe('the practice island', () => {
	it('shows a counter and the difficulty, with hint and solution closed', async () => {
		await load();
		expect(within(problem(1)).getByText('Problem 1 of 2')).toBeTruthy();
		expect(within(problem(2)).getByText('hard')).toBeTruthy();
		const [hint, solution] = [...problem(1).querySelectorAll('details')] as HTMLDetailsElement[];
		expect(hint?.querySelector('summary')?.textContent).toBe('Hint');
		expect(hint?.open).toBe(false);
		expect(solution?.querySelector('summary')?.textContent).toBe('Show the solution');
		expect(solution?.open).toBe(false);
	});

	it('checks an answer, then shows the steps, the final answer, the quick check and the mistakes', async () => {
		await load();
		solve(1, /Beta of p-one/);
		expect(await within(problem(1)).findByText('Correct.')).toBeTruthy();
		const solution = problem(1).querySelector('details.aw-reveal') as HTMLDetailsElement;
		expect(solution.open).toBe(true);
		for (const text of ['First step.', 'Second step.', 'Quick check of p-one.', 'Mistake one.']) {
			expect(within(solution).getByText(text)).toBeTruthy();
		}
		expect(within(solution).getByText('Final answer')).toBeTruthy();
		expect(screen.getByText('Solved 1 of 2.')).toBeTruthy();
		expect(storedProgress().items['p-one']).toMatchObject({ kind: 'choice', choice: 1, correct: true, conf: 1 });
	});

	it('lets the reader try a wrong problem again', async () => {
		await load();
		solve(2, /Gamma of p-two/);
		expect(await within(problem(2)).findByText('Incorrect.')).toBeTruthy();
		fireEvent.click(within(problem(2)).getByRole('button', { name: 'Try again' }));
		const radios = within(problem(2)).getAllByRole('radio') as HTMLInputElement[];
		expect(radios.some((radio) => radio.checked || radio.disabled)).toBe(false);
		await vi.waitFor(() => expect(document.activeElement).toBe(radios[0]));
		solve(2, /Alpha of p-two/);
		expect(await within(problem(2)).findByText('Correct.')).toBeTruthy();
		expect(storedProgress().items['p-two']).toMatchObject({ correct: true, attempts: 2 });
	});

	it('restores solved problems after a reload', async () => {
		await load();
		solve(1, /Beta of p-one/);
		cleanup();
		await load();
		expect(await within(problem(1)).findByText('Correct.')).toBeTruthy();
		expect(screen.getByText('Solved 1 of 2.')).toBeTruthy();
	});
});
