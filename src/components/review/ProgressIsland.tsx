/**
 * "Your progress" (`/progress/`), to look at rather than read: one recommended next step; what is due for review
 * and when; per lesson a bar for each of the four patterns; your common mistakes, grouped by the misconception
 * behind the wrong answers you picked, each linking to the section that teaches it; test results; and the ways to
 * keep progress safe: export, import, a link for another device, and a reset.
 *
 * The page carries the course's compact index (`course-index.ts`: each item's id, type and lesson), enough to
 * count each lesson's items and to find what is due. The hashes that tell done from "changed since you answered",
 * and what each wrong answer reveals, come from the practice data (`/practice/<lesson>.json`) of only the lessons
 * whose items the reader has stored, read with the build's own `itemsOf`, `reviewItems` and `itemHashes`.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { emptyItems, itemsOf, patternsIn, type ItemsByType } from '~/lib/progress/catalog.ts';
import { decodeLessons } from '~/lib/lessons/lessons.ts';
import type { CompiledSet } from '~/lib/practice/compiled.ts';
import { progress, type Progress } from '~/lib/progress/store.ts';
import { summarize, type Count } from '~/lib/progress/summary.ts';
import type { ImportResult } from '~/lib/progress/transfer.ts';
import { dueQueue, schedule } from '~/lib/review/queue.ts';
import { itemHashes, reviewItems } from '~/lib/review/catalog.ts';
import { bySetId, decodeCourseIndex, lessonsOf } from '~/lib/review/course-index.ts';
import { mistakes, wrongAnswers } from '~/lib/review/mistakes.ts';
import { loadSets } from './lesson-sets.ts';
import { announceProgress, focusLater, inWords, lessonLink, tagWords, type LessonLink } from './shared.ts';

export interface ProgressIslandProps {
	/** Every item of every page with practice: id, type and lesson (`encodeCourseIndex`). */
	index: string;
	/** The lessons in reading order (`encodeLessons`); a lesson's page is `${lessonsHref}<slug>/`. */
	lessons: string;
	lessonsHref: string;
	/** Other pages with practice (the authoring guide), for links to where a mistake is taught. */
	pages: LessonLink[];
	/** The lessons' practice data: `${practiceHref}<lesson>.json`. */
	practiceHref: string;
	testHref: string;
	reviewHref: string;
}

const PATTERNS = [
	['cards', 'Flashcards known'],
	['quiz', 'Quiz questions right'],
	['explain', 'Explanations compared'],
	['problems', 'Problems solved'],
] as const;

const STATUS_NOTES = {
	saved: undefined,
	memory:
		'This browser does not let the site store your progress (private browsing, storage full or turned off), so it lasts only until you leave the page. Export it to keep it.',
	newer: 'A newer version of this site saved your progress; reload the page to see it.',
} as const;

const DAY = 86_400_000;

const IMPORT_UNCHECKED =
	'Nothing was imported: the questions to check it against could not be loaded. Check your connection and try again.';

/** Each lesson's sets from its data; `null` for a lesson whose data could not be loaded. */
type Loaded = ReadonlyMap<string, CompiledSet[] | null>;

/** Export, import and device links load when first used (or when the page opens with a device link). */
const transfer = () => import('~/lib/progress/transfer.ts');

/** Safari (not Chrome or other browsers that name Safari in their user agent) deletes storage after 7 idle days. */
const isSafari = () => /^((?!chrome|chromium|android|crios|fxios|edg).)*safari/i.test(navigator.userAgent);

function Bar({ label, count }: { label: string; count: Count }) {
	const share = count.total ? count.done / count.total : 0;
	return (
		<div class="aw-bar">
			<span class="aw-bar__label">{label}</span>
			<span class="aw-bar__track" aria-hidden="true">
				<span class="aw-bar__fill" style={{ width: `${Math.round(share * 100)}%` }} />
			</span>
			<span class="aw-bar__count">
				{count.done} of {count.total}
				{count.changed > 0 && ` (${count.changed} changed since you answered)`}
			</span>
		</div>
	);
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
	return (
		<section class="aw-pg__section" aria-label={title}>
			<h2 class="aw-pg__heading">{title}</h2>
			{children}
		</section>
	);
}

