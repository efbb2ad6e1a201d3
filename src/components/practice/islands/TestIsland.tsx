/**
 * "Test this pattern": ten questions drawn from every lesson's quiz and practice banks (3 easy, 4 medium,
 * 3 hard) for the seed in the URL. The reader answers them all, then submits: the score, every question with
 * each option explained and a link to the lesson section, and the lessons worth reading. A retake draws
 * new questions under a new seed.
 *
 * The page carries the default draw once, rendered by the server (`TestView` as the island's children, what a
 * reader without JavaScript uses) and no questions in the island's props: in the browser the island loads its
 * draw's questions from their lessons' data, as for any other seed, and shows the server's render until then.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { LessonInfo } from '~/lib/lessons/lessons.ts';
import { decodeLessons, sectionHref } from '~/lib/lessons/lessons.ts';
import type { CompiledQuestion } from '~/lib/practice/compiled.ts';
import { DEFAULT_MIX, drawTest, type TestEntry } from '~/lib/test-draw/draw.ts';
import { DEFAULT_SEED, newSeed, searchWithSeed, seedFromSearch } from '~/lib/test-draw/seed.ts';
import { decodeTestIndex } from '~/lib/test-draw/test-index.ts';
import { lessonsToRead } from '~/lib/test-draw/suggest.ts';
import { progress } from '~/lib/progress/store.ts';
import { isFinished, score, select, startSession, type Session } from '~/lib/quiz/session.ts';
import { checkAll } from '~/lib/quiz/submit.ts';
import { MissedList } from '~/components/review/MissedList.tsx';
import { ChoiceQuestion, firstOptionId } from './ui/ChoiceQuestion.tsx';
import { findItem, loadLessonPractice } from './lesson-data.ts';
import { focusLater } from './ui/use-progress.ts';

export interface TestIslandProps {
	/** The compact index of every quiz question and practice problem of the lessons (`encodeTestIndex`). */
	index: string;
	/** The lessons in reading order (`encodeLessons`). */
	lessons: string;
	/** `/lessons/` with the base: a lesson's page is `${lessonsHref}<slug>/`. */
	lessonsHref: string;
	/** The lessons' practice data: `${practiceHref}<lesson>.json`. Another draw fetches only its lessons' data. */
	practiceHref: string;
	/** The default seed's draw rendered by the server (`TestView`), shown until the island's draw has loaded. */
	children?: ComponentChildren;
}

const RESULT_ID = 'aw-test-result';

/** Questions of the first draw rendered per task while the live view is built (each about 4 ms on a laptop). */
const BUILD_STEP = 2;

/** The questions of a draw, from the data of the lessons they belong to (each lesson's data fetched once). */
async function questionsOf(entries: readonly TestEntry[], practiceHref: string): Promise<CompiledQuestion[]> {
	const lessons = [...new Set(entries.map((entry) => entry.lesson))];
	const data = new Map(
		await Promise.all(
			lessons.map(async (lesson) => [lesson, await loadLessonPractice(`${practiceHref}${lesson}.json`)] as const),
		),
	);
	return entries.map((entry) => {
		const practice = data.get(entry.lesson);
		const found = practice && findItem(practice, entry.id);
		if (!found || (found.set.type !== 'quiz' && found.set.type !== 'problems')) throw new Error(entry.id);
		return found.item as CompiledQuestion;
	});
}

