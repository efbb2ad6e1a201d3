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
 * Moves focus to an element after the render a user action caused. Call `request(key)` in the handler;
 * the element rendered with `ref={target(key)}` gets focus.
 */
export function useFocusRequest() {
	const [wanted, setWanted] = useState<string | undefined>(undefined);
	const elements = useRef(new Map<string, HTMLElement>());
	useEffect(() => {
		if (wanted === undefined) return;
		elements.current.get(wanted)?.focus();
		setWanted(undefined);
	}, [wanted]);
	return {
		request: (key: string) => setWanted(key),
		target: (key: string) => (element: HTMLElement | null) => {
			if (element) elements.current.set(key, element);
			else elements.current.delete(key);
		},
	};
}
