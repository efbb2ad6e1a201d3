/**
 * A practice set on a lesson page, loaded when the reader nears it (see `src/lib/practice/set-pages.ts`).
 *
 * The server renders the set's summary and a link to the set's own page, which is what a reader without
 * JavaScript uses. In the browser the island hydrates as the reader scrolls towards it (`client:visible`
 * with a wide margin), fetches the set's items with their HTML, and renders the set's widget in place. If the
 * fetch fails, the summary stays, with a note, and the link still leads to the set.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CompiledSet } from '~/lib/practice/compiled.ts';
import ExplainIsland from './ExplainIsland.tsx';
import FlashcardsIsland from './FlashcardsIsland.tsx';
import PracticeIsland from './PracticeIsland.tsx';
import QuizIsland from './QuizIsland.tsx';

type SetType = CompiledSet['type'];

export interface SetLoaderIslandProps {
	setId: string;
	type: SetType;
	/** "11 questions: 3 easy, 4 medium, 4 hard". */
	summary: string;
	/** "Open the quiz on its own page". */
	linkText: string;
	/** The set's own page. */
	href: string;
	/** The set's items with their HTML, as JSON. */
	src: string;
}

/** Each type's widget and the class of its root (the summary uses the same class, so tests find either). */
const WIDGETS: Record<SetType, [FunctionComponent<{ setId: string; items: never }>, string]> = {
	cards: [FlashcardsIsland, 'aw-cards'],
	quiz: [QuizIsland, 'aw-quiz'],
	explain: [ExplainIsland, 'aw-explain'],
	problems: [PracticeIsland, 'aw-practice'],
};

export default function SetLoaderIsland({ setId, type, summary, linkText, href, src }: SetLoaderIslandProps) {
	// `undefined` while loading, `null` when the load failed.
	const [items, setItems] = useState<never | null | undefined>(undefined);

	useEffect(() => {
		fetch(src)
			.then((response) => (response.ok ? (response.json() as Promise<never>) : Promise.reject(response)))
			.then(setItems, () => setItems(null));
	}, [src]);

	const [Widget, className] = WIDGETS[type];
	if (items) return <Widget setId={setId} items={items} />;
	return (
		// `data-failed` stops the "Loading" note that src/styles/site.css shows while the set is on its way.
		<div
			class={`aw-widget ${className}`}
			data-set={setId}
			data-pending=""
			data-failed={items === null ? '' : undefined}
		>
			<p class="aw-status">{summary}.</p>
			<p class="aw-status">
				{items === null && <strong role="alert">This part of the page could not be loaded. </strong>}
				<a href={href}>{linkText}</a>
			</p>
		</div>
	);
}
