/**
 * Recall & review: each card's answer sits in a `<details>` (revealed by click, Enter or Space, with or
 * without JavaScript); the reader marks it "knew it" or "didn't", and focus moves on to the next unmarked card.
 * When every card is marked, the cards the reader did not know can be reviewed again.
 */
import { useState } from 'preact/hooks';
import {
	isDone,
	mark,
	nextUnmarked,
	position,
	reviewUnknown,
	startDeck,
	tally,
	type Deck,
	type Mark,
} from '~/lib/deck/deck.ts';
import type { CompiledCard } from '~/lib/practice/compiled.ts';
import { cardRecord, earlierMarks } from '~/lib/progress/answers.ts';
import { progress } from '~/lib/progress/store.ts';
import { Html } from './ui/Html.tsx';
import { Tag, Verdict } from './ui/Tag.tsx';
import { focusLater, useRestore } from './ui/use-progress.ts';

const revealId = (id: string) => `aw-${id}-reveal`;
const resultId = (setId: string) => `aw-${setId}-result`;

export interface FlashcardsIslandProps {
	setId: string;
	items: CompiledCard[];
	/** Server-rendered for a page's HTML, before the island has the set's data: not interactive yet. */
	pending?: boolean;
}

export default function FlashcardsIsland({ setId, items, pending = false }: FlashcardsIslandProps) {
	const ids = items.map((card) => card.id);
	const [deck, setDeck] = useState<Deck>(() => startDeck(ids));
	const [changed, setChanged] = useState<readonly string[]>([]);

	useRestore((stored) => {
		const earlier = earlierMarks(stored, items);
		setDeck(startDeck(ids, earlier.values as Record<string, Mark>));
		setChanged(earlier.changed);
	});

	const onMark = (card: CompiledCard, value: Mark) => {
		progress.update(card.id, (previous) => cardRecord(previous, card, value === 'known', Date.now()));
		const next = mark(deck, card.id, value);
		setDeck(next);
		setChanged(changed.filter((id) => id !== card.id));
		const following = nextUnmarked(next, card.id);
		focusLater(following ? revealId(following) : resultId(setId));
	};

	const newPass = (next: Deck) => {
		setDeck(next);
		const first = next.cards[0];
		if (first) focusLater(revealId(first));
	};

	const count = tally(deck);
	const done = isDone(deck);
	const shown = items.filter((card) => deck.cards.includes(card.id));

	return (
		<div class="aw-widget aw-cards" data-set={setId} data-pending={pending ? '' : undefined}>
			<p class="aw-status aw-js-space" aria-live="polite">
				{count.known} known, {count.unknown} to review, {count.unmarked} not yet marked.
			</p>
			{deck.pass > 0 && (
				<p class="aw-note">
					Reviewing {deck.cards.length} card{deck.cards.length === 1 ? '' : 's'} again.
				</p>
			)}
			<ol class="aw-list">
				{shown.map((card) => {
					const { index, of } = position(deck, card.id);
					const marked = deck.marks[card.id];
					return (
						<li key={`${card.id}-${deck.pass}`} class="aw-list__item aw-card" data-mark={marked ?? 'none'}>
							<p class="aw-card__head">
								<span class="aw-q__label">
									Card {index} of {of}
								</span>{' '}
								<Tag value={card.level} kind="Level" />
								{marked && (
									<Verdict right={marked === 'known'} text={marked === 'known' ? 'Knew it' : "Didn't know it yet"} />
								)}
							</p>
							{changed.includes(card.id) && !marked && (
								<p class="aw-note">This card changed since you marked it, so it counts as not done.</p>
							)}
							<Html html={card.frontHtml} class="aw-md aw-card__front" />
							<details class="aw-reveal">
								<summary id={revealId(card.id)}>Show the answer</summary>
								<div class="aw-reveal__body">
									<Html html={card.backHtml} />
									<div class="aw-actions aw-js" role="group" aria-label={`Card ${index}: did you know it?`}>
										<button
											type="button"
											class="aw-button"
											aria-pressed={marked === 'known'}
											onClick={() => onMark(card, 'known')}
										>
											<span aria-hidden="true">✓</span> I knew it
										</button>
										<button
											type="button"
											class="aw-button"
											aria-pressed={marked === 'unknown'}
											onClick={() => onMark(card, 'unknown')}
										>
											<span aria-hidden="true">✗</span> I didn't
										</button>
									</div>
								</div>
							</details>
						</li>
					);
				})}
			</ol>
			{done && (
				<div class="aw-result" id={resultId(setId)} tabIndex={-1}>
					<p class="aw-result__score">
						You knew {count.known} of {count.total}.
					</p>
					{count.unknown > 0 && (
						<div class="aw-actions">
							<button type="button" class="aw-button" onClick={() => newPass(reviewUnknown(deck))}>
								Review the {count.unknown} card{count.unknown === 1 ? '' : 's'} you didn't know
							</button>
						</div>
					)}
				</div>
			)}
		</div>
	);
}
