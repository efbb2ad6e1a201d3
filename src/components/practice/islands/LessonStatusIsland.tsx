/**
 * The one-line status at the top of a page's practice: "Your progress on this page: 7 of 23 done". The part
 * that changes once stored progress is read comes last, so nothing else on the line moves.
 */
import type { ItemsByType } from '~/lib/progress/catalog.ts';
import { summarize } from '~/lib/progress/summary.ts';
import { useProgress } from './ui/use-progress.ts';

export interface LessonStatusIslandProps {
	items: ItemsByType;
	progressHref: string;
}

export default function LessonStatusIsland({ items, progressHref }: LessonStatusIslandProps) {
	const stored = useProgress();
	const summary = stored ? summarize(items, stored).all : undefined;
	const total = items.cards.length + items.quiz.length + items.explain.length + items.problems.length;
	return (
		<p class="aw-lesson-status">
			<a href={progressHref}>Your progress</a> on this page:{' '}
			<strong>{summary ? `${summary.done} of ${summary.total} done` : `${total} practice items`}</strong>
			{summary && summary.changed > 0 && ` (${summary.changed} changed since you answered)`}
		</p>
	);
}
