// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LessonPractice } from '~/lib/practice/compiled.ts';
import { cardItems, quizItems } from './test-fixtures.ts';

/** The lesson's practice data as `/practice/aget.json` serves it: one card and two questions. */
const practice = {
	lesson: 'aget',
	sets: [
		{ id: 'aget/cards', type: 'cards', items: cardItems.slice(0, 1) },
		{ id: 'aget/quiz', type: 'quiz', items: quizItems },
	],
} as unknown as LessonPractice;
const serve = vi.fn((url: string) =>
	Promise.resolve(
		url === '/practice/aget.json' ? new Response(JSON.stringify(practice)) : new Response('', { status: 404 }),
	),
);

async function load(src = '/practice/aget.json') {
	vi.resetModules();
	const { LessonStatusIsland } = await import('./lesson.ts');
	return render(<LessonStatusIsland src={src} total={3} progressHref="/progress/" />);
}

beforeEach(() => {
	localStorage.clear();
	vi.stubGlobal('fetch', serve);
});
afterEach(() => {
	cleanup();
	vi.unstubAllGlobals();
});

describe('the lesson status line', () => {
	it('counts what the reader has done on this page and follows new answers', async () => {
		localStorage.setItem(
			'awaitable:progress',
			JSON.stringify({
				v: 1,
				items: { 'c-one': { kind: 'card', hash: cardItems[0]?.hash, at: 1, attempts: 1, known: true } },
				tests: [],
			}),
		);
		await load();
		expect(await screen.findByText('1 of 3 done')).toBeTruthy();
		const { progress } = await import('~/lib/progress/store.ts');
		const hash = quizItems[1]?.hash ?? '';
		progress.update('q-two', () => ({ kind: 'choice', hash, at: 2, attempts: 1, choice: 0, correct: true }));
		expect(await screen.findByText('2 of 3 done')).toBeTruthy();
		expect(screen.getByRole('link', { name: 'Your progress' }).getAttribute('href')).toBe('/progress/');
		expect(screen.getByText(/on this page/).textContent).toBe('Your progress on this page: 2 of 3 done');
	});

	it('shows how many items the page has until the practice data arrives, and keeps it if none does', async () => {
		await load('/practice/missing.json');
		expect(screen.getByText(/on this page/).textContent).toBe('Your progress on this page: 3 practice items');
		await vi.waitFor(() => expect(serve).toHaveBeenCalledWith('/practice/missing.json'));
		expect(screen.getByText(/on this page/).textContent).toBe('Your progress on this page: 3 practice items');
	});
});
