/**
 * Astro's static build writes its server build into `<outDir>/.prerender/` (astro/dist/prerender/utils.js,
 * `getPrerenderOutputDirectory`) and removes it once the pages are written, after the `astro:build:generated`
 * hooks. Hooks that run there skip it: its files are not the site's.
 */
import path from 'node:path';

export const SERVER_BUILD_FOLDER = '.prerender';

/** Whether `file` is in Astro's server build inside the output folder `out`. */
export function isServerBuild(out: string, file: string): boolean {
	return path.relative(out, file).split(path.sep)[0] === SERVER_BUILD_FOLDER;
}
