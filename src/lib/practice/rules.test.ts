/**
 * The exact messages authors see when practice data is wrong, locked with inline snapshots: each names the file
 * (and line), the item id, the field, what is wrong and the fix. Change a message on purpose, then update.
 */
import { describe, expect, it } from 'vitest';
import { formatProblems } from './author-errors.ts';
import { parsePracticeFile } from './parse-file.ts';
import { checkSiteRules, type LoadedSet } from './site-rules.ts';

/** The messages for one file, as the build prints them. */
function problemsIn(source: string, file = 'src/content/practice/aget/quiz.yaml'): string {
	const result = parsePracticeFile(file, source);
	if (result.ok) throw new Error('expected the file to be rejected');
	return formatProblems(result.problems);
}

const choice = (text: string, correct: boolean) =>
	`      - text: "${text}"\n        correct: ${correct}\n        feedback: Why "${text}" is ${correct ? 'right' : 'wrong'}.\n`;

const quiz = (choices: string, extra = '') => `type: quiz
items:
  - id: aget-returns-instance
    difficulty: easy
    prompt: What does it return?
    choices:
${choices}    explanation: It returns the instance.
${extra}`;

const problem = (choices = '') => `type: problems
items:
  - id: aget-problem-fetch
    difficulty: medium
    prompt: Fetch the post.
    choices:
${
	choices ||
	`      - text: "\`await Post.objects.aget(pk=1)\`"
        correct: true
        feedback: Right.
        run:
          returns: "<Post: Post object (1)>"
      - text: "\`Post.objects.get(pk=1)\`"
        correct: false
        feedback: Raises.
        norun: shown only to compare
`
}    hint: Which call is awaitable?
    steps:
      - Await the async method.
    check: You get a Post.
    mistakes:
      - Forgetting await.
`;

