/**
 * Where practice lives, derived from set ids. A set's lesson is the first segment of its id (`aget/quiz` →
 * `aget`); the page that shows it is `lessons/<lesson>` unless the set names another (`page:` in its YAML,
 * for sets that live elsewhere, such as the authoring guide's examples).
 *
 * Each lesson has one practice page, `/practice/<lesson>/`, with all its sets rendered whole (what readers
 * without JavaScript use: answers in closed `<details>`), and one data file, `/practice/<lesson>.json`, with
 * all its sets compiled: what every island renders from. A lesson page carries no questions in its HTML (they
 * are over half of a lesson's bytes): each set shows its summary and a link to its place on the practice page,
 * and with JavaScript its island renders the set from the lesson's data.
 */

/** The lesson a set belongs to: the first segment of its id. */
export function lessonOf(setId: string): string {
	return setId.split('/')[0] ?? setId;
}

/** The docs entry id of the page that shows a set: its own `page`, else its lesson's. */
export function hostPageOf(set: { id: string; page?: string | undefined }): string {
	return set.page ?? `lessons/${lessonOf(set.id)}`;
}

/** The path of a docs entry's page (without the site's base path). */
export function docsPath(entryId: string): string {
	return entryId === 'index' ? '/' : `/${entryId}/`;
}

/** A lesson's practice page: `/practice/aget/` (without the site's base path). */
export function practicePagePath(lesson: string): string {
	return `/practice/${lesson}/`;
}

/** A lesson's practice data, every set of the lesson with its HTML, as JSON: `/practice/aget.json`. */
export function practiceDataPath(lesson: string): string {
	return `/practice/${lesson}.json`;
}

/** A set's anchor on its lesson's practice page: the rest of its id (`aget/quiz` → `quiz`). */
export function setAnchor(setId: string): string {
	return setId.split('/').slice(1).join('-') || setId;
}

/** A set's anchor on the page that shows it, which back-links from the practice page target. */
export function embedAnchor(setId: string): string {
	return `set-${setAnchor(setId)}`;
}
