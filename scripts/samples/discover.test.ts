import { describe, expect, it } from 'vitest';

import { applyFilter, setIdOf } from './discover.ts';
import { emptyExtraction } from './types.ts';

describe('discover', () => {
	it('derives set ids from paths under the practice folder', () => {
		expect(setIdOf('src/content/practice/aget/quiz.yaml', 'src/content/practice')).toBe('aget/quiz');
		expect(setIdOf('src/content/practice/no-afilter/problems.yml', 'src/content/practice')).toBe('no-afilter/problems');
	});

	it('filters by file path or id substring', () => {
		const all = emptyExtraction();
		const base = { code: 'x', expect: { ok: true } as const, context: 'async' as const, line: 1 };
		all.snippets.push(
			{ ...base, id: 'src/content/docs/lessons/aget.mdx:3', file: 'src/content/docs/lessons/aget.mdx' },
			{ ...base, id: 'asave/quiz#q/choice-1', file: 'src/content/practice/asave/quiz.yaml' },
		);
		all.notRun.push({
			id: 'asave/quiz#q/choice-2',
			file: 'src/content/practice/asave/quiz.yaml',
			line: 2,
			reason: 'r',
		});
		const aget = applyFilter(all, 'aget');
		expect(aget.snippets.map((s) => s.id)).toEqual(['src/content/docs/lessons/aget.mdx:3']);
		expect(aget.notRun).toEqual([]);
		expect(applyFilter(all, '#q/choice-1').snippets.map((s) => s.id)).toEqual(['asave/quiz#q/choice-1']);
		expect(applyFilter(all, null)).toBe(all);
	});
});
