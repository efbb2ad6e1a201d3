/**
 * Any practice set, rendered from its lesson's data (`/practice/<lesson>.json`, see `lesson-data.ts`): the one
 * island behind `<Flashcards>`, `<Quiz>`, `<ExplainIt>` and `<Practice>` on a lesson, and behind each set of a
 * lesson's practice page.
 *
 * On a lesson the server renders the set's summary and a link to the set on the practice page (what a reader
 * without JavaScript follows); on the practice page it renders the whole set as `children`, a static preview.
 * In the browser the island fetches the lesson's data (once per page, at load) and renders the set's widget in
 * place: on a lesson when the set is needed (`whenNeeded` in landing.ts: near the viewport, or at once when a
 * link points below it), on the practice page (hydrated when visible) at once.
 * If the fetch fails, the summary stays with a note, and the link still leads to the set.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CompiledSet } from '~/lib/practice/compiled.ts';
import { SetView } from '../widgets.tsx';
import { settle, watchLanding, whenNeeded } from './landing.ts';
import { findSet, loadLessonPractice } from './lesson-data.ts';

let turn = Promise.resolve();
/**
 * Runs `update` in a task of its own, after the sets queued before it. Every set of a lesson gets its data at
 * the same moment; rendering them all in that one task blocked the main thread for hundreds of milliseconds on
 * a phone (Lighthouse's total blocking time). One set per task leaves room for input between them.
 */
function inOwnTask(update: () => void): void {
	turn = turn.then(
		() =>
			new Promise<void>((resolve) =>
				setTimeout(() => {
					update();
					resolve();
				}, 0),
			),
	);
}

interface SetIslandBase {
	setId: string;
	/** "11 questions: 3 easy, 4 medium, 4 hard". */
	summary: string;
	/** The set on its lesson's practice page. */
	href: string;
	/** The lesson's practice data. */
	src: string;
}

/**
 * On a lesson: the kind's `className` and `linkText` from the kind registry (`KINDS` in `kinds.ts`), passed by
 * the server so the browser does not load the registry (its other fields serve the build). On the practice
 * page: the set rendered whole by the server (`children`), shown until the data has arrived.
 */
export type SetIslandProps = SetIslandBase &
	({ className: string; linkText: string; children?: undefined } | { children: ComponentChildren });

export default function SetIsland(props: SetIslandProps) {
	const { setId, summary, href, src, children } = props;
	// `undefined` while loading, `null` when the load failed.
	const [set, setSet] = useState<CompiledSet | null | undefined>(undefined);
	const placeholder = useRef<HTMLDivElement>(null);

	useEffect(() => {
		if (!children) watchLanding();
		loadLessonPractice(src).then(
			// The practice page's preview is already the set's full height: it renders at once.
			(practice) =>
				whenNeeded(children ? null : placeholder.current, () =>
					inOwnTask(() => setSet(findSet(practice, setId) ?? null)),
				),
			() => setSet(null),
		);
	}, [src, setId]);

	useLayoutEffect(() => {
		if (set !== undefined) settle();
	}, [set]);

	if (set) return <SetView set={set} />;
	if ('children' in props && props.children) return <div data-static="">{children}</div>;
	const { className, linkText } = props as { className: string; linkText: string };
	const failed = set === null;
	// `data-summary` shows a "Loading" note (src/styles/site.css) until the set arrives or `data-failed` says
	// it will not; a failed set is no longer pending, so the page settles (landing.ts).
	return (
		<div
			ref={placeholder}
			class={`aw-widget ${className}`}
			data-set={setId}
			data-summary=""
			data-pending={failed ? undefined : ''}
			data-failed={failed ? '' : undefined}
		>
			<p class="aw-status">{summary}.</p>
			<p class="aw-status">
				{failed && <strong role="alert">This part of the page could not be loaded. </strong>}
				<a href={href}>{linkText}</a>
			</p>
		</div>
	);
}