export default function TestIsland({ index, lessons, lessonsHref, practiceHref, children }: TestIslandProps) {
	const [lessonList] = useState(() => decodeLessons(lessons, lessonsHref));
	const [seed, setSeed] = useState(DEFAULT_SEED);
	// `undefined` until the first draw's questions have loaded: the server's render stays until then.
	const [questions, setQuestions] = useState<CompiledQuestion[] | undefined>(undefined);
	const [session, setSession] = useState<Session>(() => startSession([]));
	const [loading, setLoading] = useState('');
	// How many of the first draw's questions the live view has rendered. It is built BUILD_STEP questions a task,
	// hidden behind the server's render, and shown in one step once whole: rendering all ten at once was one
	// 40 ms task at load (Lighthouse's total blocking time on /test/, 75-120 ms at its phone's CPU).
	const [built, setBuilt] = useState(0);
	useEffect(() => {
		if (!questions || built >= questions.length) return undefined;
		const timer = setTimeout(() => setBuilt((count) => count + BUILD_STEP), 0);
		return () => clearTimeout(timer);
	}, [questions, built]);

	// The draw of the seed in the URL (the default seed without one), from its lessons' data.
	useEffect(() => {
		void start(seedFromSearch(window.location.search));
	}, []);

	async function start(next: string): Promise<CompiledQuestion[] | undefined> {
		setLoading(`Loading the questions of test #${next}…`);
		let drawn: CompiledQuestion[];
		try {
			drawn = await questionsOf(drawTest(decodeTestIndex(index), next), practiceHref);
		} catch {
			setLoading('The questions could not be loaded. Check your connection and reload the page.');
			return undefined;
		}
		setLoading('');
		setSeed(next);
		setQuestions(drawn);
		setSession(startSession(drawn));
		return drawn;
	}

	if (!questions) {
		// No "Loading" line while the first draw loads (the server's render is in place; a line would push it
		// down); a failure is said above it.
		const failed = loading !== '' && !loading.startsWith('Loading');
		return (
			<div data-static="">
				{failed && (
					<p class="aw-status">
						<strong role="alert">{loading}</strong>
					</p>
				)}
				{children}
			</div>
		);
	}
	const building = built < questions.length;

	const submit = () => {
		const next = checkAll(session, questions);
		const final = score(next, questions);
		// A test run is stored as a test run: it never rewrites what the lessons show as practised.
		progress.addTest({
			seed,
			at: Date.now(),
			score: final.correct,
			total: final.total,
			missed: questions.filter((question) => !next.checked[question.id]?.correct).map((question) => question.id),
			answers: questions.map((question) => {
				const shown = next.checked[question.id]?.choice ?? null;
				// Stored by authored index, like every choice record (choices are shown shuffled).
				const choice = shown === null ? null : (question.choices[shown]?.index ?? shown);
				return { id: question.id, choice, correct: next.checked[question.id]?.correct === true };
			}),
		});
		setSession(next);
		focusLater(RESULT_ID);
	};

	const retake = async () => {
		const next = newSeed(undefined, seed);
		const drawn = await start(next);
		if (!drawn) return;
		try {
			window.history.replaceState(window.history.state, '', searchWithSeed(window.location.search, next));
		} catch {
			// A sandboxed page may refuse; the draw still changes.
		}
		const first = drawn[0];
		if (first) focusLater(firstOptionId(`aw-test-${first.id}`));
	};

	// While the live view is being built the server's render stays in view; the same elements (the live view's
	// wrapper, keyed items) are kept when it is shown, so showing it renders nothing again.
	return (
		<>
			{building && <div data-static="">{children}</div>}
			<div class="aw-test-live" hidden={building}>
				<TestView
					questions={questions}
					seed={seed}
					session={session}
					lessons={lessonList}
					loading={loading}
					live
					limit={building ? built : undefined}
					onSelect={(id, choice) => setSession(select(session, id, choice))}
					onSubmit={submit}
					onRetake={() => void retake()}
				/>
			</div>
		</>
	);
}

export interface TestViewProps {
	questions: CompiledQuestion[];
	seed: string;
	session: Session;
	lessons: LessonInfo[];
	loading?: string;
	/**
	 * In the island, answering: answers and explanations stay hidden until the answers are submitted. The
	 * server's render (not live) is what readers without JavaScript use: every answer in a closed <details>.
	 */
	live?: boolean;
	onSelect?: (id: string, choice: number) => void;
	onSubmit?: () => void;
	onRetake?: () => void;
	/** Only the first `limit` questions are rendered (all when undefined): the island builds its first view in parts. */
	limit?: number | undefined;
}

