/**
 * The widget of each kind of practice set (see the kind registry, `src/lib/practice/kinds.ts`), and `SetView`,
 * which renders any compiled set with its kind's widget, on the server and in the browser.
 */
import type { FunctionComponent } from 'preact';
import type { CompiledSet } from '~/lib/practice/compiled.ts';
import type { SetType } from '~/lib/practice/kinds.ts';
import ExplainIsland from './islands/ExplainIsland.tsx';
import FlashcardsIsland from './islands/FlashcardsIsland.tsx';
import PracticeIsland from './islands/PracticeIsland.tsx';
import QuizIsland from './islands/QuizIsland.tsx';

/** What a widget gets: the set's id and items; `pending` while it is a server-rendered preview. */
export interface WidgetProps<S extends CompiledSet = CompiledSet> {
	setId: string;
	items: S['items'];
	pending?: boolean;
}

export const WIDGETS: { readonly [T in SetType]: FunctionComponent<WidgetProps<Extract<CompiledSet, { type: T }>>> } = {
	cards: FlashcardsIsland,
	quiz: QuizIsland,
	explain: ExplainIsland,
	problems: PracticeIsland,
};

/** A set's widget, whatever its kind: what the set island renders once it has the lesson's data. */
export function SetView({ set, pending = false }: { set: CompiledSet; pending?: boolean }) {
	const Widget = WIDGETS[set.type] as FunctionComponent<WidgetProps>;
	return <Widget setId={set.id} items={set.items} pending={pending} />;
}
