// @vitest-environment happy-dom
/**
 * Islands get their items without HTML and read it from a table (`slim.ts`, `ui/Html.tsx`). Rendering from slim
 * items plus the table must give exactly the markup that full items give, or a part would silently vanish.
 */
import { cleanup, render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { slimItems } from '~/lib/practice/slim.ts';
import { cardItems, explainItems, problemItems, quizItems } from './test-fixtures.ts';

afterEach(() => cleanup());

async function markup(
	build: (islands: typeof import('./lesson.ts'), pool: typeof import('./TestIsland.tsx')) => ComponentChildren,
	table?: [string, string][],
) {
	vi.resetModules();
	const { htmlByKey } = await import('./ui/Html.tsx');
	for (const [key, html] of table ?? []) htmlByKey.set(key, html);
	const view = render(<>{build(await import('./lesson.ts'), await import('./TestIsland.tsx'))}</>);
	const html = view.container.innerHTML;
	cleanup();
	return html;
}

describe('islands rendered from slim items and the HTML table', () => {
	const lessons = [{ slug: 'aget', title: 'aget', href: '/lessons/aget/' }];
	const cases = {
		flashcards: (items: typeof cardItems) => (islands: typeof import('./lesson.ts')) => (
			<islands.FlashcardsIsland setId="s/cards" items={items} />
		),
		quiz: (items: typeof quizItems) => (islands: typeof import('./lesson.ts')) => (
			<islands.QuizIsland setId="s/quiz" items={items} />
		),
		explain: (items: typeof explainItems) => (islands: typeof import('./lesson.ts')) => (
			<islands.ExplainIsland setId="s/explain" items={items} />
		),
		practice: (items: typeof problemItems) => (islands: typeof import('./lesson.ts')) => (
			<islands.PracticeIsland setId="s/problems" items={items} />
		),
	};

	it.each([
		['flashcards', cardItems, cases.flashcards],
		['quiz', quizItems, cases.quiz],
		['explain it', explainItems, cases.explain],
		['practice', problemItems, cases.practice],
	] as const)('render the %s exactly as full items do', async (_, items, view) => {
		const full = await markup(view(items as never));
		const { items: slim, html } = slimItems(items as readonly { id: string }[]);
		expect(await markup(view(slim as never), html)).toBe(full);
		// The comparison means something only if the full render has the HTML in it.
		expect(full).toContain(`${(items[0] as { id: string }).id}`);
	});

	it('render the test exactly as full items do', async () => {
		const pool = [...quizItems, ...problemItems];
		const full = await markup((_, test) => <test.default pool={pool} lessons={lessons} />);
		const { items: slim, html } = slimItems(pool);
		expect(await markup((_, test) => <test.default pool={slim} lessons={lessons} />, html)).toBe(full);
	});
});
