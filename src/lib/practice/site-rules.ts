/** Rules that span files: a set sees only itself, so these run over all sets of the site together. */
import type { AuthorProblem } from './author-errors.ts';
import type { PracticeSet } from './practice-set.ts';

export interface LoadedSet {
	id: string;
	file: string;
	set: PracticeSet;
}

/** What the site rules read of a set: its file and its items' ids. */
export interface SiteRuleInput {
	file: string;
	set: { items: readonly { id: string }[] };
}

export function checkSiteRules(sets: readonly SiteRuleInput[]): AuthorProblem[] {
	const problems: AuthorProblem[] = [];
	const firstSeen = new Map<string, string>();
	for (const { file, set } of sets) {
		for (const item of set.items) {
			const earlier = firstSeen.get(item.id);
			if (earlier === undefined) {
				firstSeen.set(item.id, file);
				continue;
			}
			problems.push({
				code: 'AW206',
				file,
				id: item.id,
				message: `reuses an id already used in ${earlier}. Fix: ids are unique across the site and key readers' progress; give this item a new id.`,
			});
		}
	}
	return problems;
}
