/**
 * "Your progress": per lesson, cards known, questions answered right, explain-its done and problems solved;
 * the recent test results; and a reset with confirmation.
 */
import { useState } from 'preact/hooks';
import type { CatalogLesson } from '~/lib/progress/catalog.ts';
import type { Count } from '~/lib/progress/summary.ts';
import { shared } from './shared.ts';

const { progress, summarize, focusLater, useProgress } = shared;

export interface ProgressIslandProps {
	lessons: CatalogLesson[];
	/** The test page's URL, with the base path. */
	testHref: string;
}

const COLUMNS = [
	['cards', 'Cards known'],
	['quiz', 'Questions right'],
	['explain', 'Explained'],
	['problems', 'Problems solved'],
] as const;

function showCount(count: Count | undefined, total: number) {
	if (!count) return `– of ${total}`;
	const changed = count.changed > 0 ? ` (${count.changed} changed since you answered)` : '';
	return `${count.done} of ${count.total}${changed}`;
}

const STATUS_NOTES = {
	saved: undefined,
	memory:
		'This browser does not let the site store your progress (private browsing or storage turned off), so it lasts only until you leave the page.',
	newer: 'Your progress was saved by a newer version of this site; it is left untouched. Reload the page to see it.',
} as const;

export default function ProgressIsland({ lessons, testHref }: ProgressIslandProps) {
	const stored = useProgress();
	const [confirming, setConfirming] = useState(false);
	const [message, setMessage] = useState('');
	const note = stored ? STATUS_NOTES[progress.status()] : undefined;
	const tests = stored ? [...stored.tests].reverse() : [];

	return (
		<div class="aw-widget aw-progress">
			{note && <p class="aw-note">{note}</p>}
			<ul class="aw-list">
				{lessons.map((lesson) => {
					const summary = stored ? summarize(lesson.items, stored) : undefined;
					return (
						<li key={lesson.slug} class="aw-list__item aw-progress__lesson">
							<p class="aw-card__head">
								<a href={lesson.href}>{lesson.title}</a>
							</p>
							<dl class="aw-progress__counts">
								{COLUMNS.map(([type, label]) => (
									<div key={type}>
										<dt>{label}</dt>
										<dd>{showCount(summary?.[type], lesson.items[type].length)}</dd>
									</div>
								))}
							</dl>
						</li>
					);
				})}
			</ul>
			<h2 class="aw-progress__heading">Test results</h2>
			{tests.length === 0 ? (
				<p>
					{stored ? 'No test taken yet.' : 'Your test results appear here.'}{' '}
					<a href={testHref}>Take the 10-question test</a>.
				</p>
			) : (
				<ol class="aw-tests">
					{tests.map((test) => (
						<li key={`${test.seed}-${test.at}`}>
							<strong>
								{test.score} of {test.total}
							</strong>{' '}
							on {new Date(test.at).toLocaleString()} ·{' '}
							<a href={`${testHref}?seed=${test.seed}`}>take the same questions again</a>
						</li>
					))}
				</ol>
			)}
			<h2 class="aw-progress__heading">Start again</h2>
			<div class="aw-actions aw-js-space">
				{!confirming ? (
					<button
						type="button"
						class="aw-button aw-button--quiet"
						id="aw-reset"
						onClick={() => {
							setMessage('');
							setConfirming(true);
							focusLater('aw-reset-cancel');
						}}
					>
						Reset my progress
					</button>
				) : (
					<div class="aw-confirm" role="group" aria-labelledby="aw-confirm-text">
						<p id="aw-confirm-text">
							Delete every answer, card mark, explanation and test result stored in this browser? This cannot be undone.
						</p>
						<button
							type="button"
							class="aw-button aw-button--danger"
							onClick={() => {
								progress.reset();
								setConfirming(false);
								setMessage('Your progress was reset.');
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
			<p class="aw-status" aria-live="polite">
				{message}
			</p>
		</div>
	);
}
