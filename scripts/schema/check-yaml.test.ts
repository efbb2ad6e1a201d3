import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../quality/project-copy.ts';

const run = (...files: string[]) =>
	spawnSync(process.execPath, [path.join(ROOT, 'scripts/check-yaml.ts'), ...files], { cwd: ROOT, encoding: 'utf8' });

describe('npm run check:yaml', () => {
	it('prints each schema error of a broken file at its line, and only the branch of its `type`', () => {
		const result = run('tests/bad-input/practice-data/unknown-difficulty/sample/problems.yaml');
		expect(result.status).toBe(1);
		expect(result.stdout).toBe(
			'tests/bad-input/practice-data/unknown-difficulty/sample/problems.yaml:4 /items/0/difficulty must be equal to one of the allowed values: easy, medium, hard\n',
		);
	});

	it('passes a valid file', () => {
		const result = run('src/content/practice/aget/quiz.yaml');
		expect(result.status).toBe(0);
		expect(result.stdout).toBe('src/content/practice/aget/quiz.yaml: valid\n');
	});
});