/** A draw of the test: the questions, then the submit button, or after submitting the result. */
export function TestView({
	questions,
	seed,
	session,
	lessons,
	loading = '',
	live = false,
	onSelect,
	onSubmit,
	onRetake,
	limit,
}: TestViewProps) {
	const submitted = isFinished(session);
	const result = score(session, questions);
	const lessonBySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));
	const missed = questions.filter((question) => session.checked[question.id]?.correct === false);
	const toRead = lessonsToRead(
		missed,
		lessons.map((lesson) => lesson.slug),
	);
	const unanswered = questions.filter((question) => session.selected[question.id] === undefined).length;

	if (questions.length === 0) {
		return <p class="aw-note">The lessons have no questions yet.</p>;
	}

	return (
		<div
			class="aw-widget aw-test"
			data-seed={seed}
			data-pending={live ? undefined : ''}
			data-answers-hidden={live && !submitted ? '' : undefined}
		>
			<p class="aw-status">
				{questions.length} questions: {DEFAULT_MIX.easy} easy, {DEFAULT_MIX.medium} medium, {DEFAULT_MIX.hard} hard.
				Test <span class="aw-seed">#{seed}</span>
			</p>
			<p class="aw-status" aria-live="polite">
				{loading}
			</p>
			<ol class="aw-list">
				{questions.slice(0, limit).map((question, index) => {
					const lesson = lessonBySlug.get(question.lesson);
					return (
						<li key={`${seed}-${question.id}`} class="aw-list__item">
							<ChoiceQuestion
								question={question}
								uid={`aw-test-${question.id}`}
								label={`Question ${index + 1} of ${questions.length}`}
								selected={session.selected[question.id]}
								checked={session.checked[question.id]}
								changed={false}
								onSelect={(choice) => onSelect?.(question.id, choice)}
								reveal="Show the answer and explanations"
								explain
								after={
									lesson && (
										<p class="aw-lesson-link">
											<a href={sectionHref(lesson, question.section)}>Read about this in “{lesson.title}”</a>
										</p>
									)
								}
							/>
						</li>
					);
				})}
			</ol>
			{!submitted && (
				<div class="aw-actions aw-js-space">
					<button type="button" class="aw-button" onClick={onSubmit}>
						Submit my answers
					</button>
					<span class="aw-status" aria-live="polite">
						{unanswered === 0 ? 'All questions answered.' : `${unanswered} unanswered (they count as wrong).`}
					</span>
				</div>
			)}
			{submitted && (
				<div class="aw-result" id={RESULT_ID} tabIndex={-1} role="status">
					<p class="aw-result__score">
						You scored {result.correct} of {result.total}.
					</p>
					<MissedList
						missed={missed.map((question) => ({
							id: question.id,
							label: `Question ${questions.indexOf(question) + 1} · ${lessonBySlug.get(question.lesson)?.title ?? question.lesson}`,
						}))}
					/>
					{toRead.length > 0 ? (
						<>
							<p>The questions you missed are taught in these lessons:</p>
							<ul>
								{toRead.map((slug) => {
									const lesson = lessonBySlug.get(slug);
									return (
										lesson && (
											<li key={slug}>
												<a href={lesson.href}>{lesson.title}</a>
											</li>
										)
									);
								})}
							</ul>
						</>
					) : (
						<p>Every answer is right. Jump into the lessons for the details, or take another test.</p>
					)}
					<p>
						Each question above now shows why every option is right or wrong.{' '}
						<a href={`?seed=${seed}`}>Link to this set of questions</a> (to share it or take it again).
					</p>
					<div class="aw-actions">
						<button type="button" class="aw-button" onClick={onRetake}>
							Retake with new questions
						</button>
					</div>
				</div>
			)}
		</div>
	);
}
