/**
 * A Sätteri mdast plugin that stops the build when an MDX page embeds a practice set that does not exist, or
 * one of another type, naming the MDX file and line: `<Quiz id="aget/quizz" />` at
 * `src/content/docs/lessons/aget.mdx:212`. (The component's own check at render time knows the page, not the
 * line.) Ids written as expressions (`id={…}`) are left to that check.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdxJsxFlowElement, type MdxJsxTextElement } from 'satteri';
import { AuthorError, otherTypeMessage, unknownSetMessage } from '../practice/author-errors.ts';
import { COMPONENT_FOR, practiceSets, type IndexedSet, type SetType } from '../practice/set-index.ts';

const TYPE_OF = new Map(Object.entries(COMPONENT_FOR).map(([type, component]) => [component, type as SetType]));

/** The sets by id, built once per index (a lesson embeds several sets; a course has thousands). */
const BY_ID = new WeakMap<readonly IndexedSet[], ReadonlyMap<string, IndexedSet>>();

function setsById(sets: readonly IndexedSet[]): ReadonlyMap<string, IndexedSet> {
	let byId = BY_ID.get(sets);
	if (!byId) {
		byId = new Map(sets.map((set) => [set.id, set]));
		BY_ID.set(sets, byId);
	}
	return byId;
}

interface Context {
	readonly fileURL?: URL | undefined;
}

export function practiceIdsPlugin(root: string) {
	const check = (node: Readonly<MdxJsxFlowElement | MdxJsxTextElement>, ctx: Context) => {
		const component = node.name ?? '';
		const type = TYPE_OF.get(component);
		if (!ctx.fileURL || type === undefined) return;
		const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
		const id = attribute?.value;
		if (typeof id !== 'string') return;

		const sets = practiceSets(root);
		const set = setsById(sets).get(id);
		if (set && (set.type === undefined || set.type === type)) return;
		// Only a wrong id gets this far: the file's path and the line are worked out for its message.
		const { fileURL } = ctx;
		const at = () => ({
			file: path.relative(root, fileURLToPath(fileURL)).split(path.sep).join('/'),
			line: node.position?.start.line,
		});
		if (!set) {
			const ids = sets.filter((candidate) => candidate.type === type).map((candidate) => candidate.id);
			throw new AuthorError({ ...at(), code: 'AW401', message: unknownSetMessage(component, id, type, ids) });
		}
		if (set.type !== undefined) {
			throw new AuthorError({
				...at(),
				code: 'AW402',
				message: otherTypeMessage(component, id, { ...set, type: set.type, component: COMPONENT_FOR[set.type] }, type),
			});
		}
	};
	return defineMdastPlugin({
		name: 'awaitable-practice-ids',
		options: { position: true },
		mdxJsxFlowElement: check,
		mdxJsxTextElement: check,
	});
}
