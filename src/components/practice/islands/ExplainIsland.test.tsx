// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { explainItems, storedProgress } from './test-fixtures.ts';

async function load() {
	vi.resetModules();
	const { default: ExplainIsland } = await import('./ExplainIsland.tsx');
	return render(<ExplainIsland setId="aget/explain" items={explainItems} />);
}

function openModelAnswer(container: Element) {
	const details = container.querySelector('details.aw-reveal') as HTMLDetailsElement;
	details.open = true;
	fireEvent(details, new Event('toggle'));
	return details;
}

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

describe('the explain-it island', () => {
	it('renders a labelled answer field, a closed hint and a closed model answer with unticked concepts', async () => {
		const { container } = await load();
		expect(screen.getByRole('textbox', { name: /Your answer/ })).toBeTruthy();
		const [hint, model] = [...container.querySelectorAll('details')] as HTMLDetailsElement[];
		expect(hint?.open).toBe(false);
		expect(model?.open).toBe(false);
		expect(screen.getAllByRole('checkbox')).toHaveLength(4);
		expect(screen.getAllByRole('checkbox').some((box) => (box as HTMLInputElement).checked)).toBe(false);
	});

	it('keeps the draft in the browser and restores it after a reload', async () => {
		await load();
		const field = screen.getByRole('textbox', { name: /Your answer/ });
		fireEvent.input(field, { target: { value: 'filter() is lazy' } });
		fireEvent.blur(field);
		expect(storedProgress().items['x-one']).toMatchObject({ kind: 'explain', draft: 'filter() is lazy', done: false });
		cleanup();
		await load();
		await vi.waitFor(() =>
			expect((screen.getByRole('textbox', { name: /Your answer/ }) as HTMLTextAreaElement).value).toBe(
				'filter() is lazy',
			),
		);
	});

	it('saves the draft shortly after typing stops', async () => {
		vi.useFakeTimers();
		try {
			await load();
			fireEvent.input(screen.getByRole('textbox', { name: /Your answer/ }), { target: { value: 'typed' } });
			expect(storedProgress().items['x-one']).toBeUndefined();
			vi.advanceTimersByTime(500);
			expect(storedProgress().items['x-one']).toMatchObject({ draft: 'typed' });
		} finally {
			vi.useRealTimers();
		}
	});

	it('counts the concepts the reader ticks and records the question as done', async () => {
		const { container } = await load();
		const model = openModelAnswer(container);
		fireEvent.click(within(model).getByRole('checkbox', { name: 'Concept A' }));
		fireEvent.click(within(model).getByRole('checkbox', { name: 'Concept C' }));
		fireEvent.click(within(model).getByRole('checkbox', { name: 'Concept D' }));
		expect(screen.getByText('You covered 3/4 concepts.')).toBeTruthy();
		fireEvent.click(within(model).getByRole('checkbox', { name: 'Concept D' }));
		expect(screen.getByText('You covered 2/4 concepts.')).toBeTruthy();
		expect(storedProgress().items['x-one']).toMatchObject({ done: true, covered: [0, 2] });
	});

	it('restores the ticked concepts after a reload', async () => {
		const first = await load();
		fireEvent.click(within(openModelAnswer(first.container)).getByRole('checkbox', { name: 'Concept B' }));
		cleanup();
		await load();
		await vi.waitFor(() =>
			expect((screen.getByRole('checkbox', { name: 'Concept B' }) as HTMLInputElement).checked).toBe(true),
		);
		expect(screen.getByText('You covered 1/4 concepts.')).toBeTruthy();
		expect(screen.getByText(/compared with the model answer/)).toBeTruthy();
	});
});
