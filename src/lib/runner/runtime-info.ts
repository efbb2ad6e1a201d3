/** What the build tells the browser about the runner's runtime (the `__AWAITABLE_RUNNER__` constant). */
export interface RuntimeInfo {
	/** Where the staged files are, relative to the site's base (`runner/<version>/`); null when Run is off. */
	path: string | null;
	/** Why Run is off in this build (e.g. no Python on the build machine); null when it is on. */
	off: string | null;
	/** Size in bytes of each staged file, for the progress bar. */
	files: Record<string, number>;
	/** Versions said in the caveat, read from the staged files (Pyodide's lock file, harness/requirements.txt). */
	python: string;
	django: string;
	/** Megabytes the first Run downloads, uncompressed, rounded. */
	mb: number;
}

declare global {
	/** For ui.ts (loaded on the first Run or Edit). */
	const __AWAITABLE_RUNNER__: RuntimeInfo;
}
