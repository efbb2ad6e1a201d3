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
		why: "Tests that make localStorage throw on every access (blockStorage) also break Starlight's own inline scripts (theme and sidebar state), which read it without a try. They are Starlight's, inline in the HTML, and the page works without them. An error from a script file (our islands, in /_astro/) is not matched.",
		matches: (error) =>
			error.kind === 'pageerror' &&
			/^SecurityError: The operation is insecure\.?$|^The operation is insecure\.?$/.test(error.text) &&
			!/\/_astro\//.test(error.stack),
	},
];
