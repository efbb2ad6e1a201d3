/**
 * `npm run test:add-lesson`: adds a lesson to a throwaway copy of the project by following only the on-site
 * authoring guide (`src/content/docs/guide/authoring.mdx`, "Add a lesson, start to finish"): it writes each
 * file the guide shows, with `<slug>`, `<Title>` and `<order>` filled in, builds the copy, and checks the new
 * lesson is everywhere a lesson appears. If the guide's steps stop working, or a lesson list somewhere is
 * written by hand again, this fails. The real project is never touched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { astroCli, buildEnvironment, copyProject, ROOT, workFolder } from './quality/project-copy.ts';

const GUIDE = 'src/content/docs/guide/authoring.mdx';
const SECTION = '## Add a lesson, start to finish';
const SLUG = 'transactions';
const TITLE = 'Transactions in async code';

/** The files the guide's section shows: each code block whose title is a path. */
export function guideFiles(guide: string): { file: string; text: string }[] {
	const start = guide.indexOf(SECTION);
	if (start === -1) throw new Error(`${GUIDE} has no "${SECTION}" section`);
	const end = guide.indexOf('\n## ', start + SECTION.length);
	const section = guide.slice(start, end === -1 ? undefined : end);
	const files: { file: string; text: string }[] = [];
	// An opening fence (three or more backticks) with a title, up to the same fence; indented as a list item.
	const block = /^( *)(`{3,})\w+ title="([^"]+)"\n([\s\S]*?)\n\1\2$/gm;
	for (const match of section.matchAll(block)) {
		const [, indent = '', , file = '', body = ''] = match;
		const text = body
			.split('\n')
			.map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
			.join('\n');
		files.push({ file, text: `${text}\n` });
	}
	return files;
}

let failures = 0;
function check(name: string, ok: boolean): void {
	if (!ok) failures++;
	console.log(`${ok ? 'pass' : 'FAIL'}  ${name}`);
}

const lessonsFolder = path.join(ROOT, 'src/content/docs/lessons');
const orders = readdirSync(lessonsFolder).map((file) =>
	Number(/\n {2}order: (\d+)/.exec(readFileSync(path.join(lessonsFolder, file), 'utf8'))?.[1] ?? 0),
);
const order = Math.max(...orders) + 1;
const lastLesson = readdirSync(lessonsFolder)
	.find((_, index) => orders[index] === order - 1)
	?.replace(/\.mdx$/, '');

const work = workFolder('add-lesson');
try {
	const project = copyProject(work, 'site', { withContent: true });
	const files = guideFiles(readFileSync(path.join(ROOT, GUIDE), 'utf8'));
	check(`the guide shows the lesson page and its four practice files (${files.length} files)`, files.length === 5);
	for (const { file, text } of files) {
		const fill = (value: string) =>
			value.replaceAll('<slug>', SLUG).replaceAll('<Title>', TITLE).replaceAll('<order>', String(order));
		const target = path.join(project, fill(file));
		mkdirSync(path.dirname(target), { recursive: true });
		writeFileSync(target, fill(text));
	}

	console.log(`building a copy with the lesson "${SLUG}" added (about a minute) …`);
	const build = spawnSync(process.execPath, [astroCli(project), 'build'], {
		cwd: project,
		env: buildEnvironment(),
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	const output = `${build.stdout}${build.stderr}`;
	check('the build passes', build.status === 0);
	if (build.status !== 0) console.log(output.slice(-3000));
	const warnings = output.split('\n').filter((line) => line.includes('[WARN]'));
	check('the build prints no warning', warnings.length === 0);
	for (const warning of warnings) console.log(`      ${warning.trim()}`);

	const dist = (file: string) => {
		const absolute = path.join(project, 'dist', file);
		return existsSync(absolute) ? readFileSync(absolute, 'utf8') : '';
	};
	const href = `/lessons/${SLUG}/`;
	const page = dist(`lessons/${SLUG}/index.html`);
	check('the lesson has its page', page.includes(TITLE));
	check(
		'its page embeds its four practice sets',
		['cards', 'quiz', 'explain', 'problems'].every((type) => page.includes(`${SLUG}/${type}`)),
	);
	check('its "Next" section says it is the last lesson', page.includes('reached the end of the lessons'));
	check('the home page lists it', dist('index.html').includes(`href="${href}"`));
	check('the sidebar of another page links to it', dist('lessons/aget/index.html').includes(`href="${href}"`));
	check(
		`the lesson before it ("${lastLesson}") now leads to it`,
		(() => {
			const before = dist(`lessons/${lastLesson}/index.html`);
			const next = before.slice(before.indexOf('id="next"'));
			return next.includes(`href="${href}"`) && !before.includes('reached the end of the lessons');
		})(),
	);
	check(
		'the test can draw its questions',
		// The test page carries a compact index of the pool: a line per lesson, ids without the lesson's prefix.
		new RegExp(`${SLUG}(\\\\t|\\t)[emh]:[^"]*\\bquiz-count\\b`).test(dist('test/index.html')),
	);
	check('the progress page counts it', dist('progress/index.html').includes(TITLE));
} finally {
	rmSync(work, { recursive: true, force: true });
}
console.log(`add-lesson: ${failures === 0 ? 'all passed' : `${failures} failed`}`);
process.exitCode = failures === 0 ? 0 : 1;
