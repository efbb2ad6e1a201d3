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
import { COMPONENT_FOR, practiceSets, type SetType } from '../practice/set-index.ts';

const TYPE_OF = new Map(Object.entries(COMPONENT_FOR).map(([type, component]) => [component, type as SetType]));

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

		const file = path.relative(root, fileURLToPath(ctx.fileURL)).split(path.sep).join('/');
		const at = { file, line: node.position?.start.line };
		const sets = practiceSets(root);
		const set = sets.find((candidate) => candidate.id === id);
		if (!set) {
			const ids = sets.filter((candidate) => candidate.type === type).map((candidate) => candidate.id);
			throw new AuthorError({ ...at, code: 'AW401', message: unknownSetMessage(component, id, type, ids) });
		}
		if (set.type !== undefined && set.type !== type) {
			throw new AuthorError({
				...at,
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
