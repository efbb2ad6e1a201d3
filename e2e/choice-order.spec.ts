/**
 * Fair questions: choices are shown in a per-question shuffled order (src/lib/practice/choice-order.ts), the
 * same with and without JavaScript, so the right answer's position gives nothing away.
 */
import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { parse } from 'yaml';
import { widget } from './practice.ts';

const LESSON = 'aget';
const SET_PAGES = { quiz: `/practice/${LESSON}/#quiz`, problems: `/practice/${LESSON}/#problems` } as const;

/** The text of every choice, per question, in the order shown. */
async function shownChoices(root: Locator): Promise<string[][]> {
	return root
		.locator('.aw-choices')
		.evaluateAll((lists) =>
			lists.map((list) =>
				[...list.querySelectorAll('.aw-choice__text')].map((choice) => (choice.textContent ?? '').trim()),
			),
		);
}

/** Letters and digits only: what Markdown source and its rendered text have in common. */
const letters = (text: string) => text.replace(/^```.*$/gm, '').replace(/[^A-Za-z0-9]/g, '');

/** Each choice's authored Markdown, per question, reduced to its letters and digits. */
function authoredChoices(type: keyof typeof SET_PAGES): string[][] {
	const set = parse(readFileSync(`src/content/practice/${LESSON}/${type}.yaml`, 'utf8')) as {
		items: { choices: { text: string }[] }[];
	};
	return set.items.map((item) => item.choices.map((choice) => letters(choice.text)));
}

for (const type of Object.keys(SET_PAGES) as (keyof typeof SET_PAGES)[]) {
	test(`the ${type} shows its choices in the same shuffled order with and without JavaScript`, async ({
		browser,
		page,
	}) => {
		const name = type === 'quiz' ? 'quiz' : 'practice';
		await page.goto(SET_PAGES[type]);
		const withScript = await shownChoices(await widget(page, name));

		const noScript = await browser.newContext({ javaScriptEnabled: false });
		const staticPage = await noScript.newPage();
		await staticPage.goto(new URL(SET_PAGES[type], page.url()).href);
		expect(await shownChoices(staticPage.locator(`.aw-${name}`).first())).toEqual(withScript);
		await noScript.close();

		// Every authored choice is shown once, and some question shows them in another order than authored.
		const authored = authoredChoices(type);
		expect(withScript).toHaveLength(authored.length);
		const orders = withScript.map((shown, index) => {
			const written = authored[index] ?? [];
			return shown.map((text) => written.findIndex((choice) => letters(text).startsWith(choice)));
		});
		for (const order of orders) expect(order.toSorted()).toEqual(order.map((_, index) => index));
		expect(orders.some((order) => order.some((authoredIndex, position) => authoredIndex !== position))).toBe(true);
	});
}
