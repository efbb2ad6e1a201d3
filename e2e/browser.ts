/**
 * Which Chromium the end-to-end tests drive. `npx playwright install` cannot download browsers here, so by
 * default we use the Chromium shipped inside the npm package `@sparticuz/chromium` (installed by `npm
 * install`, unpacked to a temporary folder on first use). Set `CHROMIUM_PATH` to use another build, such as
 * Debian's `/usr/bin/chromium` or a local Chrome.
 */
import sparticuz from '@sparticuz/chromium';

export async function chromiumExecutable(): Promise<string> {
	const fromEnvironment = process.env['CHROMIUM_PATH'];
	if (fromEnvironment) return fromEnvironment;
	return sparticuz.executablePath();
}

/** Flags for a headless Chromium in a container: no sandbox (we run as root), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--no-zygote',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
