/**
 * `npm run schema`: writes `schemas/practice-set.schema.json` from the Zod schemas and puts the
 * `yaml-language-server` modeline at the top of every practice YAML file that lacks it. Run it after changing
 * a schema in src/lib/practice/ or adding a practice file; `scripts/schema/schema-file.test.ts` fails until then.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_FILE } from '../src/lib/practice/json-schema.ts';
import { ROOT } from './quality/project-copy.ts';
import { practiceFiles, schemaFileText, withModeline } from './schema/schema-file.ts';

const schemaPath = path.join(ROOT, SCHEMA_FILE);
mkdirSync(path.dirname(schemaPath), { recursive: true });
writeFileSync(schemaPath, await schemaFileText(ROOT));
console.log(`Wrote ${SCHEMA_FILE}.`);

for (const file of practiceFiles(ROOT)) {
	const absolute = path.join(ROOT, file);
	const text = readFileSync(absolute, 'utf8');
	const updated = withModeline(file, text);
	if (updated !== text) {
		writeFileSync(absolute, updated);
		console.log(`Added the schema line to ${file}.`);
	}
}
