import { describe, expect, it } from 'vitest';

import { codeInText, defaultCode, extractPractice, looksRunnable, readRun } from './practice.ts';

const FILE = 'src/content/practice/aget/quiz.yaml';

describe('extractPractice', () => {
	const source = `type: quiz
items:
  - id: await-queryset-typeerror
    difficulty: easy
    prompt: What happens?
    choices:
      - text: It raises \`TypeError\`.
        correct: true
        feedback: Right.
      - text: "\`posts = await Post.objects.all()\`"
        correct: false
        feedback: ...
        run:
          raises: TypeError
          match: "can't be used in 'await' expression"
      - text: "\`n = await User.objects.filter(is_active=False).aupdate(is_active=True)\`"
        feedback: ...
        run:
          code: |
            n = await User.objects.filter(is_active=False).aupdate(is_active=True)
            n
          returns: "1"
      - text: "\`DJANGO_ALLOW_ASYNC_UNSAFE=1\` in production"
        feedback: ...
        norun: a setting, not code
  - id: multi-line
    choices:
      - text: |
          Like this:

          \`\`\`python
          post = await Post.objects.aget(pk=1)
          await post.asave()
          \`\`\`
        feedback: ...
        run:
          ok: true
          context: async
      - text: "\`Post.objects.get(pk=1).title\`"
        feedback: ...
        run:
          context: sync
          prints: "Hello"
`;

	it('runs annotated choices and counts norun ones', () => {
		const result = extractPractice(source, FILE, 'aget/quiz');
		expect(result.problems).toEqual([]);
		expect(result.snippets).toEqual([
			{
				id: 'aget/quiz#await-queryset-typeerror/choice-2',
				file: FILE,
				line: 10,
				code: 'posts = await Post.objects.all()',
				expect: { raises: 'TypeError', match: "can't be used in 'await' expression" },
				context: 'async',
			},
			{
				id: 'aget/quiz#await-queryset-typeerror/choice-3',
				file: FILE,
				line: 16,
				code: 'n = await User.objects.filter(is_active=False).aupdate(is_active=True)\nn\n',
				expect: { returns: '1' },
				context: 'async',
			},
			{
				id: 'aget/quiz#multi-line/choice-1',
				file: FILE,
				line: 28,
				code: 'post = await Post.objects.aget(pk=1)\nawait post.asave()',
				expect: { ok: true },
				context: 'async',
			},
			{
				id: 'aget/quiz#multi-line/choice-2',
				file: FILE,
				line: 39,
				code: 'Post.objects.get(pk=1).title',
				expect: { prints: 'Hello' },
				context: 'sync',
			},
		]);
		expect(result.notRun).toEqual([
			{ id: 'aget/quiz#await-queryset-typeerror/choice-4', file: FILE, line: 23, reason: 'a setting, not code' },
		]);
	});

	it('reports YAML syntax errors with a line', () => {
		const result = extractPractice('items:\n  - id: x\n   bad: [', FILE, 'aget/quiz');
		expect(result.problems[0]?.message).toMatch(/^YAML:/);
		expect(result.problems[0]?.line).toBeTypeOf('number');
	});

	it('warns about unannotated choices that show code', () => {
		const result = extractPractice(
			'items:\n  - id: q\n    choices:\n      - text: "`await Post.objects.acount()`"\n      - text: "It raises `TypeError`."\n',
			FILE,
			'aget/quiz',
		);
		expect(result.warnings.map((w) => w.id)).toEqual(['aget/quiz#q/choice-1']);
	});

	it('reports malformed run and norun', () => {
		const result = extractPractice(
			`items:
  - id: q
    choices:
      - text: "\`x\`"
        run: { returns: 1 }
      - text: "\`x\`"
        run: { ok: true }
        norun: both
      - text: "\`x\`"
        norun: ""
      - text: no code here
        run: { ok: true }
  - choices:
      - text: "\`x\`"
        run: { ok: true }
`,
			FILE,
			'aget/quiz',
		);
		expect(result.problems.map((p) => `${p.id}: ${p.message}`)).toEqual([
			expect.stringMatching(/^aget\/quiz: item 2 has no `id`/),
			expect.stringMatching(/^aget\/quiz#q\/choice-1: `run.returns` must be a string; quote it, e.g. returns: "1"/),
			expect.stringMatching(/^aget\/quiz#q\/choice-2: .*not both/),
			expect.stringMatching(/^aget\/quiz#q\/choice-3: `norun` needs a reason/),
			expect.stringMatching(/^aget\/quiz#q\/choice-4: the text shows no code/),
		]);
		// the item without an id still gets a usable, positional id
		expect(result.snippets.map((s) => s.id)).toEqual(['aget/quiz#item-2/choice-1']);
	});

	it('ignores files without items (cards, explain) and resolves aliases', () => {
		expect(extractPractice('type: cards\nitems:\n  - id: c\n    front: a\n    back: b\n', FILE, 'x/cards')).toEqual({
			snippets: [],
			notRun: [],
			problems: [],
			warnings: [],
		});
		const aliased = extractPractice(
			'run_ok: &ok { ok: true }\nitems:\n  - id: q\n    choices:\n      - text: "`x = 1`"\n        run: *ok\n',
			FILE,
			'x/quiz',
		);
		expect(aliased.snippets.map((s) => s.expect)).toEqual([{ ok: true }]);
	});
});

describe('readRun', () => {
	it.each([
		[{ raises: 'TypeError' }, { raises: 'TypeError' }],
		[
			{ raises: ' TypeError ', match: 'await' },
			{ raises: 'TypeError', match: 'await' },
		],
		[{ prints: '3' }, { prints: '3' }],
		[{ returns: "'Hello'" }, { returns: "'Hello'" }],
		[{ ok: true }, { ok: true }],
	])('accepts %j', (run, expected) => {
		expect(readRun(run)).toEqual({ expect: expected, context: 'async', code: null });
	});

	it.each([
		[null, /must be a mapping/],
		[{}, /needs one of/],
		[{ raises: 'X', ok: true }, /use exactly one/],
		[{ raise: 'X' }, /unknown key\(s\) in run: raise/],
		[{ ok: false }, /must be `true`/],
		[{ prints: 3 }, /must be a string/],
		[{ ok: true, match: 'x' }, /only goes with `raises`/],
		[{ ok: true, context: 'thread' }, /sync or async/],
		[{ ok: true, code: '' }, /non-empty/],
	])('rejects %j', (run, message) => {
		const result = readRun(run);
		expect('error' in result && result.error).toMatch(message);
	});
});

describe('code in choice text', () => {
	it('prefers a fenced block, else a single inline span', () => {
		expect(defaultCode('Do:\n\n```python\na = 1\nb = 2\n```\n')).toEqual({ code: 'a = 1\nb = 2' });
		expect(defaultCode('`await post.asave()`')).toEqual({ code: 'await post.asave()' });
		expect(defaultCode('`a` or `b`')).toEqual({ error: expect.stringMatching(/2 inline code spans/) });
		expect(defaultCode('words')).toEqual({ error: expect.stringMatching(/shows no code/) });
		expect(codeInText('x `a` y')).toEqual({ blocks: [], inline: ['a'] });
	});

	it('guesses which texts show runnable code', () => {
		expect(looksRunnable('`posts = await Post.objects.all()`')).toBe(true);
		expect(looksRunnable('`Post.objects.afilter(published=True)`')).toBe(true);
		expect(looksRunnable('It raises `TypeError`.')).toBe(false);
		expect(looksRunnable('Use `aget()` instead')).toBe(false);
		expect(looksRunnable('`a == b`')).toBe(false);
	});
});
