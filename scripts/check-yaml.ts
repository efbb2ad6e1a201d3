/**
 * `npm run check:yaml -- <file.yaml>…`: validates practice files against `schemas/practice-set.schema.json`
 * with Ajv, the standard JSON Schema validator the YAML language server uses, and prints each error at its
 * line, as an editor underlines it. For authors without a YAML-aware editor; the build checks more (the rules
 * listed in `CROSS_FIELD_RULES`), so a clean result here is not yet a clean build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { SCHEMA_FILE } from '../src/lib/practice/json-schema.ts';
import { ROOT } from './quality/project-copy.ts';

const schema = JSON.parse(readFileSync(path.join(ROOT, SCHEMA_FILE), 'utf8')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

let failed = 0;
for (const file of process.argv.slice(2)) {
	const lineCounter = new LineCounter();
	const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter });
	const lineOf = (pointer: string): number => {
		const keys = pointer
			.split('/')
			.slice(1)
			.map((key) => (/^\d+$/.test(key) ? Number(key) : key));
		for (let depth = keys.length; depth >= 0; depth--) {
			const node = document.getIn(keys.slice(0, depth), true);
			if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
		}
		return 1;
	};
	if (document.errors.length > 0) {
		failed++;
		for (const error of document.errors) console.log(`${file}:${error.linePos?.[0].line ?? 1} ${error.message}`);
		continue;
	}
	if (validate(document.toJS())) {
		console.log(`${file}: valid`);
		continue;
	}
	failed++;
	// `if` only repeats that the branch for the file's `type` failed; its own errors say how.
	const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'if');
	for (const error of errors) {
		const detail =
			error.keyword === 'additionalProperties'
				? ` \`${String(error.params['additionalProperty'])}\``
				: error.keyword === 'enum'
					? `: ${(error.params['allowedValues'] as unknown[]).join(', ')}`
					: '';
		console.log(`${file}:${lineOf(error.instancePath)} ${error.instancePath || '/'} ${error.message ?? ''}${detail}`);
	}
}
process.exitCode = failed > 0 ? 1 : 0;
