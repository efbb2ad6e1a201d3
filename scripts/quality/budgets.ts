/**
 * The byte budgets of DESIGN.md, and the comparison that fails a page over them with a message that names
 * the page, the figure, the budget and the biggest files, so the fix starts from the message.
 */
import { formatKB, type Transfer } from './transfer.ts';

/** Gzip bytes (1 KB = 1000 bytes). */
export const BUDGETS = {
	/** JavaScript loaded at page load, before any island becomes visible (islands' own code excluded). */
	jsAtLoad: 8_000,
	/** All islands of a page together: components, renderer (Preact) and everything they import. */
	islands: 15_000,
	/** Everything the page loads before the `load` event: HTML, CSS, JS, fonts, images. */
	totalAtLoad: 45_000,
} as const;

export type BudgetName = keyof typeof BUDGETS;

export const BUDGET_LABELS: Record<BudgetName, string> = {
	jsAtLoad: 'JavaScript at load (before any island)',
	islands: 'JavaScript of all islands',
	totalAtLoad: 'Total at load',
};

/** The files behind one figure; the figure is the sum of their gzip sizes. */
export type PageFigures = Record<BudgetName, readonly Transfer[]>;

export function sumGzip(transfers: readonly Transfer[]): number {
	return transfers.reduce((sum, transfer) => sum + transfer.gzip, 0);
}

function biggest(transfers: readonly Transfer[], count = 4): string {
	return [...transfers]
		.sort((a, b) => b.gzip - a.gzip)
		.slice(0, count)
		.map((transfer) => `${transfer.url} ${formatKB(transfer.gzip)}`)
		.join(', ');
}

/** One message per budget the page is over; empty when it is within all of them. */
export function overBudget(
	page: string,
	figures: PageFigures,
	budgets: Record<BudgetName, number> = BUDGETS,
): string[] {
	const messages: string[] = [];
	for (const name of Object.keys(budgets) as BudgetName[]) {
		const total = sumGzip(figures[name]);
		const budget = budgets[name];
		if (total <= budget) continue;
		messages.push(
			`${page}: ${BUDGET_LABELS[name]} is ${formatKB(total)} gzip, over the ${formatKB(budget)} budget by ${formatKB(total - budget)}. Biggest: ${biggest(figures[name])}.`,
		);
	}
	return messages;
}

/** A one-line summary of a page's figures against the budgets, for the test log. */
export function summaryLine(page: string, figures: PageFigures, budgets: Record<BudgetName, number> = BUDGETS): string {
	const parts = (Object.keys(budgets) as BudgetName[]).map(
		(name) => `${name} ${formatKB(sumGzip(figures[name]))}/${formatKB(budgets[name])}`,
	);
	return `${page}: ${parts.join(', ')}`;
}
