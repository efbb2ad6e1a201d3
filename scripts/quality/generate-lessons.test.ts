import { describe, expect, test } from 'vitest';
import { parsePracticeFile } from '../../src/lib/practice/parse-file.ts';
import { checkSiteRules } from '../../src/lib/practice/site-rules.ts';
import { readFenceInfo } from '../../src/lib/samples/meta.ts';
import { generateLesson, lessonSlug } from './generate-lessons.ts';

describe('generated lessons', () => {
	test('are deterministic', () => {
		expect(generateLesson(7, true)).toEqual(generateLesson(7, true));
		expect(generateLesson(7, true).mdx).not.toBe(generateLesson(8, true).mdx);
	});

	test('our lesson embeds the four patterns; the bare one has the same text without them', () => {
		const ours = generateLesson(1, true);
		const bare = generateLesson(1, false);
		for (const tag of ['<Flashcards id="generated-001/cards" />', '<Quiz id=', '<ExplainIt id=', '<Practice id=']) {
			expect(ours.mdx).toContain(tag);
			expect(bare.mdx).not.toContain(tag);
		}
		expect(bare.practice).toEqual({});
		const prose = (mdx: string) => mdx.split('## Recall & review')[0]?.replace(/^import .*\n\n/m, '');
		expect(prose(ours.mdx)?.trim()).toBe(prose(bare.mdx)?.trim());
		expect(ours.mdx).toContain('```python');
	});

	test('its practice data passes the real schemas and site rules, so the build measures a valid site', () => {
		const sets = [1, 2].flatMap((index) => {
			const lesson = generateLesson(index, true);
			return Object.entries(lesson.practice).map(([name, yaml]) => {
				const file = `src/content/practice/${lesson.slug}/${name}`;
				const result = parsePracticeFile(file, yaml);
				if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
				return { id: `${lesson.slug}/${name.replace('.yaml', '')}`, file, set: result.set };
			});
		});
		expect(sets).toHaveLength(8);
		expect(checkSiteRules(sets)).toEqual([]);
	});

	test('every Python block carries a valid run annotation, as the build requires', () => {
		for (let index = 1; index <= 20; index++) {
			for (const [, meta = ''] of generateLesson(index, true).mdx.matchAll(/```python(.*)/g)) {
				const info = readFenceInfo(meta.trim());
				expect(info.errors, meta).toEqual([]);
				expect(info.annotation, meta).toBeDefined();
			}
		}
	});

	test('slugs sort in lesson order', () => {
		expect([lessonSlug(2), lessonSlug(10), lessonSlug(100)]).toEqual([
			'generated-002',
			'generated-010',
			'generated-100',
		]);
	});
});
