/**
 * Readers' stored progress survives the engine's changes. The fixture is localStorage captured in Chromium
 * from a build of main at a39d713 (before choices were shuffled and problems marked `correct`): quiz
 * questions and problems of two lessons answered (a mix of right and wrong), a flashcard marked, an
 * explain-it draft written. `chosen` holds, per item id, the letters and digits of the option chosen then.
 * This build must show every one of those answers, on the same option, whatever order it is shown in now.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { STORAGE_KEY, widget } from './practice.ts';

const fixture = JSON.parse(readFileSync('e2e/fixtures/progress-a39d713.json', 'utf8')) as {
	storage: { items: Record<string, { kind: string; correct?: boolean }> };
	chosen: Record<string, string>;
};
const letters = (text: string) => text.replace(/[^A-Za-z0-9]/g, '');

/** Where each answered set is shown. */
const SETS = [
	{ lesson: 'aget', type: 'quiz' },
	{ lesson: 'aget', type: 'problems' },
	{ lesson: 'blocking', type: 'quiz' },
	{ lesson: 'blocking', type: 'problems' },
] as const;

test.beforeEach(async ({ page }) => {
	await page.goto('/');
	await page.evaluate(
		([key, value]) => localStorage.setItem(key ?? '', value ?? ''),
		[STORAGE_KEY, JSON.stringify(fixture.storage)],
	);
});

for (const { lesson, type } of SETS) {
	test(`answers stored by an earlier build show on the same option in ${lesson}'s ${type}`, async ({ page }) => {
		await page.goto(`/practice/${lesson}/#${type}`);
		const root = await widget(page, type === 'quiz' ? 'quiz' : 'practice');
		const ids = Object.keys(fixture.chosen).filter(
			(id) => id.startsWith(`${lesson}-`) && id.includes(type === 'quiz' ? '-quiz-' : '-problem-'),
		);
		expect(ids.length).toBeGreaterThan(2);
		for (const id of ids) {
			const group = root.locator(`input[type=radio][name="aw-${id}"]`);
			await expect(group.first()).toBeDisabled();
			const checked = root.locator('label.aw-choice', { has: page.locator(`input[name="aw-${id}"]:checked`) });
			expect(letters((await checked.locator('.aw-choice__text').textContent()) ?? '')).toBe(fixture.chosen[id]);
			const verdict = fixture.storage.items[id]?.correct ? 'Your answer: correct' : 'Your answer: incorrect';
			await expect(checked.getByText(verdict)).toBeVisible();
		}
	});
}

test('a flashcard marked and an explain-it draft written by an earlier build are still there', async ({ page }) => {
	await page.goto('/practice/aget/#explain');
	const explain = await widget(page, 'explain');
	await expect(explain.locator('textarea').first()).toHaveValue('My own words about aget.');
	await page.goto('/practice/aget/#cards');
	const cards = await widget(page, 'cards');
	await expect(cards.getByText(/^1 known, 0 to review/)).toBeVisible();
});
