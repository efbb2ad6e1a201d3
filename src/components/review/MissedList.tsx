/**
 * After the test: the questions the reader missed, each a link to its review on `/review/` (where it is shown
 * again, its choices in a new order, and rescheduled). Kept here, with the review pages, so the test island only
 * places it.
 */
import { withBase } from '~/lib/site/base-path.ts';

export interface Missed {
	id: string;
	/** "Question 3 · aget and friends". */
	label: string;
}

export function MissedList({ missed }: { missed: readonly Missed[] }) {
	if (missed.length === 0) return null;
	const review = withBase('/review/', import.meta.env.BASE_URL);
	return (
		<>
			<p>Review what you missed, one question at a time:</p>
			<ul class="aw-missed">
				{missed.map((entry) => (
					<li key={entry.id}>
						<a href={`${review}?item=${encodeURIComponent(entry.id)}`}>{entry.label}</a>
					</li>
				))}
			</ul>
		</>
	);
}
