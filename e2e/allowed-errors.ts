/**
 * The one list of browser errors a test may see without failing (e2e/fixtures.ts fails every test on any
 * other `pageerror` or console error). Each entry matches as narrowly as it can, message and where it came
 * from, and says why it is harmless. Never add an entry for an error thrown by our own code in `/_astro/`:
 * fix the code instead.
 */

/** An error the page threw or logged, as the fixture records it. */
export interface BrowserError {
	kind: 'console' | 'pageerror';
	/** The console text, or the error's message. */
	text: string;
	/** Console: the URL the message is attributed to (for a failed request, the request's URL). */
	url: string;
	/** Page error: the stack, as Chromium reports it. */
	stack: string;
}

export interface AllowedError {
	/** Why this error is harmless; shown nowhere, read by whoever reviews the list. */
	why: string;
	matches(error: BrowserError): boolean;
}

/** The URLs of a V8 stack's frames (`at f (url:line:col)` or `at url:line:col`). */
function stackUrls(stack: string): string[] {
	return [...stack.matchAll(/^\s+at (?:.*? \()?(.+?):\d+:\d+\)?$/gm)].map(([, url]) => url ?? '');
}

/**
 * The stack has frames and all of them are inline scripts of a page (a page's URL, our `<anonymous>` storage
 * stand-ins aside), none from a script file.
 */
function onlyInlineScripts(stack: string): boolean {
	const urls = stackUrls(stack).filter((url) => url !== '<anonymous>');
	return urls.length > 0 && urls.every((url) => /^https?:/.test(url) && !/\.m?js(\?|$)/.test(new URL(url).pathname));
}

const failedLoad = (status: number) =>
	new RegExp(`^Failed to load resource: the server responded with a status of ${status}\\b`);

export const ALLOWED_ERRORS: readonly AllowedError[] = [
	{
		why: 'The tests open /no-such-page/ on purpose to check the 404 page; Chromium logs the 404 status of that document.',
		matches: (error) =>
			error.kind === 'console' &&
			failedLoad(404).test(error.text) &&
			new URL(error.url).pathname.endsWith('/no-such-page/'),
	},
	{
		why: "A test answers a practice set's JSON with 503 on purpose (page.route) to check the message readers get when a set cannot be loaded; astro preview never answers 503.",
		matches: (error) =>
			error.kind === 'console' &&
			failedLoad(503).test(error.text) &&
			/\/practice\/.+\.json$/.test(new URL(error.url).pathname),
	},
	{
		why: "Tests that break localStorage on purpose (practice.ts: blockStorage makes every access throw, fillStorageQuota every write) also break Starlight's inline scripts in the page (theme provider and theme picker), which call it without a try; with the provider's definition failing, the next inline script's reference to StarlightThemeProvider fails too. They are Starlight's and the page works without them. Matched only when every frame of the stack is an inline script of the page: an error from a script file (our islands, /_astro/) never is.",
		matches: (error) =>
			error.kind === 'pageerror' &&
			/^(The operation is insecure\.|The quota has been exceeded\.|StarlightThemeProvider is not defined)$/.test(
				error.text,
			) &&
			onlyInlineScripts(error.stack),
	},
];
