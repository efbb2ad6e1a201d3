/** The one-line status at the top of a page's practice: "Practice: 7 of 23 done". */
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
			Practice: <strong>{summary ? `${summary.done} of ${summary.total} done` : `${total} items`}</strong>
			{summary && summary.changed > 0 && `, ${summary.changed} changed since you answered`} ·{' '}
			<a href={progressHref}>Your progress</a>
		</p>
	);
}
