/**
 * Looks up a practice set for a component embedded in MDX. An unknown id or a set of the wrong type stops
 * the build with a message naming the page's file, the id and the fix.
 */
import { getCollection, getEntry, render } from 'astro:content';
import { compiledSet } from './dev-sets.ts';
import type { CompiledSet } from './compiled.ts';
import { KINDS } from './kinds.ts';
import { AuthorError, otherTypeMessage, unknownSetMessage } from './author-errors.ts';

export async function getPracticeSet<T extends CompiledSet['type']>(
	id: string,
	type: T,
	page: string,
	/** The docs entry id of the embedding page, when known: a set is shown on its own page only. */
	pageEntry?: string,
	/** The embedding page's heading anchors, when known (the page's own render has them). */
	pageAnchors?: readonly string[],
): Promise<Extract<CompiledSet, { type: T }>> {
	const { component } = KINDS[type];
	const entry = await getEntry('practice', id);
	if (!entry) {
		const ids = (await getCollection('practice')).filter((set) => set.data.type === type).map((set) => set.id);
		throw new AuthorError({ code: 'AW401', file: page, message: unknownSetMessage(component, id, type, ids) });
	}
	const set = compiledSet(entry.data);
	if (set.type !== type) {
		throw new AuthorError({
			code: 'AW402',
			file: page,
			message: otherTypeMessage(component, id, { ...set, component: KINDS[set.type].component }, type),
		});
	}
	if (pageEntry !== undefined && pageEntry !== set.page) {
		throw new AuthorError({
			code: 'AW403',
			file: page,
			message: `<${component} id="${id}" /> is a set of ${set.page}, not of this page (${pageEntry}). Fix: embed it on ${set.page}, or, if the set belongs on this page, add \`page: ${pageEntry}\` to ${set.file}. A set's page is lessons/<first segment of its id> unless its YAML names another.`,
		});
	}
	await checkSections(set, pageEntry === `lessons/${set.lesson}` ? pageAnchors : undefined);
	return set as Extract<CompiledSet, { type: T }>;
}

/**
 * A quiz question's `section` links the review to the heading that teaches it, so the heading must exist in
 * the set's lesson. (Links the islands build in the browser are out of the link validator's sight.)
 */
async function checkSections(set: CompiledSet, pageAnchors: readonly string[] | undefined): Promise<void> {
	if (set.type !== 'quiz') return;
	// Sets outside the lessons (the authoring guide's examples) have no lesson to link to; asking for one
	// printed a warning of Astro's in every build.
	if (set.page !== `lessons/${set.lesson}`) return;
	const lesson = await getEntry('docs', set.page);
	if (!lesson) return;
	// On the lesson itself its headings are at hand; rendering it again for them cost every lesson page.
	const anchors = new Set(pageAnchors ?? (await render(lesson)).headings.map((heading) => heading.slug));
	const missing = set.items.filter((item) => item.section !== undefined && !anchors.has(item.section));
	const [first] = missing;
	if (!first) return;
	const others = missing.slice(1).map((item) => `"${item.id}"`);
	throw new AuthorError({
		code: 'AW207',
		file: set.file,
		id: first.id,
		field: `section: ${first.section ?? ''}`,
		message: `names no heading of ${lesson.filePath ?? `lessons/${set.lesson}`}${others.length > 0 ? ` (nor do the sections of items ${others.join(', ')})` : ''}. Fix: use one of this lesson's heading anchors: ${[...anchors].join(', ')}.`,
	});
}
