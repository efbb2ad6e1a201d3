/**
 * The review queue (`/review/`): the items due from every lesson, one at a time. For a question the reader picks
 * an option, then checks it by saying how sure they are (Guess / Unsure / Sure: three buttons, or the keys
 * G, U, S); a flashcard is revealed, then marked Missed / Unsure / Knew it. Each answer reschedules the item
 * (`src/lib/review/queue.ts`); a miss comes back later in the same session, in a new order of choices.
 *
 * The page carries only the course's compact index (`course-index.ts`: each item's id, type and lesson), enough to
 * find what is due. An item's content, hash and section come from the practice data the lessons use
 * (`/practice/<lesson>.json`, through the practice engine's `loadLessonPractice`), fetched per lesson when an
 * item of it comes up, and read with the build's own `reviewItems`.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CompiledCard, CompiledProblem, CompiledQuestion } from '~/lib/practice/compiled.ts';
import { choiceOrder } from '~/lib/practice/choice-order.ts';
import { findItem, loadLessonPractice } from '~/components/practice/islands/lesson-data.ts';
import { progress, type Progress } from '~/lib/progress/store.ts';
import { reviewOrder } from '~/lib/review/order.ts';
import { confidenceKeys, type Confidence } from '~/lib/review/confidence.ts';
import { dueQueue, requeueGap, reviewRecord, saveReview, schedule, type ReviewItem } from '~/lib/review/queue.ts';
import { reviewItems } from '~/lib/review/catalog.ts';
import { decodeCourseIndex } from '~/lib/review/course-index.ts';
import { ConfidenceCheck } from '~/components/practice/islands/ui/Confidence.tsx';
import { reviewed } from '~/lib/review/step.ts';
import { announceProgress, focusLater, inWords, lessonLink, linksOf, type LessonLink } from './shared.ts';

export interface ReviewIslandProps {
	/** Every item of the course: id, type and lesson (`encodeCourseIndex`). */
	index: string;
	/** The lessons in reading order (`encodeLessons`); a lesson's page is `${lessonsHref}<slug>/`. */
	lessons: string;
	lessonsHref: string;
	/** Other pages with practice (the authoring guide). */
	pages: LessonLink[];
	/** `/practice/` with the base path: a lesson's practice data is at `<practiceHref><lesson>.json`. */
	practiceHref: string;
	progressHref: string;
}

type Question = CompiledQuestion & Partial<Pick<CompiledProblem, 'answerHtml'>>;
type Data = CompiledCard | Question;

interface Turn {
	id: string;
	/** How many times this item was shown in this session before (new choice order each time). */
	round: number;
}

interface Checked {
	correct: boolean;
	confidence: Confidence;
	choice: number | null;
	due: number;
}

const html = (value: string) => ({ __html: value });
const CARD_MARKS = [
	['Missed it', false, 0],
	['Unsure', true, 1],
	['Knew it', true, 2],
] as const;

