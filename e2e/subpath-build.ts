/**
 * Where the sub-path copy of the site lives: built by `npm run build:subpath` (scripts/build-subpath.ts), served
 * by the `subpath` project's web server (playwright.config.ts), checked by e2e/subpath.spec.ts.
 */
export const SUBPATH_BASE = '/awaitable/';
export const SUBPATH_OUT_DIR = 'dist-subpath';
