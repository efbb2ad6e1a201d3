/**
 * The one-line status at the top of a page's practice: "Your progress on this page: 7 of 23 done". The part
 * that changes once stored progress is read comes last, so nothing else on the line moves.
 *
 * The items it counts (ids and content hashes) come from the lesson's practice data, which the page's sets
 * fetch at load anyway (`lesson-data.ts`), rather than from props: as props they would travel in the page's
 * HTML, about 0.7 KB gzip on a long lesson. The page only says how many there are.
 */
import { useEffect, useState } from 'preact/hooks';
import { itemsOf, type ItemsByType } from '~/lib/progress/catalog.ts';
import { summarize } from '~/lib/progress/summary.ts';
import { loadLessonPractice } from './lesson-data.ts';
import { useProgress } from './ui/use-progress.ts';

export interface LessonStatusIslandProps {
	/** The lesson's practice data (`/practice/<lesson>.json`). */
	src: string;
	/** How many practice items the lesson has, shown until stored progress is read. */
	total: number;
	progressHref: string;
}

export default function LessonStatusIsland({ src, total, progressHref }: LessonStatusIslandProps) {
	const stored = useProgress();
	const [items, setItems] = useState<ItemsByType | undefined>(undefined);
	useEffect(() => {
		loadLessonPractice(src).then(
			(practice) => setItems(itemsOf(practice.sets)),
			// Unreachable data: the line keeps its count of items, as without JavaScript.
			() => undefined,
		);
	}, [src]);
	const summary = stored && items ? summarize(items, stored).all : undefined;
	return (
		<p class="aw-lesson-status">
			<a href={progressHref}>Your progress</a> on this page:{' '}
			<strong>{summary ? `${summary.done} of ${summary.total} done` : `${total} practice items`}</strong>
			{summary && summary.changed > 0 && ` (${summary.changed} changed since you answered)`}
		</p>
	);
}