export default function ReviewIsland({
	index,
	lessons,
	lessonsHref,
	pages,
	practiceHref,
	progressHref,
}: ReviewIslandProps) {
	const [entries] = useState(() => decodeCourseIndex(index).filter((entry) => entry.type !== 'explain'));
	const [links] = useState(() => linksOf(lessons, lessonsHref, pages));
	const byId = useMemo(() => new Map(entries.map((entry) => [entry.id, entry])), [entries]);
	const [stored, setStored] = useState<Progress | undefined>(undefined);
	const [turns, setTurns] = useState<Turn[] | undefined>(undefined);
	const [position, setPosition] = useState(0);
	// The item of this turn as the build's catalog has it, and its content, from its lesson's data.
	const [item, setItem] = useState<ReviewItem | undefined>(undefined);
	const [data, setData] = useState<Data | undefined>(undefined);
	const [failed, setFailed] = useState(false);
	const [selected, setSelected] = useState<number | undefined>(undefined);
	const [revealed, setRevealed] = useState(false);
	const [checked, setChecked] = useState<Checked | undefined>(undefined);
	const [shown, setShown] = useState<Record<string, number[]>>({});
	const [reviewedCount, setReviewedCount] = useState(0);

	// The session is the queue at the time the page opened (plus an item asked for in `?item=`).
	useEffect(() => {
		const read = () => setStored(progress.get());
		read();
		const now = Date.now();
		const due = dueQueue(progress.get(), entries, now).map((entry) => entry.item.id);
		const asked = new URLSearchParams(window.location.search).get('item');
		const first = asked && byId.has(asked) ? [asked] : [];
		setTurns([...first, ...due.filter((id) => id !== asked)].map((id) => ({ id, round: 0 })));
		return progress.subscribe(read);
	}, []);

	const turn = turns?.[position];
	const entry = turn && byId.get(turn.id);

	useEffect(() => {
		setItem(undefined);
		setData(undefined);
		setFailed(false);
		if (!entry) return;
		let live = true;
		loadLessonPractice(`${practiceHref}${entry.lesson}.json`)
			.then((practice) => {
				if (!live) return;
				setItem(reviewItems(practice.sets).find((candidate) => candidate.id === entry.id));
				setData(findItem(practice, entry.id)?.item as Data | undefined);
			})
			.catch(() => live && setFailed(true));
		return () => {
			live = false;
		};
	}, [entry?.id, turn?.round]);

	const order = useMemo(() => {
		if (!turn || !data || !('choices' in data)) return [];
		const previous = shown[turn.id] ?? choiceOrder(turn.id, data.choices.length);
		return reviewOrder(
			turn.id,
			data.choices.length,
			((stored && reviewRecord(stored, turn.id)?.reps) ?? 0) + turn.round,
			previous,
		);
	}, [data, turn?.id, turn?.round]);

	const check = (correct: boolean, confidence: Confidence, choice: number | null) => {
		if (!item || !turn || checked) return;
		const now = Date.now();
		const record = reviewed(progress.get(), item, { correct, confidence, choice }, now);
		saveReview(progress, item.id, record);
		announceProgress();
		setChecked({ correct, confidence, choice, due: record.due });
		setReviewedCount((count) => count + 1);
		if (choice !== null) setShown((before) => ({ ...before, [turn.id]: order }));
		if (!correct && turns) {
			// Back within the session: sooner for a confident error.
			const next = [...turns];
			next.splice(Math.min(position + 1 + requeueGap(confidence), next.length), 0, {
				id: turn.id,
				round: turn.round + 1,
			});
			setTurns(next);
		}
		focusLater('aw-review-feedback');
	};

	const checkQuestion = (confidence: Confidence) => {
		if (!data || !('choices' in data) || selected === undefined) return;
		check(data.choices[selected]?.correct === true, confidence, selected);
	};

	const next = () => {
		setPosition(position + 1);
		setSelected(undefined);
		setRevealed(false);
		setChecked(undefined);
		focusLater('aw-review-top');
	};

	const saving =
		stored && progress.status() !== 'saved' ? (
			<p class="aw-note" role="status">
				Your progress isn’t being saved: this browser’s storage is full or blocked. The review goes on in this page;
				export your progress from the <a href={progressHref}>progress page</a> before you leave.
			</p>
		) : null;

	if (!turns || !stored) return <p class="aw-status">Loading your review…</p>;

	if (!turn || !entry) {
		const upcoming = schedule(stored, entries).find((scheduled) => scheduled.due > Date.now());
		return (
			<div class="aw-widget aw-rv">
				{saving}
				<p class="aw-rv__done" id="aw-review-top" tabIndex={-1} role="status">
					{reviewedCount > 0
						? `Done: ${reviewedCount} ${reviewedCount === 1 ? 'review' : 'reviews'} in this session. Nothing else is due.`
						: 'Nothing is due for review.'}
				</p>
				<p>
					{upcoming
						? `The next item is due ${inWords(upcoming.due, Date.now())}.`
						: 'Items you answer in the lessons and the test come here when they are due.'}{' '}
					<a href={progressHref}>See your progress</a>.
				</p>
			</div>
		);
	}

	const lesson = lessonLink(links, item?.id === entry.id ? item : entry);
	const left = turns.length - position;
	return (
		<div
			class="aw-widget aw-rv"
			onKeyDown={confidenceKeys(!checked && !!data && 'choices' in data && selected !== undefined && checkQuestion)}
		>
			{saving}
			<p class="aw-status" id="aw-review-top" tabIndex={-1}>
				{left} {left === 1 ? 'item' : 'items'} left in this session · from <a href={lesson.href}>{lesson.title}</a>
			</p>
			{failed && (
				<p class="aw-note" role="alert">
					This item could not be loaded. Check your connection and reload the page.
				</p>
			)}
			{data && 'frontHtml' in data && (
				<div class="aw-q aw-rv__card">
					<p class="aw-q__label">Flashcard</p>
					<div class="aw-md" dangerouslySetInnerHTML={html(data.frontHtml)} />
					{!revealed ? (
						<div class="aw-actions">
							<button type="button" class="aw-button" onClick={() => setRevealed(true)}>
								Show the answer
							</button>
						</div>
					) : (
						<>
							<div class="aw-md aw-rv__back" dangerouslySetInnerHTML={html(data.backHtml)} />
							{!checked && (
								<div class="aw-actions" role="group" aria-label="Did you know it?">
									{CARD_MARKS.map(([label, correct, confidence]) => (
										<button
											key={label}
											type="button"
											class="aw-button"
											onClick={() => check(correct, confidence, null)}
										>
											{label}
										</button>
									))}
								</div>
							)}
						</>
					)}
				</div>
			)}
			{data && 'choices' in data && (
				<div class="aw-q">
					<fieldset class="aw-q__fieldset" aria-describedby="aw-review-prompt">
						<legend class="aw-q__legend">
							<span class="aw-q__label">{entry.type === 'problems' ? 'Practice problem' : 'Quiz question'}</span>
						</legend>
						<div class="aw-md aw-q__prompt" id="aw-review-prompt" dangerouslySetInnerHTML={html(data.promptHtml)} />
						<div class="aw-choices">
							{order.map((authored) => {
								const choice = data.choices[authored];
								if (!choice) return null;
								return (
									<label class="aw-choice" key={`${turn.round}-${authored}`}>
										<input
											type="radio"
											name="aw-review-choice"
											checked={selected === authored}
											disabled={!!checked}
											onChange={() => setSelected(authored)}
										/>
										<span class="aw-md aw-choice__text" dangerouslySetInnerHTML={html(choice.html)} />
										{checked && (choice.correct || checked.choice === authored) && (
											<strong class="aw-rv__mark">
												{choice.correct
													? checked.choice === authored
														? 'Your answer: right'
														: 'Right answer'
													: 'Your answer'}
											</strong>
										)}
									</label>
								);
							})}
						</div>
					</fieldset>
					{!checked && (
						<ConfidenceCheck id="aw-review-how-sure" disabled={selected === undefined} onCheck={checkQuestion} />
					)}
				</div>
			)}
			{checked && (
				<div class="aw-feedback" id="aw-review-feedback" data-right={checked.correct} tabIndex={-1} role="status">
					<p class="aw-feedback__verdict">
						<strong>{checked.correct ? 'Right.' : 'Not quite.'}</strong>{' '}
						{checked.correct
							? `Next review ${inWords(checked.due, Date.now())}.`
							: 'It comes back later in this session.'}
					</p>
					{data && 'choices' in data && (
						<>
							{checked.choice !== null && !checked.correct && (
								<div class="aw-md" dangerouslySetInnerHTML={html(data.choices[checked.choice]?.feedbackHtml ?? '')} />
							)}
							<div
								class="aw-md"
								dangerouslySetInnerHTML={html(data.choices.find((choice) => choice.correct)?.feedbackHtml ?? '')}
							/>
							<div class="aw-md" dangerouslySetInnerHTML={html(data.explanationHtml)} />
						</>
					)}
					<p class="aw-lesson-link">
						<a href={lesson.sectionHref}>Read about this in “{lesson.title}”</a>
					</p>
					<div class="aw-actions">
						<button type="button" class="aw-button" onClick={next}>
							{left > 1 ? 'Next item' : 'Finish'}
						</button>
					</div>
				</div>
			)}
		</div>
	);
}
