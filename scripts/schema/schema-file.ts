/**
 * The committed editor support for practice YAML files: the JSON Schema file, formatted as Prettier would,
 * and the `yaml-language-server` modeline at the top of every practice file. Shared by `npm run schema`,
 * which writes them, and the test that fails when they are stale.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { modeline, practiceSetJsonSchema, SCHEMA_FILE } from '../../src/lib/practice/json-schema.ts';

export const PRACTICE_FOLDER = 'src/content/practice';

export async function schemaFileText(root: string): Promise<string> {
	const file = path.join(root, SCHEMA_FILE);
	const options = await prettier.resolveConfig(file);
	return prettier.format(JSON.stringify(practiceSetJsonSchema()), { ...options, filepath: file });
}

/** Every practice YAML file, relative to `root`, with `/` separators. */
export function practiceFiles(root: string, folder = PRACTICE_FOLDER): string[] {
	return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
		.map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
		.sort();
}

/** The file's text with its modeline first: added if missing, corrected if it points elsewhere. */
export function withModeline(file: string, text: string): string {
	const line = modeline(file);
	const [first = '', ...rest] = text.split('\n');
	if (first.startsWith('# yaml-language-server:')) return [line, ...rest].join('\n');
	return `${line}\n${text}`;
}
