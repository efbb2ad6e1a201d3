/**
 * Explain it: the reader writes an answer (kept in this browser), may open a hint, then opens the model answer
 * and ticks the key concepts they covered ("You covered 3/4 concepts").
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { coverageMessage, toggleConcept } from '~/lib/explain/coverage.ts';
import type { CompiledExplain } from '~/lib/practice/compiled.ts';
import { earlierExplains, explainRecord } from '~/lib/progress/answers.ts';
import { MAX_DRAFT } from '~/lib/progress/limits.ts';
import type { ExplainRecord } from '~/lib/progress/schema.ts';
import { progress } from '~/lib/progress/store.ts';
import { Html } from './ui/Html.tsx';
import { useRestore } from './ui/use-progress.ts';

export interface ExplainIslandProps {
	setId: string;
	items: CompiledExplain[];
	/** Server-rendered for a page's HTML, before the island has the set's data: not interactive yet. */
	pending?: boolean;
}

type Change = Partial<Pick<ExplainRecord, 'draft' | 'covered' | 'done'>>;

/** Drafts are saved this long after the reader stops typing, and at once when the field loses focus. */
const SAVE_DELAY = 400;

function ExplainItem({
	item,
	index,
	count,
	restored,
	changed,
}: {
	item: CompiledExplain;
	index: number;
	count: number;
	restored: ExplainRecord | undefined;
	changed: boolean;
}) {
	const [draft, setDraft] = useState('');
	const [covered, setCovered] = useState<readonly number[]>([]);
	const [done, setDone] = useState(false);
	const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
	const uid = `aw-${item.id}`;

	useEffect(() => {
		if (!restored) return;
		setDraft(restored.draft);
		setCovered(restored.covered);
		setDone(restored.done);
	}, [restored]);

	const save = (change: Change) =>
		progress.update(item.id, (previous) => explainRecord(previous, item, change, Date.now()));

	const saveDraft = (value: string) => {
		clearTimeout(pending.current);
		pending.current = undefined;
		save({ draft: value });
	};

	useEffect(() => () => clearTimeout(pending.current), []);

	return (
		<section class="aw-x" aria-labelledby={`${uid}-label`}>
			<p class="aw-card__head" id={`${uid}-label`}>
				<span class="aw-q__label">
					Question {index + 1} of {count}
				</span>
				{done && <span class="aw-verdict"> · compared with the model answer</span>}
			</p>
			{changed && !done && (
				<p class="aw-note">This question changed since you answered it, so it counts as not done.</p>
			)}
			<Html html={item.promptHtml} id={`${uid}-prompt`} />
			<label class="aw-x__label" for={`${uid}-answer`}>
				Your answer <span class="aw-x__aside aw-js-space">(kept in this browser only)</span>
			</label>
			<textarea
				id={`${uid}-answer`}
				class="aw-x__answer"
				rows={5}
				maxLength={MAX_DRAFT}
				aria-describedby={`${uid}-prompt`}
				value={draft}
				onInput={(event) => {
					const value = event.currentTarget.value;
					setDraft(value);
					clearTimeout(pending.current);
					pending.current = setTimeout(() => saveDraft(value), SAVE_DELAY);
				}}
				onBlur={(event) => {
					if (pending.current !== undefined) saveDraft(event.currentTarget.value);
				}}
			/>
			<details class="aw-hint">
				<summary>Hint</summary>
				<Html html={item.hintHtml} />
			</details>
			<details
				class="aw-reveal"
				onToggle={(event) => {
					if (event.currentTarget.open && !done) {
						setDone(true);
						save({ done: true, draft });
					}
				}}
			>
				<summary>Show the model answer</summary>
				<div class="aw-reveal__body">
					<Html html={item.answerHtml} />
					<fieldset class="aw-x__concepts">
						<legend>Key concepts: tick the ones your answer covered</legend>
						{item.conceptsHtml.map((concept, conceptIndex) => (
							<label class="aw-choice" key={conceptIndex}>
								<input
									type="checkbox"
									checked={covered.includes(conceptIndex)}
									onChange={(event) => {
										const next = toggleConcept(covered, conceptIndex, event.currentTarget.checked);
										setCovered(next);
										save({ covered: next, done: true });
									}}
								/>
								<Html html={concept} inline class="aw-md aw-choice__text" />
							</label>
						))}
					</fieldset>
					<p class="aw-status aw-js" aria-live="polite">
						{coverageMessage(covered.length, item.conceptsHtml.length)}
					</p>
				</div>
			</details>
		</section>
	);
}

export default function ExplainIsland({ setId, items, pending = false }: ExplainIslandProps) {
	const [restored, setRestored] = useState<Record<string, ExplainRecord>>({});
	const [changed, setChanged] = useState<readonly string[]>([]);

	useRestore((stored) => {
		const earlier = earlierExplains(stored, items);
		setRestored(earlier.values);
		setChanged(earlier.changed);
	});

	return (
		<div class="aw-widget aw-explain" data-set={setId} data-pending={pending ? '' : undefined}>
			<ol class="aw-list">
				{items.map((item, index) => (
					<li key={item.id} class="aw-list__item">
						<ExplainItem
							item={item}
							index={index}
							count={items.length}
							restored={restored[item.id]}
							changed={changed.includes(item.id)}
						/>
					</li>
				))}
			</ol>
		</div>
	);
}
