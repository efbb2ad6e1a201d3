/**
 * The practice pages' frame filled in from templates (src/components/practice/practice-frame.ts) gives the very
 * bytes Starlight's parts render on each page: a copy of the project (its lessons, plus generated ones whose
 * titles hold every character HTML escaping touches) is built twice in one folder (Astro's style scopes follow
 * the folder), filled in and with `AWAITABLE_FULL_FRAME=1`, and every page of the two builds is compared. It
 * fails when a Starlight or Astro update renders the frame in a way the templates do not follow.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLesson } from '../../../scripts/quality/generate-lessons.ts';
import { astroCli, buildEnvironment, copyProject, workFolder } from '../../../scripts/quality/project-copy.ts';

const work = workFolder('practice-frame');
afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

/** Generated lessons, with titles an author could write. */
const TITLES = ['Tom & Jerry’s “async” <ORM>', `Quotes "double" and 'single'`, 'Plain title'];

function project(): string {
	const root = copyProject(work, 'site', { withContent: true });
	TITLES.forEach((title, at) => {
		const lesson = generateLesson(at + 1, true);
		const mdx = lesson.mdx.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);
		writeFileSync(path.join(root, 'src/content/docs/lessons', `${lesson.slug}.mdx`), mdx);
		const data = path.join(root, 'src/content/practice', lesson.slug);
		mkdirSync(data, { recursive: true });
		for (const [name, yaml] of Object.entries(lesson.practice)) writeFileSync(path.join(data, name), yaml);
	});
	return root;
}

/** Every file of a build, relative to its folder. */
function files(out: string): string[] {
	return readdirSync(out, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)))
		.sort();
}

const VITEST_ENVIRONMENT = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'ASSETS_PREFIX']);

function build(root: string, out: string, environment: Record<string, string>): void {
	// Without what Vitest sets for its own modules (NODE_ENV=test, DEV, MODE, …): Astro would build with them.
	const inherited = Object.fromEntries(
		Object.entries(buildEnvironment()).filter(([name]) => !VITEST_ENVIRONMENT.has(name) && !name.startsWith('VITEST')),
	);
	const { status, stdout, stderr } = spawnSync(process.execPath, [astroCli(root), 'build'], {
		cwd: root,
		env: { ...inherited, OUT_DIR: out, ...environment },
		encoding: 'utf8',
	});
	expect(status, `${stdout}\n${stderr}`).toBe(0);
}

describe('the practice pages’ frame', () => {
	it('filled in from templates is, page by page and byte for byte, the frame rendered on each page', () => {
		const root = project();
		const stats = path.join(work, 'frames.txt');
		build(root, './dist-filled', { AWAITABLE_FRAME_STATS: stats });
		const none = path.join(work, 'no-frames.txt');
		build(root, './dist-full', { AWAITABLE_FULL_FRAME: '1', AWAITABLE_FRAME_STATS: none });
		const filled = path.join(root, 'dist-filled');
		const full = path.join(root, 'dist-full');

		const practice = files(full).filter((file) => /^practice\/[^/]+\/index\.html$/.test(file));
		expect(practice.length).toBeGreaterThanOrEqual(TITLES.length + 6);
		// The templates were used: one per shape of page, fewer than pages. The course's own pages share one; the
		// last lesson's, the guide's, and those with a generated title to escape (theirs, and the next link of the
		// page before) have their own: 6 of 11 here, 3 for any number of plain titles.
		const made = readFileSync(stats, 'utf8').trim().split('\n');
		const heads = made.filter((part) => part === 'head').length;
		expect(heads).toBeLessThanOrEqual(6);
		expect(made.filter((part) => part === 'body')).toHaveLength(heads);
		// …and not in the other build, which rendered the frame on every page.
		expect(existsSync(none)).toBe(false);
		expect(files(filled)).toEqual(files(full));
		for (const file of files(full)) {
			const [a, b] = [readFileSync(path.join(filled, file)), readFileSync(path.join(full, file))];
			expect(a.equals(b), `${file} differs between the two builds`).toBe(true);
		}
		// One string, escaped two ways: Starlight writes the <title> as it is and the heading escaped.
		const page = readFileSync(path.join(filled, 'practice/generated-001/index.html'), 'utf8');
		expect(page).toContain('<title>Practice: Tom & Jerry’s “async” <ORM> | Awaitable</title>');
		expect(page).toMatch(/<h1 id="_top"[^>]*>Practice: Tom &amp; Jerry’s “async” &lt;ORM&gt;<\/h1>/);
	}, 900_000);
});
