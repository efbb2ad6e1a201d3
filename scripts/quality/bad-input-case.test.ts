import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	checkOutcome,
	finalLine,
	mapLimit,
	outputExcerpt,
	parseExpected,
	resultLine,
	stripAnsi,
} from './bad-input-case.ts';

const failing = parseExpected(
	'x',
	JSON.stringify({ mistake: 'm', fragments: ['quiz.yaml', 'item "a-b"', 'Fix: add it.'] }),
);

describe('expected.json', () => {
	test('defaults to a build that fails and removes nothing', () => {
		expect(failing).toEqual({
			mistake: 'm',
			build: 'fails',
			fragments: ['quiz.yaml', 'item "a-b"', 'Fix: add it.'],
			remove: [],
		});
	});

	test('rejects unknown keys, bad JSON and a failing case without fragments, naming the file', () => {
		expect(() => parseExpected('x', '{"mistake":"m","fragment":["a"]}')).toThrow(/tests\/bad-input\/x\/expected\.json/);
		expect(() => parseExpected('x', '{')).toThrow(/is not valid JSON/);
		expect(() => parseExpected('x', '{"mistake":"m"}')).toThrow(/needs fragments/);
	});

	test('every whole-build case in tests/bad-input has a valid expected.json', () => {
		const root = path.resolve(import.meta.dirname, '../../tests/bad-input');
		// practice-data/ and mdx/ hold the fixtures of the unit tests beside them, not builds.
		const cases = readdirSync(root, { withFileTypes: true }).filter(
			(entry) => entry.isDirectory() && !['practice-data', 'mdx'].includes(entry.name),
		);
		expect(cases.map((entry) => entry.name).sort()).toEqual([
			'_base',
			'broken-link',
			'malformed-yaml',
			'practice-link',
			'quiz-section-no-heading',
			'unknown-id-in-mdx',
		]);
		for (const entry of cases) {
			const expected = parseExpected(entry.name, readFileSync(path.join(root, entry.name, 'expected.json'), 'utf8'));
			expect(expected.build, entry.name).toBe(entry.name === '_base' ? 'passes' : 'fails');
		}
	});
});

describe('checkOutcome', () => {
	const output =
		'\u001b[31m[PracticeDataError]\u001b[39m 1 problem:\n- src/content/practice/x/quiz.yaml:3 item "a-b" `explanation`\n  is missing. Fix: add it.';

	test('passes a failed build whose output has every fragment, across colours and line breaks', () => {
		expect(checkOutcome(failing, { exitCode: 1, output })).toEqual([]);
	});

	test('fails a build that succeeded', () => {
		expect(checkOutcome(failing, { exitCode: 0, output })).toEqual([
			'the build succeeded, but this mistake must stop it.',
		]);
	});

	test('names the fragments the output lacks', () => {
		expect(checkOutcome(failing, { exitCode: 1, output: 'Error in quiz.yaml' })).toEqual([
			'the output lacks "item \\"a-b\\"", "Fix: add it.".',
		]);
	});

	test('fails the control when its build fails, and any case that timed out', () => {
		const control = parseExpected('_base', '{"mistake":"none","build":"passes"}');
		expect(checkOutcome(control, { exitCode: 0, output: '' })).toEqual([]);
		expect(checkOutcome(control, { exitCode: 1, output: '' })).toEqual([
			'the build failed (exit code 1), but it must pass.',
		]);
		expect(checkOutcome(failing, { exitCode: null, output, timedOut: true })).toEqual(['the build timed out.']);
	});

	test('fails the control when its clean build prints a warning no author caused', () => {
		const control = parseExpected('_base', '{"mistake":"none","build":"passes"}');
		const output =
			'02:15:30 [build] output: "static"\n\u001b[33m02:15:33 [WARN] [content] The collection "i18n" does not exist or is empty.\u001b[39m\n02:15:37 [build] Complete!';
		expect(checkOutcome(control, { exitCode: 0, output })).toEqual([
			'the clean build printed 1 warning(s) no author caused: 02:15:33 [WARN] [content] The collection "i18n" does not exist or is empty.',
		]);
	});
});

describe('reporting', () => {
	test('strips colour codes', () => {
		expect(stripAnsi('\u001b[1m\u001b[31mError\u001b[39m\u001b[22m')).toBe('Error');
	});

	test('the excerpt starts at the first error line', () => {
		const output = ['building', 'pages', '[ERROR] broke', 'detail'].join('\n');
		expect(outputExcerpt(output)).toBe('[ERROR] broke\ndetail');
	});

	test('one line per case and a final count', () => {
		const results = [
			{ name: 'missing-field', mistake: 'no explanation', problems: [], seconds: 12.34 },
			{ name: 'broken-link', mistake: 'a dead link', problems: ['the build succeeded'], seconds: 20 },
		];
		expect(results.map(resultLine)).toEqual([
			'pass  missing-field (12.3s): no explanation',
			'FAIL  broken-link (20.0s): a dead link',
		]);
		expect(finalLine(results)).toBe('bad-input: 1 passed, 1 failed');
	});

	test('mapLimit keeps order and never runs more than the limit at once', async () => {
		let running = 0;
		let peak = 0;
		const results = await mapLimit([30, 10, 20, 5, 1], 2, async (ms) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setTimeout(resolve, ms));
			running--;
			return ms * 2;
		});
		expect(results).toEqual([60, 20, 40, 10, 2]);
		expect(peak).toBe(2);
	});
});
