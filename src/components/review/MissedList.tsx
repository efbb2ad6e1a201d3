/**
 * After the test: the questions the reader missed, each a link to its review on `/review/` (where it is shown
 * again, its choices in a new order, and rescheduled). Kept here, with the review pages, so the test island only
 * places it.
 */
export interface Missed {
	id: string;
	/** "Question 3 · aget and friends". */
	label: string;
}

export function MissedList({ missed }: { missed: readonly Missed[] }) {
	if (missed.length === 0) return null;
	// The site's base path (Astro's BASE_URL, `/` or `/awaitable/`), written out so the test page's island
	// does not load the base-path helpers for one link.
	const review = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}review/`;
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
