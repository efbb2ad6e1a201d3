import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { declaredType, indexPracticeSets, setIdsDeclaration, typeOfFile } from './set-index.ts';

const root = mkdtempSync(path.join(tmpdir(), 'set-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string) {
	mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
	writeFileSync(path.join(root, file), text);
}

describe('the index of practice sets', () => {
	it('reads each set id from the file path and its type from the top-level `type:` line', () => {
		write('src/content/practice/aget/quiz.yaml', '# yaml-language-server: $schema=x\ntype: quiz\nitems: []\n');
		write('src/content/practice/aget/cards.yml', "type: 'cards' # flashcards\nitems: []\n");
		write('src/content/practice/aget/broken.yaml', 'type: quizz\nitems:\n  - type: cards\n');
		write('src/content/practice/aget/notes.txt', 'type: quiz\n');
		expect(indexPracticeSets(root)).toEqual([
			{ id: 'aget/broken', file: 'src/content/practice/aget/broken.yaml', type: undefined },
			{ id: 'aget/cards', file: 'src/content/practice/aget/cards.yml', type: 'cards' },
			{ id: 'aget/quiz', file: 'src/content/practice/aget/quiz.yaml', type: 'quiz' },
		]);
	});

	it('finds the type however far into the file its line is, as a read of the whole file does', () => {
		const comment = (bytes: number) => `# ${'é'.repeat(Math.ceil(bytes / 2))}\n`;
		const cases = {
			'first.yaml': 'type: explain\nitems: []\n',
			'after-a-long-header.yaml': `${comment(1500)}type: problems\nitems: []\n`,
			// The first 1,024 bytes end inside the type line (`type: qu|iz`): the cut line must not count as `qu`.
			'cut.yaml': `${'#'.repeat(1015)}\ntype: quiz\n`,
			'cut-unknown.yaml': `${'#'.repeat(1015)}\ntype: quizz\n`,
			'nested-first.yaml': `items:\n  - type: cards\n${comment(1100)}type: cards\n`,
			'none.yaml': `${comment(2000)}items: []\n`,
		};
		for (const [name, text] of Object.entries(cases)) {
			write(`types/${name}`, text);
			expect(typeOfFile(path.join(root, 'types', name)), name).toBe(declaredType(text));
		}
		expect(typeOfFile(path.join(root, 'types/cut.yaml'))).toBe('quiz');
		expect(typeOfFile(path.join(root, 'types/after-a-long-header.yaml'))).toBe('problems');
	});

	it('ignores a `type:` key that is not at the top level', () => {
		expect(declaredType('items:\n  - type: quiz\n')).toBeUndefined();
	});

	it('is empty for a project without practice data', () => {
		expect(indexPracticeSets(path.join(root, 'nowhere'))).toEqual([]);
	});

	it('declares one union of ids per set type, and `never` for a type with no sets', () => {
		expect(
			setIdsDeclaration([
				{ id: 'aget/quiz', file: 'a', type: 'quiz' },
				{ id: 'asave/quiz', file: 'b', type: 'quiz' },
				{ id: 'aget/cards', file: 'c', type: 'cards' },
				{ id: 'aget/broken', file: 'd', type: undefined },
			]),
		).toMatchInlineSnapshot(`
			"// Generated from the files in src/content/practice by src/integrations/practice-types.ts; do not edit.
			interface AwaitablePracticeSetIds {
				cards: "aget/cards";
				quiz: "aget/quiz" | "asave/quiz";
				explain: never;
				problems: never;
			}
			"
		`);
	});
});
