/** A small label such as "Easy" or "Beginner": always text, never colour alone. */
const LABELS: Record<string, string> = {
	easy: 'Easy',
	medium: 'Medium',
	hard: 'Hard',
	beginner: 'Beginner',
	intermediate: 'Intermediate',
	advanced: 'Advanced',
};

export function Tag({ value, kind }: { value: string; kind: 'Difficulty' | 'Level' }) {
	return (
		<span class="aw-tag" data-value={value}>
			<span class="aw-sr">{kind}: </span>
			{LABELS[value] ?? value}
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
