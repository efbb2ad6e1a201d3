// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompiledQuestion } from '~/lib/practice/compiled.ts';
import { drawTest } from '~/lib/test-draw/draw.ts';
import { encodeTestIndex } from '~/lib/test-draw/test-index.ts';
import { startSession } from '~/lib/quiz/session.ts';
import { encodeLessons } from '~/lib/lessons/lessons.ts';
import { question, storedProgress } from './test-fixtures.ts';

const lessons = [
	{ slug: 'event-loop', title: 'The event loop', href: '/lessons/event-loop/' },
	{ slug: 'aget', title: 'aget and friends', href: '/lessons/aget/' },
	{ slug: 'blocking', title: 'Blocking', href: '/lessons/blocking/' },
];
const slugs = ['event-loop', 'aget', 'blocking'] as const;
// 5 questions of each difficulty; the right option is always the first, spread over three lessons.
const pool: CompiledQuestion[] = (['easy', 'medium', 'hard'] as const).flatMap((difficulty) =>
	Array.from({ length: 5 }, (_, index) => question(`${difficulty}-${index}`, 0, difficulty, slugs[index % 3])),
);

const index = encodeTestIndex(pool.map(({ id, difficulty, lesson }) => ({ id, difficulty, lesson })));

/** What `/practice/<lesson>.json` serves for the pool's lessons. */
function lessonData(url: string): Response {
	const lesson = /\/practice\/([\w-]+)\.json$/.exec(url)?.[1] ?? '';
	const items = pool.filter((item) => item.lesson === lesson);
	const sets = [{ id: `${lesson}/quiz`, lesson, page: `lessons/${lesson}`, file: 'x.yaml', type: 'quiz', items }];
	return new Response(JSON.stringify({ lesson, sets }));
}

const serve = vi.fn(async (url: string) => lessonData(url));

/** The test page as the server sends it (the default draw rendered as the island's children), then hydrated. */
async function load(search = '', { live = true } = {}) {
	window.history.replaceState(null, '', `/test/${search}`);
	vi.resetModules();
	vi.stubGlobal('fetch', serve);
	const { default: TestIsland, TestView } = await import('./TestIsland.tsx');
	const initial = drawTest(pool, 'start');
	const rendered = render(
		<TestIsland index={index} lessons={encodeLessons(lessons)} lessonsHref="/lessons/" practiceHref="/practice/">
			<TestView questions={initial} seed="start" session={startSession(initial)} lessons={lessons} />
		</TestIsland>,
	);
	// Live once the island's view is whole and shown (it is built behind the server's render, a few questions a task).
	if (live) await vi.waitFor(() => expect(document.querySelector('.aw-test-live:not([hidden]) .aw-test')).toBeTruthy());
	return rendered;
}

const groups = () => screen.getAllByRole('group', { name: /Question \d+ of 10/ });
const shownIds = () => groups().map((group) => group.textContent?.match(/Prompt of ([\w-]+)\?/)?.[1]);

beforeEach(() => {
	localStorage.clear();
	serve.mockClear();
});
afterEach(() => {
	cleanup();
	vi.unstubAllGlobals();
});

