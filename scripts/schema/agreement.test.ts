/**
 * The JSON Schema an editor checks while the author types and the build agree: every file the schema rejects,
 * the build rejects; every file the build rejects for a reason a schema can express, the schema rejects. The
 * only files the build rejects and the schema accepts break a rule listed in `CROSS_FIELD_RULES`.
 *
 * Validated with Ajv, a standard JSON Schema validator (the one the YAML language server itself uses), over:
 * the broken-content fixtures of `tests/bad-input/`, the real practice files, and mutations of the real files
 * (every key deleted, emptied, blanked, retyped, or joined by an unknown key).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CROSS_FIELD_RULES, practiceSetJsonSchema } from '../../src/lib/practice/json-schema.ts';
import type { AuthorProblem } from '../../src/lib/practice/author-errors.ts';
import { parsePracticeFile } from '../../src/lib/practice/parse-file.ts';
import { checkSiteRules, type LoadedSet } from '../../src/lib/practice/site-rules.ts';
import { checkQuality, type QualityInput } from '../../src/lib/practice/quality.ts';
import { parseExpected } from '../quality/bad-input-case.ts';
import { ROOT } from '../quality/project-copy.ts';
import { practiceFiles } from './schema-file.ts';

const validate = new Ajv({ allErrors: true, strict: true }).compile(practiceSetJsonSchema());

type Files = Map<string, string>;

interface Verdict {
	file: string;
	/** The build's problems with this file (schema and cross-file rules), empty when it accepts it. */
	build: AuthorProblem[];
	/** Ajv's errors, empty when the schema accepts it. */
	schema: string[];
}

/** Judges every practice file of a site as the build does (each file, then the rules across files and the question-quality rules) and as Ajv does. */
function judge(files: Files): Verdict[] {
	const verdicts: Verdict[] = [];
	const loaded: LoadedSet[] = [];
	const sources: QualityInput[] = [];
	for (const [file, source] of files) {
		const document = parseDocument(source);
		// A file that is not YAML never reaches a schema: the editor's YAML parser reports it, as the build does.
		if (document.errors.length > 0) continue;
		const result = parsePracticeFile(file, source);
		if (result.ok) {
			loaded.push({ id: file, file, set: result.set });
			sources.push({ file, source, set: result.set });
		}
		const schema = validate(document.toJS())
			? []
			: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
		verdicts.push({ file, build: result.ok ? [] : result.problems, schema });
	}
	const siteProblems = [...checkSiteRules(loaded), ...checkQuality(sources).problems];
	for (const verdict of verdicts)
		verdict.build.push(...siteProblems.filter((problem) => problem.file === verdict.file));
	return verdicts;
}

const crossFieldRule = (problem: AuthorProblem) => CROSS_FIELD_RULES.find((code) => code === problem.code);

/** What is wrong with a verdict, or `undefined` when the schema and the build agree. */
function disagreement({ file, build, schema }: Verdict): string | undefined {
	if (schema.length > 0 && build.length === 0)
		return `${file}: the schema rejects (${schema.join('; ')}), the build accepts`;
	if (schema.length === 0 && build.length > 0) {
		const unlisted = build.filter((problem) => crossFieldRule(problem) === undefined);
		if (unlisted.length > 0)
			return `${file}: the build rejects (${unlisted.map((p) => p.message).join('; ')}), the schema accepts`;
	}
	return undefined;
}

function readTree(folder: string, prefix = ''): Files {
	const files: Files = new Map();
	if (!existsSync(folder)) return files;
	for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
		const relative = path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
		files.set(prefix + relative, readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
	}
	return files;
}

const BAD_INPUT = path.join(ROOT, 'tests/bad-input');
const PRACTICE = 'src/content/practice/';
/**
 * The broken-content cases: whole builds (`<case>/`, files under src/content/practice/, an expected.json) and
 * the practice loader's unit-test cases (`practice-data/<case>/`, files as under src/content/practice/).
 */
const caseNames = [
	...readdirSync(BAD_INPUT, { withFileTypes: true })
		.filter(
			(entry) =>
				entry.isDirectory() && (entry.name === '_base' || existsSync(path.join(BAD_INPUT, entry.name, PRACTICE))),
		)
		.map((entry) => entry.name),
	...readdirSync(path.join(BAD_INPUT, 'practice-data')).map((name) => `practice-data/${name}`),
].sort();
const baseFiles = readTree(path.join(BAD_INPUT, '_base', PRACTICE), PRACTICE);

