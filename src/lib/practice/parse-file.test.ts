/**
 * parse-file.ts reads YAML on its fast path with js-yaml and describes failures with `yaml`: the two must agree
 * on every file, or a file would mean one thing in the build and another in an author's error. `yaml` is the
 * oracle: whatever it accepts, js-yaml must read to the same data; whatever it rejects, js-yaml must reject.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parsePracticeFile } from './parse-file.ts';

type Outcome = { ok: true; data: unknown } | { ok: false };

function fast(source: string): Outcome {
	try {
		return { ok: true, data: load(source, { schema: CORE_SCHEMA }) };
	} catch {
		return { ok: false };
	}
}

function oracle(source: string): Outcome {
	try {
		return { ok: true, data: parse(source, { uniqueKeys: true }) };
	} catch {
		return { ok: false };
	}
}

function yamlFilesUnder(root: string): string[] {
	return readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
		.map((entry) => path.join(entry.parentPath, entry.name));
}

const files = ['src/content/practice', 'src/lib/practice/fixtures', 'tests/bad-input'].flatMap(yamlFilesUnder);

describe('the fast YAML path', () => {
	it('covers the course, the fixtures and the bad-input cases', () => {
		expect(files.length).toBeGreaterThan(30);
		expect(files.some((file) => file.startsWith('tests/bad-input'))).toBe(true);
	});

	it.each(files)('reads %s as `yaml` does', (file) => {
		const source = readFileSync(file, 'utf8');
		expect(fast(source)).toEqual(oracle(source));
	});

	it.each([
		['plain scalars stay text where YAML 1.1 would convert them', 'a: yes\nb: no\nc: on\nd: 2024-01-01\ne: 1_000\n'],
		['core-schema numbers, nulls and booleans', 'a: 0o17\nb: 0x1F\nc: .inf\nd: ~\ne: null\nf: true\ng: 1e3\nh: -0.5\n'],
		['block scalars, folded and literal', 'a: |\n  one\n  two\nb: >-\n  folded\n  line\nc: |+\n  kept\n\n'],
		['quoted text with escapes and colons', 'a: "tab\\tand \\u00e9"\nb: \'it\'\'s: fine\'\nc: "`aget()`: returns"\n'],
		['anchors and aliases', 'a: &x [1, 2]\nb: *x\n'],
		['a merge key is only a key in YAML 1.2', 'base: &b {x: 1}\nchild:\n  <<: *b\n  y: 2\n'],
		['a repeated key', 'a: 1\na: 2\n'],
		['a tab used for indentation', 'a:\n\tb: 1\n'],
		['an unclosed quote', 'a: "open\n'],
		['a bad indentation', 'a:\n  - b\n c: 1\n'],
		['text starting with a backtick', 'a: `code`\n'],
		['several documents', 'a: 1\n---\nb: 2\n'],
	])('agrees with `yaml` on %s', (_, source) => {
		expect(fast(source)).toEqual(oracle(source));
	});

	it('still names the line of a YAML mistake, from `yaml`', () => {
		const result = parsePracticeFile('q.yaml', 'type: quiz\nitems:\n  - id: a\n    id: b\n');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems).toMatchObject([{ code: 'AW101', file: 'q.yaml', line: 4 }]);
	});
});