function download(text: string, name: string) {
	const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function ProgressIsland({
	index,
	lessons,
	lessonsHref,
	pages,
	practiceHref,
	testHref,
	reviewHref,
}: ProgressIslandProps) {
	const [entries] = useState(() => decodeCourseIndex(index));
	const [lessonList] = useState(() => decodeLessons(lessons, lessonsHref));
	const links = useMemo(() => [...lessonList, ...pages], [lessonList, pages]);
	const reviewable = useMemo(() => entries.filter((entry) => entry.type !== 'explain'), [entries]);
	// Each lesson's items from the index alone, for a lesson none of whose items the reader has stored: with no
	// stored answer to compare, an item's hash does not matter there.
	const indexed = useMemo(() => {
		const byLesson = new Map<string, ItemsByType>();
		for (const entry of entries) {
			const items = byLesson.get(entry.lesson) ?? emptyItems();
			items[entry.type].push({ id: entry.id, hash: '' });
			byLesson.set(entry.lesson, items);
		}
		return byLesson;
	}, [entries]);
	const [stored, setStored] = useState<Progress | undefined>(undefined);
	const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
	const [now, setNow] = useState(0);
	const [message, setMessage] = useState('');
	const [link, setLink] = useState('');
	const [incoming, setIncoming] = useState<ImportResult | undefined>(undefined);
	const [confirming, setConfirming] = useState(false);
	const [safari, setSafari] = useState(false);

	const addLoaded = (sets: ReadonlyMap<string, CompiledSet[]>, failed: readonly string[]) =>
		setLoaded((before) => {
			const next = new Map(before);
			for (const [lesson, list] of sets) next.set(lesson, list);
			for (const lesson of failed) next.set(lesson, null);
			return next;
		});

	useEffect(() => {
		const read = () => {
			setStored(progress.get());
			setNow(Date.now());
		};
		read();
		setSafari(isSafari());
		if (window.location.hash.includes('progress=')) {
			void transfer()
				.then(({ readLink }) => readLink(window.location.hash))
				.then((result) => result && setIncoming(result));
		}
		return progress.subscribe(read);
	}, []);

	// The data of the lessons whose items the reader has answered, or answered wrong anywhere (for the mistakes).
	useEffect(() => {
		if (!stored) return undefined;
		const wanted = lessonsOf(entries, [...stored.items.keys(), ...wrongAnswers(stored).keys()]);
		const missing = wanted.filter((lesson) => !loaded?.has(lesson));
		if (loaded && missing.length === 0) return undefined;
		let live = true;
		void loadSets(practiceHref, missing).then(({ sets, failed }) => live && addLoaded(sets, failed));
		return () => {
			live = false;
		};
	}, [stored]);

	// aw-pg__loading holds the board's place (review.css), so the page below doesn't jump when it renders.
	// It stays until the answered lessons' data is in too.
	if (!stored || !loaded) return <p class="aw-status aw-pg__loading">Loading your progress…</p>;

	const note = STATUS_NOTES[progress.status()];
	const summaries = lessonList.map((lesson) => {
		const sets = loaded.get(lesson.slug);
		const items = sets ? itemsOf(sets) : (indexed.get(lesson.slug) ?? emptyItems());
		return { lesson, items, failed: sets === null, summary: summarize(items, stored) };
	});
	const unloaded = [...loaded.values()].filter((sets) => sets === null).length;
	const due = dueQueue(stored, reviewable, now);
	const upcoming = schedule(stored, reviewable).filter((entry) => entry.due > now);
	const loadedSets = [...loaded.values()].flatMap((sets) => sets ?? []).toSorted(bySetId);
	const groups = mistakes(stored, reviewItems(loadedSets));
	const tests = [...stored.tests].reverse();

	const report = (text: string) => {
		setMessage('');
		requestAnimationFrame(() => setMessage(text));
	};
	const apply = async (result: ImportResult) => {
		const { importInto } = await transfer();
		// The current hash of every imported id the site has, from its lessons' data: an answer to an older
		// version of an item loses to one to the item as it is now.
		let hashes = new Map<string, string>();
		if (result.ok) {
			const ids = [...Object.keys(result.envelope.items), ...Object.keys(result.envelope.review)];
			const { sets, failed } = await loadSets(practiceHref, lessonsOf(entries, ids));
			if (failed.length > 0) return report(IMPORT_UNCHECKED);
			addLoaded(sets, []);
			hashes = new Map(Object.entries(itemHashes([...sets.values()].flat())));
		}
		const outcome = importInto(progress, result, hashes);
		if (!outcome.ok) return report(outcome.message);
		announceProgress();
		const aside =
			outcome.aside > 0
				? ` ${outcome.aside} ${outcome.aside === 1 ? 'entry' : 'entries'} for questions no longer on the site were kept aside.`
				: '';
		report(`Progress imported: ${outcome.taken} ${outcome.taken === 1 ? 'item' : 'items'} updated.${aside}`);
	};
	const onFile = async (event: Event) => {
		const input = event.currentTarget as HTMLInputElement;
		const file = input.files?.[0];
		input.value = '';
		if (!file) return;
		const { tooLarge, readImport, IMPORT_MESSAGES } = await transfer();
		if (tooLarge(file.size)) return report(IMPORT_MESSAGES['too-large']);
		await apply(readImport(await file.text()));
	};
	const exportNow = async () => {
		const { exportText, exportName } = await transfer();
		download(exportText(progress.document(), Date.now()), exportName(Date.now()));
	};
	const exportButton = (
		<button type="button" class="aw-button" onClick={() => void exportNow()}>
			Export my progress
		</button>
	);

	// One recommended next step.
	const started = summaries.find(
		({ summary, failed }) => !failed && summary.all.done > 0 && summary.all.done < summary.all.total,
	);
	const fresh = summaries.find(({ summary, failed }) => !failed && summary.all.done === 0);
	const next =
		due.length > 0
			? { href: reviewHref, text: `Review the ${due.length} ${due.length === 1 ? 'item' : 'items'} due now` }
			: started
				? {
						href: started.lesson.href,
						text: `Continue “${started.lesson.title}” (${started.summary.all.done} of ${started.summary.all.total} done)`,
					}
				: fresh
					? { href: fresh.lesson.href, text: `Start “${fresh.lesson.title}”` }
					: tests.length === 0
						? { href: testHref, text: 'Check what you know: a 10-question test from every lesson' }
						: { href: reviewHref, text: 'Everything is done: come back when reviews are due' };

	const days = [0, 1, 2, 3, 4, 5, 6].map((offset) => {
		const end = new Date(now);
		end.setHours(24, 0, 0, 0);
		const limit = end.getTime() + offset * DAY;
		return upcoming.filter((entry) => entry.due < limit && entry.due >= limit - DAY).length;
	});
	const later = upcoming.filter((entry) => entry.due >= new Date(now).setHours(24, 0, 0, 0) + 6 * DAY).length;
	const most = Math.max(1, due.length, ...days, later);

	return (
		<div class="aw-widget aw-progress aw-pg">
			{note && <p class="aw-note">{note}</p>}
			{unloaded > 0 && (
				<p class="aw-note" role="alert">
					Your answers in {unloaded} {unloaded === 1 ? 'lesson' : 'lessons'} could not be loaded. Check your connection
					and reload the page.
				</p>
			)}
			{safari && (
				<p class="aw-note aw-pg__safari">
					Safari deletes what a site stores after 7 days without a visit. Export your progress to keep it.{' '}
					{exportButton}
				</p>
			)}
			{incoming && (
				<div class="aw-confirm" role="group" aria-labelledby="aw-incoming">
					{incoming.ok ? (
						<>
							<p id="aw-incoming">
								This link carries progress from another device. Add it to what this browser has stored? Nothing is sent
								anywhere.
							</p>
							<button
								type="button"
								class="aw-button"
								onClick={() => {
									void apply(incoming);
									setIncoming(undefined);
									history.replaceState(history.state, '', window.location.pathname + window.location.search);
								}}
							>
								Add the linked progress
							</button>
							<button type="button" class="aw-button aw-button--quiet" onClick={() => setIncoming(undefined)}>
								Ignore the link
							</button>
						</>
					) : (
						<p id="aw-incoming" role="alert">
							{incoming.message}
						</p>
					)}
				</div>
			)}

			<p class="aw-pg__next">
				<span class="aw-pg__next-label">Next step:</span> <a href={next.href}>{next.text}</a>
			</p>

			<Section title="Review">
				<p>
					<strong class="aw-pg__due">
						{due.length} {due.length === 1 ? 'item' : 'items'} due now
					</strong>
					{due.length > 0 && (
						<>
							{' '}
							· <a href={reviewHref}>Start reviewing</a>
						</>
					)}
					{upcoming[0] && <> · next after that {inWords(upcoming[0].due, now)}</>}
				</p>
				<ol class="aw-pg__days">
					{[
						['Now', due.length] as const,
						...days.map(
							(count, offset) =>
								[offset === 0 ? 'Later today' : offset === 1 ? 'Tomorrow' : `In ${offset} days`, count] as const,
						),
						['Later', later] as const,
					].map(([label, count]) => (
						<li key={label} class="aw-bar">
							<span class="aw-bar__label">{label}</span>
							<span class="aw-bar__track" aria-hidden="true">
								<span class="aw-bar__fill" style={{ width: `${Math.round((count / most) * 100)}%` }} />
							</span>
							<span class="aw-bar__count">{count}</span>
						</li>
					))}
				</ol>
			</Section>

			<Section title="Lessons">
				<ul class="aw-pg__lessons">
					{summaries.map(({ lesson, items, failed, summary }) => (
						<li key={lesson.slug} class="aw-pg__lesson">
							<p class="aw-card__head">
								<a href={lesson.href}>{lesson.title}</a>
							</p>
							<div class="aw-pg__bars">
								{failed ? (
									<p class="aw-status">Your answers in this lesson could not be loaded.</p>
								) : (
									PATTERNS.filter(([type]) => patternsIn(items).includes(type)).map(([type, label]) => (
										<Bar key={type} label={label} count={summary[type]} />
									))
								)}
							</div>
						</li>
					))}
				</ul>
			</Section>

			<Section title="Your common mistakes">
				{groups.length === 0 ? (
					<p>None yet: wrong answers gather here by what they reveal.</p>
				) : (
					<ul class="aw-pg__mistakes">
						{groups.slice(0, 6).map((group) => {
							const where = lessonLink(links, group.items[0] as (typeof group.items)[number]);
							return (
								<li key={group.tag}>
									<strong>{tagWords(group.tag)}</strong>: {group.count} wrong {group.count === 1 ? 'answer' : 'answers'}{' '}
									· <a href={where.sectionHref}>read “{where.title}”</a>
								</li>
							);
						})}
					</ul>
				)}
			</Section>

			<Section title="Test results">
				{tests.length === 0 ? (
					<p>
						No test taken yet. <a href={testHref}>Take the 10-question test</a>.
					</p>
				) : (
					<ol class="aw-tests">
						{tests.map((test) => (
							<li key={`${test.seed}-${test.at}`}>
								<strong>
									{test.score} of {test.total}
								</strong>{' '}
								on {new Date(test.at).toLocaleDateString()} ·{' '}
								<a href={`${testHref}?seed=${test.seed}`}>take the same questions again</a>
							</li>
						))}
					</ol>
				)}
			</Section>

			<Section title="Keep your progress">
				<div class="aw-actions">
					{exportButton}
					<label class="aw-button aw-button--quiet aw-pg__file">
						Import from a file
						<input type="file" accept=".json,application/json" onChange={(event) => void onFile(event)} />
					</label>
					<button
						type="button"
						class="aw-button aw-button--quiet"
						onClick={() =>
							void transfer()
								.then(({ linkFragment }) => linkFragment(progress.document(), Date.now()))
								.then((fragment) => setLink(`${window.location.origin}${window.location.pathname}#${fragment}`))
						}
					>
						Continue on another device
					</button>
				</div>
				{link && (
					<p class="aw-pg__link">
						<label for="aw-device-link">Open this link on the other device (it holds your progress):</label>
						<input
							id="aw-device-link"
							type="text"
							readOnly
							value={link}
							onFocus={(event) => event.currentTarget.select()}
						/>
						<button
							type="button"
							class="aw-button aw-button--quiet"
							onClick={() => void navigator.clipboard?.writeText(link).then(() => report('Link copied.'))}
						>
							Copy the link
						</button>
					</p>
				)}
				<p class="aw-status" aria-live="polite" role="status">
					{message}
				</p>
			</Section>

			<Section title="Start again">
				<div class="aw-actions">
					{!confirming ? (
						<button
							type="button"
							class="aw-button aw-button--quiet"
							id="aw-reset"
							onClick={() => {
								setConfirming(true);
								focusLater('aw-reset-cancel');
							}}
						>
							Reset my progress
						</button>
					) : (
						<div class="aw-confirm" role="group" aria-labelledby="aw-confirm-text">
							<p id="aw-confirm-text">
								Delete every answer, review, card mark, explanation and test result stored in this browser? This cannot
								be undone.
							</p>
							<button
								type="button"
								class="aw-button aw-button--danger"
								onClick={() => {
									progress.reset();
									announceProgress();
									setConfirming(false);
									report('Your progress was reset.');
									focusLater('aw-reset');
								}}
							>
								Yes, reset my progress
							</button>
							<button
								type="button"
								class="aw-button aw-button--quiet"
								id="aw-reset-cancel"
								onClick={() => {
									setConfirming(false);
									focusLater('aw-reset');
								}}
							>
								Cancel
							</button>
						</div>
					)}
				</div>
			</Section>
		</div>
	);
}
