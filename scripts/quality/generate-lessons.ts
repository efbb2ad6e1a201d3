import { seededRandom } from '../../src/lib/test-draw/prng.ts';

/**
 * Generated lessons for the benchmark's build-time comparison: realistic pages (frontmatter, headings,
 * paragraphs, annotated Python blocks, an aside) and, for our site, the four practice components with their
 * YAML data. The same text goes to a bare Starlight project without our components, so the two builds differ
 * only by our features. Deterministic (the test draw's seeded generator): lesson N is always the same.
 */

const WORDS = (
	'query queryset model instance await async event loop thread worker database row column filter order ' +
	'primary key related object transaction connection request response view coroutine result method call ' +
	'lazy evaluation iteration comprehension update delete create save refresh signal handler field value'
).split(' ');

function sentence(next: () => number, words = 12): string {
	const list = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)] ?? 'query');
	const text = list.join(' ');
	return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next: () => number): string {
	return Array.from({ length: 4 }, () => sentence(next, 10 + Math.floor(next() * 8))).join(' ');
}

export const lessonSlug = (index: number) => `generated-${String(index).padStart(3, '0')}`;

export interface GeneratedLesson {
	slug: string;
	/** The MDX page, `src/content/docs/lessons/<slug>.mdx`. */
	mdx: string;
	/** Practice YAML files by name (`cards.yaml`, …), for `src/content/practice/<slug>/`; empty for bare Starlight. */
	practice: Record<string, string>;
}

function pythonBlock(next: () => number, step: number): string {
	const blocks = [
		'```python title="views.py" runs\npost = await Post.objects.aget(pk=1)\ntitle = post.title\n```',
		'```python raises="TypeError" match="can\'t be used in \'await\' expression"\nposts = await Post.objects.all()\n```',
		'```python norun="a settings fragment"\nDATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3"}}\n```',
		'```python runs\ncount = await Post.objects.filter(published=True).acount()\n```',
	];
	return blocks[(step + Math.floor(next() * blocks.length)) % blocks.length] ?? '';
}

function practiceYaml(slug: string, next: () => number): Record<string, string> {
	const q = (text: string) => JSON.stringify(text);
	const cards = ['type: cards', 'items:'];
	for (let i = 1; i <= 3; i++) {
		cards.push(
			`  - id: ${slug}-card-${i}`,
			`    level: ${['beginner', 'intermediate', 'advanced'][i - 1]}`,
			`    front: ${q(`${sentence(next, 8)} What does \`aget()\` do here?`)}`,
			`    back: ${q(paragraph(next))}`,
		);
	}
	const quiz = ['type: quiz', 'items:'];
	for (let i = 1; i <= 3; i++) {
		quiz.push(
			`  - id: ${slug}-quiz-${i}`,
			`    difficulty: ${['easy', 'medium', 'hard'][i - 1]}`,
			`    prompt: ${q(sentence(next, 14).replace(/\.$/, '?'))}`,
			'    choices:',
		);
		const right = Math.floor(next() * 4);
		for (let c = 0; c < 4; c++) {
			quiz.push(
				`      - text: ${q(`Choice ${c + 1}: ${sentence(next, 6)}`)}`,
				`        correct: ${c === right}`,
				`        feedback: ${q(sentence(next, 12))}`,
			);
		}
		quiz.push(`    explanation: ${q(paragraph(next))}`, '    section: the-idea');
	}
	const explain = [
		'type: explain',
		'items:',
		`  - id: ${slug}-explain-1`,
		`    prompt: ${q(`Explain why ${sentence(next, 8).toLowerCase()}`)}`,
		`    hint: ${q(sentence(next, 10))}`,
		'    concepts:',
		...Array.from({ length: 3 }, () => `      - ${q(sentence(next, 6))}`),
		'    answer: |',
		`      ${paragraph(next)}`,
	];
	const problems = ['type: problems', 'items:'];
	for (let i = 1; i <= 2; i++) {
		const choices = Array.from({ length: 4 }, (_, c) => `Option ${c + 1}: ${sentence(next, 5)}`);
		const right = Math.floor(next() * 4);
		problems.push(
			`  - id: ${slug}-problem-${i}`,
			`    difficulty: ${['easy', 'hard'][i - 1]}`,
			`    prompt: ${q(sentence(next, 16).replace(/\.$/, '?'))}`,
			'    choices:',
			...choices.flatMap((text, c) => [
				`      - text: ${q(text)}`,
				`        correct: ${c === right}`,
				`        feedback: ${q(sentence(next, 10))}`,
			]),
			`    hint: ${q(sentence(next, 10))}`,
			'    steps:',
			...Array.from({ length: 3 }, () => `      - ${q(sentence(next, 10))}`),
			`    check: ${q(sentence(next, 8))}`,
			'    mistakes:',
			...Array.from({ length: 2 }, () => `      - ${q(sentence(next, 9))}`),
		);
	}
	const file = (lines: string[]) => `${lines.join('\n')}\n`;
	return {
		'cards.yaml': file(cards),
		'quiz.yaml': file(quiz),
		'explain.yaml': file(explain),
		'problems.yaml': file(problems),
	};
}

/** Lesson `index` (1-based); `withPractice` adds our four components and their data. */
export function generateLesson(index: number, withPractice: boolean): GeneratedLesson {
	const slug = lessonSlug(index);
	const next = seededRandom(`lesson-${index}`);
	const sections = ['The idea', 'In code', 'The trap', 'In a view', 'Bulk work', 'Summary'];
	const body: string[] = [];
	sections.forEach((heading, step) => {
		body.push(`## ${heading}`, '', paragraph(next), '', paragraph(next), '');
		if (step % 2 === 1) body.push(pythonBlock(next, step), '');
		if (step === 2) body.push(':::caution[A common mistake]', paragraph(next), ':::', '');
	});
	const practiceSections = withPractice
		? [
				'## Recall & review',
				'',
				`<Flashcards id="${slug}/cards" />`,
				'',
				'## Quiz',
				'',
				`<Quiz id="${slug}/quiz" />`,
				'',
				'## Explain it',
				'',
				`<ExplainIt id="${slug}/explain" />`,
				'',
				'## Practice',
				'',
				`<Practice id="${slug}/problems" />`,
				'',
			]
		: [];
	const mdx = [
		'---',
		`title: Generated lesson ${index}`,
		`description: ${sentence(next, 14)}`,
		'sidebar:',
		`  order: ${100 + index}`,
		'---',
		'',
		...(withPractice ? ["import { Flashcards, Quiz, ExplainIt, Practice } from '~/components/practice';", ''] : []),
		...body,
		...practiceSections,
	].join('\n');
	return { slug, mdx, practice: withPractice ? practiceYaml(slug, next) : {} };
}