describe('author errors in practice data', () => {
	it('names an unknown key and suggests the likely one', () => {
		expect(
			problemsIn(quiz(choice('An instance', true) + choice('A list', false)).replace('correct: true', 'corect: true')),
		).toMatchInlineSnapshot(
			`"- src/content/practice/aget/quiz.yaml:7 item "aget-returns-instance" \`choices[0]\` has unknown key \`corect\`. Fix: did you mean \`correct\`? Rename it, or remove it. (AW102, see /guide/authoring/#aw102)"`,
		);
	});

	it('names a missing field', () => {
		expect(
			problemsIn(
				quiz(choice('An instance', true) + choice('A list', false)).replace(
					'    explanation: It returns the instance.\n',
					'',
				),
			),
		).toMatchInlineSnapshot(
			`"- src/content/practice/aget/quiz.yaml:3 item "aget-returns-instance" \`explanation\` is missing. Fix: add \`explanation:\` to this item. (AW103, see /guide/authoring/#aw103)"`,
		);
	});

	it('names an empty Markdown field', () => {
		expect(
			problemsIn(
				quiz(choice('An instance', true) + choice('A list', false)).replace(
					'prompt: What does it return?',
					'prompt: "  "',
				),
			),
		).toMatchInlineSnapshot(
			`"- src/content/practice/aget/quiz.yaml:5 item "aget-returns-instance" \`prompt\` must not be empty. Fix: write the text, or remove the item. (AW104, see /guide/authoring/#aw104)"`,
		);
	});

	it('names a difficulty that does not exist', () => {
		expect(
			problemsIn(
				quiz(choice('An instance', true) + choice('A list', false)).replace('difficulty: easy', 'difficulty: trivial'),
			),
		).toMatchInlineSnapshot(
			`"- src/content/practice/aget/quiz.yaml:4 item "aget-returns-instance" \`difficulty\` is "trivial", which is not one of easy, medium, hard. Fix: use one of them. (AW105, see /guide/authoring/#aw105)"`,
		);
	});

	it('names a card level that does not exist', () => {
		const cards = `type: cards\nitems:\n  - id: aget-card\n    level: expert\n    front: Front?\n    back: Back.\n`;
		expect(problemsIn(cards, 'src/content/practice/aget/cards.yaml')).toMatchInlineSnapshot(
			`"- src/content/practice/aget/cards.yaml:4 item "aget-card" \`level\` is "expert", which is not one of beginner, intermediate, advanced. Fix: use one of them. (AW105, see /guide/authoring/#aw105)"`,
		);
	});

	it('names a set type that does not exist', () => {
		expect(problemsIn('type: quizz\nitems: []\n')).toMatchInlineSnapshot(
			`"- src/content/practice/aget/quiz.yaml:1 \`type\` must be one of cards, quiz, explain, problems. Fix: name the kind of set this file holds (quiz.yaml holds \`type: quiz\`). (AW105, see /guide/authoring/#aw105)"`,
		);
	});

	it('says when `ok` is not true', () => {
		const okFalse = problem().replace('          returns: "<Post: Post object (1)>"', '          ok: false');
		expect(problemsIn(okFalse, 'src/content/practice/aget/problems.yaml')).toMatchInlineSnapshot(
			`"- src/content/practice/aget/problems.yaml:11 item "aget-problem-fetch" \`choices[0].run.ok\` is false, but can only be true. Fix: change it, or remove the key. (AW105, see /guide/authoring/#aw105)"`,
		);
	});

	it('says when a question has no correct choice', () => {
		expect(problemsIn(quiz(choice('An instance', false) + choice('A list', false)))).toMatchInlineSnapshot(
			`"- src/content/practice/aget/quiz.yaml:7 item "aget-returns-instance" \`choices\` has no correct choice. Fix: set \`correct: true\` on the one right answer. (AW201, see /guide/authoring/#aw201)"`,
		);
	});

	it('says when a question has two correct choices', () => {
		expect(problemsIn(quiz(choice('An instance', true) + choice('A list', true)))).toMatchInlineSnapshot(
			`"- src/content/practice/aget/quiz.yaml:7 item "aget-returns-instance" \`choices\` has 2 correct choices ("An instance", "A list"), but a question has exactly one right answer. Fix: keep \`correct: true\` on one choice and set the others to \`correct: false\`. (AW201, see /guide/authoring/#aw201)"`,
		);
	});

	it('names the choices when a problem has two correct ones', () => {
		expect(
			problemsIn(problem().replace('correct: false', 'correct: true'), 'src/content/practice/aget/problems.yaml'),
		).toMatchInlineSnapshot(
			`"- src/content/practice/aget/problems.yaml:7 item "aget-problem-fetch" \`choices\` has 2 correct choices ("\`await Post.objects.aget(pk=1)\`", "\`Post.objects.get(pk=1)\`"), but a question has exactly one right answer. Fix: keep \`correct: true\` on one choice and set the others to \`correct: false\`. (AW201, see /guide/authoring/#aw201)"`,
		);
	});

	it('says when a problem has no correct choice', () => {
		expect(
			problemsIn(problem().replace('correct: true', 'correct: false'), 'src/content/practice/aget/problems.yaml'),
		).toMatchInlineSnapshot(
			`"- src/content/practice/aget/problems.yaml:7 item "aget-problem-fetch" \`choices\` has no correct choice. Fix: set \`correct: true\` on the one right answer. (AW201, see /guide/authoring/#aw201)"`,
		);
	});

	it('says when two choices have the same text', () => {
		expect(
			problemsIn(quiz(choice('An instance', true) + choice('A list', false) + choice('A list', false))),
		).toMatchInlineSnapshot(
			`"- src/content/practice/aget/quiz.yaml:13 item "aget-returns-instance" \`choices[2].text\` repeats an earlier choice. Fix: make every choice different. (AW202, see /guide/authoring/#aw202)"`,
		);
	});

	it('says when YAML is malformed', () => {
		expect(
			problemsIn(
				quiz(choice('An instance', true) + choice('A list', false)).replace(
					'prompt: What does it return?',
					'prompt: What: does: it return?',
				),
			),
		).toMatchInlineSnapshot(
			`"- src/content/practice/aget/quiz.yaml:5 is not valid YAML: Nested mappings are not allowed in compact mappings. Fix: check the indentation and quote text that starts with a backtick or contains ": ". (AW101, see /guide/authoring/#aw101)"`,
		);
	});

	it('says when a run annotation has no outcome, or two', () => {
		const noOutcome = problem().replace('          returns: "<Post: Post object (1)>"\n', '          context: async\n');
		expect(problemsIn(noOutcome, 'src/content/practice/aget/problems.yaml')).toMatchInlineSnapshot(
			`"- src/content/practice/aget/problems.yaml:11 item "aget-problem-fetch" \`choices[0].run\` says nothing about the outcome. Fix: add exactly one of \`raises\`, \`prints\`, \`returns\` or \`ok: true\`. (AW204, see /guide/authoring/#aw204)"`,
		);
		const twoOutcomes = problem().replace('          returns:', '          ok: true\n          returns:');
		expect(problemsIn(twoOutcomes, 'src/content/practice/aget/problems.yaml')).toMatchInlineSnapshot(
			`"- src/content/practice/aget/problems.yaml:11 item "aget-problem-fetch" \`choices[0].run\` has \`returns\` and \`ok\`. Fix: keep exactly one outcome key. (AW204, see /guide/authoring/#aw204)"`,
		);
	});

	it('says when a choice has both run and norun', () => {
		const both = problem().replace(
			'        norun: shown only to compare\n',
			'        norun: shown only to compare\n        run:\n          raises: SynchronousOnlyOperation\n',
		);
		expect(problemsIn(both, 'src/content/practice/aget/problems.yaml')).toMatchInlineSnapshot(
			`"- src/content/practice/aget/problems.yaml:15 item "aget-problem-fetch" \`choices[1].norun\` has both \`run\` and \`norun\`. Fix: keep \`run\` if the code can run, else keep \`norun\` with the reason. (AW203, see /guide/authoring/#aw203)"`,
		);
	});

	it('says when an id is used in two files', () => {
		const parse = (file: string, source: string): LoadedSet => {
			const result = parsePracticeFile(file, source);
			if (!result.ok) throw new Error(formatProblems(result.problems));
			return { id: file, file, set: result.set };
		};
		const sets = [
			parse('src/content/practice/aget/quiz.yaml', quiz(choice('An instance', true) + choice('A list', false))),
			parse('src/content/practice/asave/quiz.yaml', quiz(choice('Saved', true) + choice('Lost', false))),
		];
		expect(formatProblems(checkSiteRules(sets))).toMatchInlineSnapshot(
			`"- src/content/practice/asave/quiz.yaml item "aget-returns-instance" reuses an id already used in src/content/practice/aget/quiz.yaml. Fix: ids are unique across the site and key readers' progress; give this item a new id. (AW206, see /guide/authoring/#aw206)"`,
		);
	});
});
