// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyItems } from '~/lib/progress/catalog.ts';

const items = {
	...emptyItems(),
	cards: [{ id: 'c1', hash: 'h' }],
	quiz: [
		{ id: 'q1', hash: 'h' },
		{ id: 'q2', hash: 'h' },
	],
};

async function load() {
	vi.resetModules();
	const { LessonStatusIsland } = await import('./lesson.ts');
	return render(<LessonStatusIsland items={items} progressHref="/progress/" />);
}

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

describe('the lesson status line', () => {
	it('counts what the reader has done on this page and follows new answers', async () => {
		localStorage.setItem(
			'awaitable:progress',
			JSON.stringify({ v: 1, items: { c1: { kind: 'card', hash: 'h', at: 1, attempts: 1, known: true } }, tests: [] }),
		);
		await load();
		expect(await screen.findByText('1 of 3 done')).toBeTruthy();
		const { progress } = await import('~/lib/progress/store.ts');
		progress.update('q2', () => ({ kind: 'choice', hash: 'h', at: 2, attempts: 1, choice: 0, correct: true }));
		expect(await screen.findByText('2 of 3 done')).toBeTruthy();
		expect(screen.getByRole('link', { name: 'Your progress' }).getAttribute('href')).toBe('/progress/');
		expect(screen.getByText(/on this page/).textContent).toBe('Your progress on this page: 2 of 3 done');
	});
});