/** A case's practice files as its build sees them: the fixture site, minus removed files, plus the case's own. */
function caseFiles(name: string): { files: Files; own: string[] } {
	const dataCase = name.startsWith('practice-data/');
	const removed = dataCase
		? []
		: parseExpected(name, readFileSync(path.join(BAD_INPUT, name, 'expected.json'), 'utf8')).remove;
	const files = new Map(baseFiles);
	for (const file of removed) files.delete(file);
	const own = readTree(path.join(BAD_INPUT, name, dataCase ? '' : PRACTICE), PRACTICE);
	for (const [file, source] of own) files.set(file, source);
	return { files, own: [...own.keys()] };
}

/**
 * Cases whose practice files are valid data, where the mistake shows only when a page renders or once the pages
 * are built: a quiz's `section` is checked against its lesson's headings (AW207), a link against the built pages
 * (AW208). Both the schema and the data checks accept them (the first expectation below); the build stops on the
 * page or after the pages (tests/bad-input/<case>/expected.json).
 */
const CAUGHT_AT_RENDER = new Set(['quiz-section-no-heading', 'practice-link']);

describe('the JSON Schema and the build agree', () => {
	it('accept every real practice file', () => {
		const files: Files = new Map(
			practiceFiles(ROOT).map((file) => [file, readFileSync(path.join(ROOT, file), 'utf8')]),
		);
		const verdicts = judge(files);
		expect(verdicts.length).toBe(files.size);
		expect(verdicts.filter((v) => v.build.length > 0 || v.schema.length > 0)).toEqual([]);
	});

	it.each(caseNames)('on the broken-content case %s', (name) => {
		const { files, own } = caseFiles(name);
		const verdicts = judge(files);
		expect(verdicts.map(disagreement).filter(Boolean)).toEqual([]);
		if (name === '_base') return;
		// The case's own broken file: rejected by the build, and by the schema unless a listed rule explains it.
		const broken = verdicts.filter((v) => own.includes(v.file) || v.build.length > 0);
		const yamlSyntax = own.some((file) => parseDocument(files.get(file) ?? '').errors.length > 0);
		if (yamlSyntax || CAUGHT_AT_RENDER.has(name)) return;
		expect(broken.some((v) => v.build.length > 0)).toBe(true);
	});

	// One test per file, so each stays short on a busy machine and a disagreement names its file; the totals
	// are checked after the last one (a file's tests run in order).
	const totals = { mutations: 0, rejectedBySchema: 0 };
	for (const file of practiceFiles(ROOT)) {
		it(`reject, both or neither, every mutation of ${file} but the listed cross-field rules`, () => {
			const disagreements: string[] = [];
			const data = parseDocument(readFileSync(path.join(ROOT, file), 'utf8')).toJS() as { items: unknown[] };
			// The first item of each file: every kind of item and choice, a few thousand mutations in all.
			const site = { ...data, items: data.items.slice(0, 1) } as Json;
			for (const mutated of mutationsOf(site)) {
				totals.mutations++;
				const [verdict] = judge(new Map([[file, stringify(mutated)]]));
				if (!verdict) continue;
				if (verdict.schema.length > 0) totals.rejectedBySchema++;
				const problem = disagreement(verdict);
				if (problem) disagreements.push(`${problem}\n${stringify(mutated)}`);
			}
			expect(disagreements.slice(0, 3)).toEqual([]);
		});
	}

	it('the mutations were thousands, and the schema rejected most of them', () => {
		expect(totals.mutations).toBeGreaterThan(1000);
		expect(totals.rejectedBySchema).toBeGreaterThan(totals.mutations / 2);
	});
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every single-edit variant of a value: each key deleted, set to "", "  ", 3, [] or {}, and each object given an unknown key. */
function* mutationsOf(value: Json): Generator<Json> {
	if (Array.isArray(value)) {
		for (const [index, element] of value.entries()) {
			for (const variant of mutationsOf(element)) yield value.map((e, i) => (i === index ? variant : e));
			yield value.filter((_, i) => i !== index);
		}
		return;
	}
	if (typeof value !== 'object' || value === null) return;
	yield { ...value, colour: 'red' };
	for (const [key, child] of Object.entries(value)) {
		const { [key]: _removed, ...without } = value;
		yield without;
		for (const replacement of ['', '  ', 3, [], {}] as Json[]) yield { ...value, [key]: replacement };
		for (const variant of mutationsOf(child)) yield { ...value, [key]: variant };
	}
}
