/**
 * A Sätteri mdast plugin that stops the build when an MDX page embeds a practice set that does not exist, or
 * one of another type, naming the MDX file and line: `<Quiz id="aget/quizz" />` at
 * `src/content/docs/lessons/aget.mdx:212`. (The component's own check at render time knows the page, not the
 * line.) Ids written as expressions (`id={…}`) are left to that check.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { defineMdastPlugin, type MdxJsxFlowElement, type MdxJsxTextElement } from 'satteri';
import { didYouMean } from '../practice/author-errors.ts';
import { COMPONENT_FOR, PRACTICE_DIRECTORY, practiceSets, type SetType } from '../practice/set-index.ts';

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
		const line = node.position?.start.line;
		const where = line === undefined ? file : `${file}:${line}`;
		const sets = practiceSets(root);
		const set = sets.find((candidate) => candidate.id === id);
		if (!set) {
			const ids = sets.filter((candidate) => candidate.type === type).map((candidate) => candidate.id);
			const nearest = didYouMean(id, ids);
			throw new AstroError(
				`${where}: <${component} id="${id}" /> names no practice set.`,
				`Fix: use the path of a YAML file under ${PRACTICE_DIRECTORY} without ".yaml"${
					nearest ? `; did you mean "${nearest}"?` : '.'
				} Known ${type} sets: ${ids.join(', ') || 'none'}.`,
			);
		}
		if (set.type !== undefined && set.type !== type) {
			throw new AstroError(
				`${where}: <${component} id="${id}" /> points at a ${set.type} set (${set.file}).`,
				`Fix: embed it with <${COMPONENT_FOR[set.type]} id="${id}" />, or point <${component}> at a ${type} set.`,
			);
		}
	};
	return defineMdastPlugin({
		name: 'awaitable-practice-ids',
		options: { position: true },
		mdxJsxFlowElement: check,
		mdxJsxTextElement: check,
	});
}
