import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modeline, SCHEMA_FILE } from '../../src/lib/practice/json-schema.ts';
import { ROOT } from '../quality/project-copy.ts';
import { practiceFiles, schemaFileText, withModeline } from './schema-file.ts';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('editor support for practice files', () => {
	it('commits the JSON Schema that the Zod schemas generate (run `npm run schema` when this fails)', async () => {
		expect(read(SCHEMA_FILE), 'schemas/practice-set.schema.json is stale: run `npm run schema`').toBe(
			await schemaFileText(ROOT),
		);
	});

	it('names the schema on the first line of every practice YAML file (run `npm run schema` to add it)', () => {
		const files = practiceFiles(ROOT);
		expect(files.length).toBeGreaterThan(0);
		const missing = files.filter((file) => read(file).split('\n')[0] !== modeline(file));
		expect(missing).toEqual([]);
	});

	it('points the modeline from a practice file at the schema file', () => {
		const file = 'src/content/practice/aget/quiz.yaml';
		const target = modeline(file).split('$schema=')[1] ?? '';
		expect(path.resolve(path.dirname(path.join(ROOT, file)), target)).toBe(path.join(ROOT, SCHEMA_FILE));
	});

	it('adds a missing modeline once and corrects one that points elsewhere', () => {
		const file = 'src/content/practice/aget/quiz.yaml';
		const added = withModeline(file, 'type: quiz\n');
		expect(added).toBe(`${modeline(file)}\ntype: quiz\n`);
		expect(withModeline(file, added)).toBe(added);
		expect(withModeline(file, '# yaml-language-server: $schema=old.json\ntype: quiz\n')).toBe(added);
	});

	it('maps the schema onto the practice files in the VS Code settings and recommends the YAML extension', () => {
		const settings = JSON.parse(read('.vscode/settings.json')) as { 'yaml.schemas': Record<string, string[]> };
		expect(settings['yaml.schemas'][`./${SCHEMA_FILE}`]).toContain('src/content/practice/**/*.yaml');
		const extensions = JSON.parse(read('.vscode/extensions.json')) as { recommendations: string[] };
		expect(extensions.recommendations).toContain('redhat.vscode-yaml');
	});
});
