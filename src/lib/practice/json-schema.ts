/**
 * The JSON Schema of a practice YAML file, generated from the Zod schemas (the single source of truth), for
 * editors: with it, the YAML language server (VS Code's YAML extension, JetBrains IDEs, Neovim) completes keys
 * and underlines a misspelt key, a wrong type or an unknown difficulty while the author types.
 *
 * It describes the input an author writes (`io: 'input'`), in draft-07, the draft every YAML editor supports.
 * What JSON Schema cannot say is left to the build, listed in `CROSS_FIELD_RULES` (the test proving the schema
 * and the build agree relies on that list): Zod's `superRefine` checks have no JSON Schema form and are dropped
 * by `z.toJSONSchema`, and so are rules that span files.
 *
 * `npm run schema` writes it to `schemas/practice-set.schema.json`; a unit test fails when that file is stale.
 */
import { z } from 'astro/zod';
import { AUTHOR_ERRORS, type AuthorErrorCode } from './author-errors.ts';
import { practiceSet } from './practice-set.ts';

/** Where the generated schema is committed, relative to the project root. */
export const SCHEMA_FILE = 'schemas/practice-set.schema.json';

/** The first line of every practice YAML file: tells the YAML language server which schema applies. */
export function modeline(yamlFile: string): string {
	const depth = yamlFile.split('/').length - 1;
	return `# yaml-language-server: $schema=${'../'.repeat(depth)}${SCHEMA_FILE}`;
}

/**
 * The author errors the build finds that the JSON Schema cannot express, so an editor does not underline
 * them: Zod's `superRefine` checks, rules over all files, and question-quality rules, which judge what a text
 * says. Derived from `AUTHOR_ERRORS` (`checkedBy: 'build'`); each build message carries its code.
 */
export const CROSS_FIELD_RULES = (Object.keys(AUTHOR_ERRORS) as AuthorErrorCode[]).filter(
	(code) => AUTHOR_ERRORS[code].checkedBy === 'build',
);

type JsonSchema = Record<string, unknown>;

/**
 * Markdown fields are trimmed before their `min(1)` check, so whitespace alone is empty to the build; JSON
 * Schema has no trim, so a text that must not be empty also gets a pattern requiring one non-space character.
 * (`trim()` is the only overwrite check the practice schemas use.)
 */
function trimmedNonEmpty(zodSchema: z.core.$ZodTypes, jsonSchema: JsonSchema): void {
	if (zodSchema._zod.def.type !== 'string') return;
	const checks = zodSchema._zod.def.checks ?? [];
	const trims = checks.some((check) => check._zod.def.check === 'overwrite');
	if (trims && jsonSchema['minLength'] === 1 && jsonSchema['pattern'] === undefined) jsonSchema['pattern'] = '\\S';
}

/**
 * Zod's discriminated union becomes a `oneOf`, and a validator then reports the mistakes of every branch: a card
 * with a misspelt key is also told it lacks a quiz question's `prompt`. Keyed on `type` with `if`/`then`
 * instead, only the branch the file's `type` names is checked, so an editor underlines only real mistakes.
 */
function discriminated(schema: JsonSchema): JsonSchema {
	const { oneOf, ...rest } = schema;
	if (!Array.isArray(oneOf)) return schema;
	const branches = oneOf as JsonSchema[];
	const typeOf = (branch: JsonSchema) =>
		((branch['properties'] as Record<string, JsonSchema> | undefined)?.['type']?.['const'] as string | undefined) ??
		undefined;
	if (!branches.every((branch) => typeOf(branch) !== undefined)) return schema;
	return {
		...rest,
		type: 'object',
		properties: { type: { type: 'string', enum: branches.map(typeOf) } },
		required: ['type'],
		allOf: branches.map((branch) => ({
			if: { properties: { type: { const: typeOf(branch) } }, required: ['type'] },
			then: branch,
		})),
	};
}

export function practiceSetJsonSchema(): JsonSchema {
	const generated = z.toJSONSchema(practiceSet, {
		io: 'input',
		target: 'draft-07',
		override: ({ zodSchema, jsonSchema }) => trimmedNonEmpty(zodSchema, jsonSchema as JsonSchema),
	}) as JsonSchema;
	const { $schema, ...rest } = discriminated(generated);
	return {
		$schema,
		$comment: `Generated from the Zod schemas in src/lib/practice/ by \`npm run schema\`; do not edit. Rules a schema cannot express are checked by the build: ${CROSS_FIELD_RULES.map((code) => `${code} ${AUTHOR_ERRORS[code].title}`).join('; ')}.`,
		title: 'Awaitable practice set',
		description:
			'One practice set: cards, quiz, explain or problems. The format is described in docs/content-format.md.',
		...rest,
	};
}
