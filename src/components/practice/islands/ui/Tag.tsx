/** A small label such as "easy" or "beginner" (capitalised by CSS): always text, never colour alone. */
export function Tag({ value, kind }: { value: string; kind: 'Difficulty' | 'Level' }) {
	return (
		<span class="aw-tag">
			<span class="aw-sr">{kind}: </span>
			{value}
		</span>
	);
}

/** "✓ Correct" / "✗ Incorrect": an icon hidden from screen readers, and the words. */
export function Verdict({ right, text }: { right: boolean; text: string }) {
	return (
		<span class="aw-verdict" data-right={right}>
			<span class="aw-icon" aria-hidden="true">
				{right ? '✓' : '✗'}
			</span>{' '}
			{text}
		</span>
	);
}