describe('the test island', () => {
	it('draws ten questions, 3 easy, 4 medium and 3 hard, for the default seed', async () => {
		await load();
		expect(groups()).toHaveLength(10);
		expect(shownIds()).toEqual(drawTest(pool, 'start').map((item) => item.id));
		const tags = groups().map((group) => group.querySelector('.aw-tag')?.textContent);
		expect(tags).toEqual([
			...Array(3).fill('Difficulty: easy'),
			...Array(4).fill('Difficulty: medium'),
			...Array(3).fill('Difficulty: hard'),
		]);
	});

	it('draws the questions of the seed in the URL, the same ones every time', async () => {
		await load('?seed=abc123');
		await vi.waitFor(() => expect(shownIds()).toEqual(drawTest(pool, 'abc123').map((item) => item.id)));
		const first = shownIds();
		cleanup();
		await load('?seed=abc123');
		await vi.waitFor(() => expect(shownIds()).toEqual(first));
		expect(first).not.toEqual(drawTest(pool, 'start').map((item) => item.id));
	});

	it('scores the submitted test and lists the lessons of the missed questions in lesson order', async () => {
		await load();
		const drawn = drawTest(pool, 'start');
		// Right answers for all but the questions of the "blocking" and "event-loop" lessons; one left unanswered.
		drawn.forEach((item, index) => {
			if (index === 9) return;
			const option = item.lesson === 'aget' ? 0 : 1;
			fireEvent.click(within(groups()[index] as HTMLElement).getAllByRole('radio')[option] as HTMLElement);
		});
		expect(screen.getByText('1 unanswered (they count as wrong).')).toBeTruthy();
		fireEvent.click(screen.getByRole('button', { name: 'Submit my answers' }));

		const right = drawn.filter((item, index) => index !== 9 && item.lesson === 'aget').length;
		const result = await screen.findByText(`You scored ${right} of 10.`);
		const box = result.closest('.aw-result') as HTMLElement;
		await vi.waitFor(() => expect(document.activeElement).toBe(box));
		const missedLessons = new Set(
			drawn.filter((item, index) => index === 9 || item.lesson !== 'aget').map((item) => item.lesson),
		);
		const expected = lessons.filter((lesson) => missedLessons.has(lesson.slug)).map((lesson) => lesson.title);
		expect([...box.querySelectorAll('ul:not(.aw-missed) a')].map((link) => link.textContent)).toEqual(expected);
		// Each missed question links to its review.
		const missed = drawn.filter((item, index) => index === 9 || item.lesson !== 'aget');
		expect([...box.querySelectorAll('ul.aw-missed a')].map((link) => link.getAttribute('href'))).toEqual(
			missed.map((item) => `/review/?item=${item.id}`),
		);
		expect(storedProgress().tests).toEqual([expect.objectContaining({ seed: 'start', score: right, total: 10 })]);
	});

	it('stores the run as a test result with every answer, and leaves lesson practice as it was', async () => {
		const drawn = drawTest(pool, 'start');
		const practised = { kind: 'choice', hash: `hash-${drawn[0]?.id}`, at: 1, attempts: 1, choice: 0, correct: true };
		localStorage.setItem(
			'awaitable:progress',
			JSON.stringify({ v: 2, items: { [drawn[0]?.id ?? '']: practised }, tests: [], review: {}, aside: {} }),
		);
		await load();
		// The first question answered wrong, the rest left unanswered.
		fireEvent.click(within(groups()[0] as HTMLElement).getAllByRole('radio')[1] as HTMLElement);
		fireEvent.click(screen.getByRole('button', { name: 'Submit my answers' }));
		await screen.findByText('You scored 0 of 10.');
		const stored = storedProgress();
		expect(stored.items).toEqual({ [drawn[0]?.id ?? '']: practised });
		const [run] = stored.tests as { answers: unknown[] }[];
		expect(run?.answers).toEqual(
			drawn.map((item, index) => ({ id: item.id, choice: index === 0 ? 1 : null, correct: false })),
		);
	});

	it('reviews every question with every option explained and a link to its lesson section', async () => {
		await load();
		fireEvent.click(screen.getByRole('button', { name: 'Submit my answers' }));
		await screen.findByText('You scored 0 of 10.');
		const first = drawTest(pool, 'start')[0] as CompiledQuestion;
		const item = groups()[0]?.closest('li') as HTMLElement;
		expect(within(item).getByText('Not answered.')).toBeTruthy();
		const review = item.querySelector('details.aw-reveal') as HTMLDetailsElement;
		expect(review.open).toBe(true);
		for (const name of ['Alpha', 'Beta', 'Gamma'])
			expect(within(review).getByText(new RegExp(`Why ${name} of ${first.id}`))).toBeTruthy();
		const lesson = lessons.find((entry) => entry.slug === first.lesson);
		expect(
			within(review)
				.getByRole('link', { name: new RegExp(lesson?.title ?? '') })
				.getAttribute('href'),
		).toBe(`${lesson?.href}#section-of-${first.id}`);
	});

	it('retakes with a new seed in the URL and a new draw', async () => {
		await load();
		fireEvent.click(screen.getByRole('button', { name: 'Submit my answers' }));
		fireEvent.click(await screen.findByRole('button', { name: 'Retake with new questions' }));
		await vi.waitFor(() => expect(new URLSearchParams(window.location.search).get('seed')).toMatch(/^[a-z0-9]{6}$/));
		const seed = new URLSearchParams(window.location.search).get('seed');
		expect(shownIds()).toEqual(drawTest(pool, seed ?? '').map((item) => item.id));
		expect(screen.queryByText(/You scored/)).toBeNull();
		expect(screen.getAllByRole('radio').some((radio) => (radio as HTMLInputElement).checked)).toBe(false);
	});

	it('fetches only the data of the lessons another seed draws from', async () => {
		await load('?seed=zz9');
		const drawn = drawTest(pool, 'zz9');
		await vi.waitFor(() => expect(shownIds()).toEqual(drawn.map((item) => item.id)));
		const fetched = serve.mock.calls.map(([url]) => url).sort();
		expect(fetched).toEqual([...new Set(drawn.map((item) => `/practice/${item.lesson}.json`))].sort());
		expect(screen.getByText(`Prompt of ${drawn[0]?.id ?? ''}?`)).toBeTruthy();
	});

	it("shows the server's render of the default draw until its lessons' data has come, then the same questions", async () => {
		let arrive = () => {};
		const held = new Promise<void>((resolve) => (arrive = resolve));
		serve.mockImplementation(async (url: string) => {
			await held;
			return lessonData(url);
		});
		try {
			await load('', { live: false });
			const drawn = drawTest(pool, 'start');
			expect(shownIds()).toEqual(drawn.map((item) => item.id));
			expect(document.querySelector('.aw-test')?.hasAttribute('data-pending')).toBe(true);
			arrive();
			// The live view is built hidden behind the server's render, then shown whole in its place.
			await vi.waitFor(() => expect(document.querySelector('.aw-test-live:not([hidden]) .aw-test')).toBeTruthy());
			expect(document.querySelector('[data-static]')).toBeNull();
			expect(document.querySelectorAll('.aw-test-live .aw-list__item')).toHaveLength(drawn.length);
			expect(shownIds()).toEqual(drawn.map((item) => item.id));
			const fetched = serve.mock.calls.map(([url]) => url).sort();
			expect(fetched).toEqual([...new Set(drawn.map((item) => `/practice/${item.lesson}.json`))].sort());
		} finally {
			serve.mockImplementation(async (url: string) => lessonData(url));
		}
	});

	it("keeps the server's draw and says so when the questions cannot be fetched", async () => {
		serve.mockImplementation(async () => new Response('', { status: 503 }));
		try {
			await load('?seed=zz9', { live: false });
			expect(await screen.findByText(/could not be loaded/)).toBeTruthy();
			expect(shownIds()).toEqual(drawTest(pool, 'start').map((item) => item.id));
		} finally {
			serve.mockImplementation(async (url: string) => lessonData(url));
		}
	});
});
