/**
 * Hooks over the progress store. They return nothing during server rendering and the first client render, so
 * the hydrated markup is the server's; stored progress arrives in an effect right after.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { progress, type Progress } from '~/lib/progress/store.ts';

/** The stored progress, kept up to date (for views that show totals). */
export function useProgress(): Progress | undefined {
	const [snapshot, setSnapshot] = useState<Progress | undefined>(undefined);
	useEffect(() => {
		const read = () => setSnapshot(progress.get());
		read();
		return progress.subscribe(read);
	}, []);
	return snapshot;
}

/** Runs `restore` once after hydration with the stored progress (for views that own their state). */
export function useRestore(restore: (progress: Progress) => void): void {
	const restoreRef = useRef(restore);
	useEffect(() => restoreRef.current(progress.get()), []);
}

/**
 * Moves focus to the element with this id once the render that a user action caused is done. Preact renders
 * state changes in a microtask, so the next animation frame sees the new element.
 */
export function focusLater(id: string): void {
	requestAnimationFrame(() => document.getElementById(id)?.focus());
}
