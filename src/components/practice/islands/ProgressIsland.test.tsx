// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyItems } from '~/lib/progress/catalog.ts';

const lessons = [
	{
		slug: 'aget',
		title: 'aget and friends',
		href: '/lessons/aget/',
		items: {
			...emptyItems(),
			cards: [
				{ id: 'c1', hash: 'c1h' },
				{ id: 'c2', hash: 'c2h' },
			],
			quiz: [
				{ id: 'q1', hash: 'q1h' },
				{ id: 'q2', hash: 'q2h' },
			],
			explain: [{ id: 'x1', hash: 'x1h' }],
			problems: [{ id: 'p1', hash: 'p1h' }],
		},
	},
];

function store(items: Record<string, unknown>, tests: unknown[] = []) {
	localStorage.setItem('awaitable:progress', JSON.stringify({ v: 1, items, tests }));
}

async function load() {
	vi.resetModules();
	const { default: ProgressIsland } = await import('./ProgressIsland.tsx');
	return render(<ProgressIsland lessons={lessons} testHref="/test/" />);
}

const count = (label: string) => screen.getByText(label).nextElementSibling?.textContent;

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

describe('the progress overview', () => {
	it('counts, per lesson, cards known, questions right, explanations done and problems solved', async () => {
		store({
			c1: { kind: 'card', hash: 'c1h', at: 1, attempts: 1, known: true },
			c2: { kind: 'card', hash: 'c2h', at: 1, attempts: 1, known: false },
			q1: { kind: 'choice', hash: 'q1h', at: 1, attempts: 1, choice: 0, correct: true },
			q2: { kind: 'choice', hash: 'old', at: 1, attempts: 1, choice: 0, correct: true },
			x1: { kind: 'explain', hash: 'x1h', at: 1, draft: '', covered: [], done: true },
			gone: { kind: 'choice', hash: 'g', at: 1, attempts: 1, choice: 0, correct: true },
		});
		await load();
		await vi.waitFor(() => expect(count('Cards known')).toBe('1 of 2'));
		expect(count('Questions right')).toBe('1 of 2 (1 changed since you answered)');
		expect(count('Explained')).toBe('1 of 1');
		expect(count('Problems solved')).toBe('0 of 1');
	});

	it('lists test results, newest first, with a link to take the same questions again', async () => {
		store({}, [
			{ seed: 'aaa111', at: 1_000, score: 4, total: 10, missed: [] },
			{ seed: 'bbb222', at: 2_000, score: 9, total: 10, missed: [] },
		]);
		await load();
		const items = await screen.findAllByRole('listitem', { name: '' });
		const results = items.filter((item) => item.textContent?.includes('of 10'));
		expect(results.map((item) => item.querySelector('strong')?.textContent)).toEqual(['9 of 10', '4 of 10']);
		expect(
			within(results[0] as HTMLElement)
				.getByRole('link')
				.getAttribute('href'),
		).toBe('/test/?seed=bbb222');
	});

	it('resets progress only after confirmation', async () => {
		store({ c1: { kind: 'card', hash: 'c1h', at: 1, attempts: 1, known: true } });
		await load();
		await vi.waitFor(() => expect(count('Cards known')).toBe('1 of 2'));
		fireEvent.click(screen.getByRole('button', { name: 'Reset my progress' }));
		fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
		expect(count('Cards known')).toBe('1 of 2');
		expect(localStorage.getItem('awaitable:progress')).not.toBeNull();

		fireEvent.click(screen.getByRole('button', { name: 'Reset my progress' }));
		expect(screen.getByRole('group', { name: /cannot be undone/ })).toBeTruthy();
		fireEvent.click(screen.getByRole('button', { name: 'Yes, reset my progress' }));
		expect(count('Cards known')).toBe('0 of 2');
		expect(localStorage.getItem('awaitable:progress')).toBeNull();
		expect(screen.getByText('Your progress was reset.')).toBeTruthy();
	});

	it('survives a corrupted stored value and a huge one', async () => {
		localStorage.setItem('awaitable:progress', '{"v":1,"items":');
		await load();
		await vi.waitFor(() => expect(count('Cards known')).toBe('0 of 2'));
		cleanup();
		localStorage.setItem('awaitable:progress', `{"v":1,"items":{},"tests":[],"x":"${'x'.repeat(1_100_000)}"}`);
		await load();
		await vi.waitFor(() => expect(count('Cards known')).toBe('0 of 2'));
	});
});
