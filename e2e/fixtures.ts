/**
 * The `test` every spec imports (ESLint forbids importing `test` from @playwright/test in e2e/). It adds one
 * automatic fixture: any uncaught exception (`pageerror`) or console error in any page of the test's browser
 * context fails the test, unless it is on the allow-list in e2e/allowed-errors.ts. Content-Security-Policy
 * violations count: a `securitypolicyviolation` listener, installed before any page script runs, logs each
 * one as a console error (the browser does not always log one itself).
 *
 * A test that opens its own context (`browser.newContext()`) calls `watchErrors(context, errors)` on it.
 */
import { test as base, type BrowserContext } from '@playwright/test';
import { ALLOWED_ERRORS, type BrowserError } from './allowed-errors.ts';

export { expect } from '@playwright/test';

/** Records every error of `context`'s pages into `errors`, CSP violations included. */
export async function watchErrors(context: BrowserContext, errors: BrowserError[]): Promise<void> {
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.error(
				`Content Security Policy violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`,
			);
		});
	});
	context.on('console', (message) => {
		if (message.type() !== 'error') return;
		errors.push({
			kind: 'console',
			text: message.text(),
			url: message.location().url || message.page()?.url() || '',
			stack: '',
		});
	});
	context.on('weberror', (webError) => {
		const error = webError.error();
		errors.push({
			kind: 'pageerror',
			text: error.message,
			url: webError.page()?.url() ?? '',
			stack: error.stack ?? '',
		});
	});
}

/** The errors that are not on the allow-list, one readable block each. */
export function unexpectedErrors(errors: readonly BrowserError[]): string[] {
	return errors
		.filter((error) => !ALLOWED_ERRORS.some((allowed) => allowed.matches(error)))
		.map(
			(error) => `${error.kind} on ${error.url || 'the page'}: ${error.text}${error.stack ? `\n${error.stack}` : ''}`,
		);
}

export const test = base.extend<{ browserErrors: BrowserError[] }>({
	browserErrors: [
		async ({ context }, use) => {
			const errors: BrowserError[] = [];
			await watchErrors(context, errors);
			await use(errors);
			const unexpected = unexpectedErrors(errors);
			if (unexpected.length > 0) {
				throw new Error(
					`The page logged ${unexpected.length} error(s). Fix them, or, if one is harmless, add it to e2e/allowed-errors.ts with the reason:\n\n${unexpected.join('\n\n')}`,
				);
			}
		},
		{ auto: true },
	],
});
