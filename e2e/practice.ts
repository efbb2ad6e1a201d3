/**
 * Helpers for the practice islands' end-to-end tests: finding a widget, waiting until its island has hydrated,
 * storage that fails like a browser's can, and an axe check with the project's WCAG tags.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** The authoring guide shows one of each widget; e2e tests use it so they do not depend on lesson content. */
export const GUIDE = '/guide/authoring/';

/** The guide's practice page, every set rendered whole on the server (what readers without JavaScript use). */
export const GUIDE_PRACTICE = '/practice/guide/';

/** Each of the guide's sets on that page, by its stable anchor. */
export const GUIDE_SET_PAGES = {
	cards: `${GUIDE_PRACTICE}#cards`,
	quiz: `${GUIDE_PRACTICE}#quiz`,
	explain: `${GUIDE_PRACTICE}#explain`,
	practice: `${GUIDE_PRACTICE}#problems`,
} as const;
export const STORAGE_KEY = 'awaitable:progress';

export type Widget = 'quiz' | 'cards' | 'explain' | 'practice' | 'test' | 'progress';

/**
 * A widget's root, scrolled into view and hydrated. A set's island first shows the set's summary (on a lesson)
 * or its server-rendered preview (on a practice page), both marked `data-pending`, then its live widget once
 * the lesson's data has arrived; this waits for the widget.
 */
export async function widget(page: Page, name: Widget): Promise<Locator> {
	const root = page.locator(`.aw-${name}`).first();
	// Scrolled to as a reader would, and again while it is still a summary: a set renders as it comes near the
	// viewport, and a single scroll made while the page was still hydrating left it a summary in 2 of 85 runs
	// (cause not pinned down). Its summary may also give way to the widget while scrolling.
	await expect(async () => {
		await root.scrollIntoViewIfNeeded({ timeout: 1000 });
		await expect(root).not.toHaveAttribute('data-pending', { timeout: 1000 });
	}).toPass({ timeout: 15_000 });
	await expect(page.locator('astro-island', { has: root })).not.toHaveAttribute('ssr', /.*/);
	return root;
}

/** A widget's root without JavaScript (or before hydration). */
export function staticWidget(page: Page, name: Widget): Locator {
	return page.locator(`.aw-${name}`).first();
}

/** Makes every access to `window.localStorage` throw, as with storage disabled or some private modes. */
export async function blockStorage(page: Page): Promise<void> {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', {
			configurable: true,
			get() {
				const error = new DOMException('The operation is insecure.', 'SecurityError');
				// A DOMException carries no stack; give it one, so a test's error report shows (and
				// e2e/allowed-errors.ts can tell) whose code called into storage.
				Error.captureStackTrace(error);
				throw error;
			},
		});
	});
}

/** Makes writes to storage fail as when the quota is full; reads still work. */
export async function fillStorageQuota(page: Page): Promise<void> {
	await page.addInitScript(() => {
		Storage.prototype.setItem = () => {
			const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			Error.captureStackTrace(error); // see blockStorage
			throw error;
		};
	});
}

/** Replaces the stored progress (on the page's origin) and reloads, so the islands read it fresh. */
export async function storeRaw(page: Page, raw: string): Promise<void> {
	await page.evaluate(([key, value]) => localStorage.setItem(key ?? '', value ?? ''), [STORAGE_KEY, raw]);
	await page.reload();
}

export async function storedProgress(
	page: Page,
): Promise<{ items: Record<string, Record<string, unknown>>; tests: unknown[] } | null> {
	return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), STORAGE_KEY);
}

/**
 * Axe with the WCAG 2.0/2.1 A and AA rules over our islands (the rest of the page is Starlight's, checked by
 * a11y.spec.ts); returns a readable list of violations, empty when clean.
 */
export async function axeViolations(
	page: Page,
	include = 'astro-island',
): Promise<{ rule: string; nodes: string[] }[]> {
	const results = await new AxeBuilder({ page })
		.include(include)
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return results.violations.map((violation) => ({
		rule: violation.id,
		nodes: violation.nodes.map((node) => node.target.join(' ')),
	}));
}

/** Presses Tab until `target` has focus (at most `limit` times), as a keyboard user would; every code block is a tab stop (it can scroll), so long pages need many. */
export async function tabTo(page: Page, target: Locator, limit = 150): Promise<void> {
	for (let step = 0; step < limit; step++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
}

/** The index of the right option, read from the question's own answer section (the authors' data may change). */
export async function rightOption(question: Locator): Promise<number> {
	const verdicts = await question.locator('.aw-review__head .aw-verdict').allTextContents();
	const index = verdicts.findIndex((text) => /Right/.test(text));
	expect(index, 'the question marks one option right').toBeGreaterThanOrEqual(0);
	return index;
}
