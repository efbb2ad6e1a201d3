/**
 * "Test this pattern": ten questions drawn from every lesson's quiz and practice banks (3 easy, 4 medium,
 * 3 hard) for the seed in the URL. The reader answers them all, then submits: the score, every question with
 * each option explained and a link to the lesson section, and the lessons worth reading. A retake draws
 * new questions under a new seed.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LessonInfo } from '~/lib/lessons/lessons.ts';
import { sectionHref } from '~/lib/lessons/lessons.ts';
import type { CompiledQuestion } from '~/lib/practice/compiled.ts';
import { DEFAULT_MIX, drawTest } from '~/lib/test-draw/draw.ts';
import { DEFAULT_SEED, newSeed, searchWithSeed, seedFromSearch } from '~/lib/test-draw/seed.ts';
import { lessonsToRead } from '~/lib/test-draw/suggest.ts';
import type { Session } from '~/lib/quiz/session.ts';
import { shared } from './shared.ts';
import { MissedList } from '~/components/review/MissedList.tsx';

const { ChoiceQuestion, htmlByKey, focusLater, firstOptionId, progress } = shared;
const { checkAll, isFinished, score, select, startSession } = shared.session;

export interface TestIslandProps {
	/** Every quiz question and practice problem of the lessons, without HTML when `poolHref` is given. */
	pool: CompiledQuestion[];
	/** The lessons in reading order. */
	lessons: LessonInfo[];
	/** Where the pool's HTML is, by key (`/test/pool.json`); fetched only to draw another seed than the default. */
	poolHref?: string;
}

const RESULT_ID = 'aw-test-result';

let poolHtml: Promise<void> | undefined;

/** Fetches the HTML of every question once, into the table the questions read from. */
function loadPoolHtml(href: string | undefined): Promise<void> {
	if (!href) return Promise.resolve();
	poolHtml ??= fetch(href)
		.then((response) => {
			if (!response.ok) throw new Error(`${response.status}`);
			return response.json() as Promise<Record<string, string>>;
		})
		.then((table) => {
			for (const [key, html] of Object.entries(table)) htmlByKey.set(key, html);
		})
		.catch((error: unknown) => {
			poolHtml = undefined;
			throw error;
		});
	return poolHtml;
}

export default function TestIsland({ pool, lessons, poolHref }: TestIslandProps) {
	const [seed, setSeed] = useState(DEFAULT_SEED);
	const questions = useMemo(() => drawTest(pool, seed), [pool, seed]);
	const [session, setSession] = useState<Session>(() => startSession(questions));
	const [loading, setLoading] = useState('');

	// The server rendered the default seed's draw; a seed in the URL replaces it once hydrated.
	useEffect(() => {
		const fromUrl = seedFromSearch(window.location.search);
		if (fromUrl !== DEFAULT_SEED) void start(fromUrl);
	}, []);

	async function start(next: string): Promise<boolean> {
		setLoading(`Loading the questions of test #${next}…`);
		try {
			await loadPoolHtml(poolHref);
		} catch {
			setLoading('The questions could not be loaded. Check your connection and reload the page.');
			return false;
		}
		setLoading('');
		setSeed(next);
		setSession(startSession(drawTest(pool, next)));
		return true;
	}

	const submitted = isFinished(session);
	// With JavaScript the test is a test: answers and explanations stay hidden until the answers are submitted.
	const [hydrated, setHydrated] = useState(false);
	useEffect(() => setHydrated(true), []);
	const result = score(session, questions);
	const lessonBySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));
	const missed = questions.filter((question) => session.checked[question.id]?.correct === false);
	const toRead = lessonsToRead(
		missed,
		lessons.map((lesson) => lesson.slug),
	);
	const unanswered = questions.filter((question) => session.selected[question.id] === undefined).length;

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
			answers: questions.map((question) => ({
				id: question.id,
				choice: next.checked[question.id]?.choice ?? null,
				correct: next.checked[question.id]?.correct === true,
			})),
		});
		setSession(next);
		focusLater(RESULT_ID);
	};

	const retake = async () => {
		const next = newSeed(undefined, seed);
		if (!(await start(next))) return;
		try {
			window.history.replaceState(window.history.state, '', searchWithSeed(window.location.search, next));
		} catch {
			// A sandboxed page may refuse; the draw still changes.
		}
		const first = drawTest(pool, next)[0];
		if (first) focusLater(firstOptionId(`aw-test-${first.id}`));
	};

	if (questions.length === 0) {
		return <p class="aw-note">The lessons have no questions yet.</p>;
	}

	return (
		<div class="aw-widget aw-test" data-seed={seed} data-answers-hidden={hydrated && !submitted ? '' : undefined}>
			<p class="aw-status">
				{questions.length} questions: {DEFAULT_MIX.easy} easy, {DEFAULT_MIX.medium} medium, {DEFAULT_MIX.hard} hard.
				Test <span class="aw-seed">#{seed}</span>
			</p>
			<p class="aw-status" aria-live="polite">
				{loading}
			</p>
			<ol class="aw-list">
				{questions.map((question, index) => {
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
								onSelect={(choice) => setSession(select(session, question.id, choice))}
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
					<button type="button" class="aw-button" onClick={submit}>
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
						<button type="button" class="aw-button" onClick={() => void retake()}>
							Retake with new questions
						</button>
					</div>
				</div>
			)}
		</div>
	);
}
