/**
 * Bad input from readers' browsers: whatever `localStorage` holds, or however it fails, the page works (the
 * islands answer clicks), the reader's valid progress survives, and nothing is written that breaks the next
 * visit. The stored shape is described in src/lib/progress/store.ts (key `awaitable:progress`, version PROGRESS_VERSION).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { blockStorage, GUIDE, rightOption, STORAGE_KEY, storedProgress, widget } from './practice.ts';
import { PROGRESS_VERSION } from '../src/lib/progress/limits.ts';

type Stored = NonNullable<Awaited<ReturnType<typeof storedProgress>>>;

const questionItem = (quiz: Locator, number: number) =>
	quiz.locator('li').filter({ has: quiz.page().getByRole('group', { name: new RegExp(`Question ${number} of`) }) });

/** Answers a quiz question right and waits for the feedback. */
async function answerRight(quiz: Locator, number: number): Promise<void> {
	const item = questionItem(quiz, number);
	await item
		.getByRole('radio')
		.nth(await rightOption(item))
		.check();
	await item.getByRole('button', { name: 'Unsure' }).click();
	await expect(item.locator('.aw-feedback')).toContainText('Correct.');
}

/** The islands work: a card reveals and marks, a quiz question checks. */
async function islandsAnswer(page: Page, number: number): Promise<void> {
	const cards = await widget(page, 'cards');
	await cards.getByText('Show the answer').first().click();
	await cards.getByRole('button', { name: 'I knew it' }).first().click();
	await expect(cards.locator('.aw-status')).toContainText('1 known');
	await answerRight(await widget(page, 'quiz'), number);
}

/** Writes a raw value under the progress key on the site's origin, then loads the page afresh. */
async function visitWith(page: Page, raw: string): Promise<void> {
	await page.goto(GUIDE);
	await page.evaluate(([key, value]) => localStorage.setItem(key ?? '', value ?? ''), [STORAGE_KEY, raw]);
	await page.goto(GUIDE);
}

/** The stored value is a version-1 document whose every item record is one the site itself writes. */
function expectWellFormed(stored: Stored | null): asserts stored is Stored {
	expect(stored).not.toBeNull();
	expect(stored).toMatchObject({ v: PROGRESS_VERSION });
	expect(Array.isArray(stored?.tests)).toBe(true);
}

/** The next visit restores question 1 as answered right, and the islands still answer clicks. */
async function nextVisitWorks(page: Page): Promise<void> {
	await page.goto(GUIDE);
	await expect(questionItem(await widget(page, 'quiz'), 1).locator('.aw-feedback')).toContainText('Correct.');
	const cards = await widget(page, 'cards');
	await cards.getByText('Show the answer').first().click();
	await cards.getByRole('button', { name: "I didn't" }).first().click();
	await expect(cards.locator('.aw-status')).toContainText('1 to review');
}

/** A real record for quiz question 1, written by the site itself. */
async function realRecord(page: Page): Promise<{ id: string; record: Record<string, unknown>; document: Stored }> {
	await page.goto(GUIDE);
	await answerRight(await widget(page, 'quiz'), 1);
	const document = await storedProgress(page);
	expectWellFormed(document);
	const [id, record] = Object.entries(document.items).find(([, value]) => value['kind'] === 'choice') ?? [];
	expect(id, 'answering wrote a choice record').toBeDefined();
	return { id: id ?? '', record: record ?? {}, document };
}

test.describe('stored progress that is not what we wrote', () => {
	test('invalid JSON: the page works and the next write replaces it with a valid document', async ({ page }) => {
		await visitWith(page, '{"v":1,"items":{"broken"');
		await islandsAnswer(page, 1);
		expectWellFormed(await storedProgress(page));
		await nextVisitWorks(page);
	});

	test("an old version's shape: the page works, and it is replaced, not mixed into", async ({ page }) => {
		// A shape this site never shipped as version 1: no `v`, answers under another key.
		await visitWith(page, JSON.stringify({ version: 0, answers: { 'guide-quiz-1': 2 }, cards: ['x'] }));
		await islandsAnswer(page, 1);
		const stored = await storedProgress(page);
		expectWellFormed(stored);
		expect(Object.keys(stored)).not.toContain('answers');
		await nextVisitWorks(page);
	});

	test('a record for an id that no longer exists is kept aside while valid progress survives', async ({ page }) => {
		const { id, record, document } = await realRecord(page);
		const gone = { kind: 'choice', hash: 'oldhash', at: 1, attempts: 1, choice: 0, correct: true };
		const broken = { kind: 'choice', hash: '', at: -1, attempts: 0, choice: 9, correct: 'yes' };
		await visitWith(
			page,
			JSON.stringify({
				...document,
				items: { ...document.items, 'a-question-since-deleted': gone, 'guide-nonsense': broken },
			}),
		);
		// The valid answer is shown as answered; the page still takes new answers.
		await expect(questionItem(await widget(page, 'quiz'), 1).locator('.aw-feedback')).toContainText('Correct.');
		await islandsAnswer(page, 2);
		const stored = await storedProgress(page);
		expectWellFormed(stored);
		expect(stored.items[id]).toMatchObject({ hash: record['hash'], correct: true });
		expect(stored.items['a-question-since-deleted']).toEqual(gone);
		await nextVisitWorks(page);
	});

	test('a huge value: the page works without parsing it, and the next write is small again', async ({ page }) => {
		await visitWith(page, JSON.stringify({ v: 1, items: {}, tests: [], padding: 'x'.repeat(1_500_000) }));
		await islandsAnswer(page, 1);
		const raw = await page.evaluate((key) => localStorage.getItem(key)?.length ?? 0, STORAGE_KEY);
		expect(raw).toBeLessThan(10_000);
		expectWellFormed(await storedProgress(page));
		await nextVisitWorks(page);
	});

	test('valid progress inside an oversized but parseable document survives', async ({ page }) => {
		const { id, document } = await realRecord(page);
		const bulky = {
			...document,
			items: { ...document.items, 'some-old-explain': { kind: 'explain', draft: 'y'.repeat(600_000) } },
		};
		await visitWith(page, JSON.stringify(bulky));
		await expect(questionItem(await widget(page, 'quiz'), 1).locator('.aw-feedback')).toContainText('Correct.');
		await islandsAnswer(page, 2);
		const stored = await storedProgress(page);
		expectWellFormed(stored);
		expect(stored.items[id]).toMatchObject({ correct: true });
		await nextVisitWorks(page);
	});
});

test('storage that throws on every access: the islands still answer, in memory', async ({ page }) => {
	await blockStorage(page);
	await page.goto(GUIDE);
	await islandsAnswer(page, 1);
	await answerRight(await widget(page, 'quiz'), 2);
	// Nothing persisted, nothing crashed; a reload starts clean and still works.
	await page.reload();
	await islandsAnswer(page, 1);
});
