/** Numbers the stored progress lives by; a module of its own so browser code can import them without Zod. */

/** Bump when the stored shape changes incompatibly, and add a migration in `store.ts`. */
export const PROGRESS_VERSION = 2;
/** The longest explain-it draft kept (characters); longer drafts are cut, so one field cannot fill the quota. */
export const MAX_DRAFT = 20_000;
/** Test results kept, newest last. */
export const MAX_TESTS = 20;
/**
 * A stored value longer than this (characters) is not parsed: we never write anything near it, so it is
 * not ours to trust, and parsing megabytes would stall the page.
 */
export const MAX_STORED_LENGTH = 1_000_000;
/**
 * What a test's seed (`?seed=` in the test page's URL) may be; anything else falls back to the default seed.
 * Here rather than in test-draw/seed.ts so that the progress validator, which every island loads, does not
 * pull the test page's seed handling into every page's islands.
 */
export const SEED_PATTERN = /^[a-z0-9-]{1,32}$/;
