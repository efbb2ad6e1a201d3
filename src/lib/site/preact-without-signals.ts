/**
 * Astro's Preact renderer without its signals code: 0.25 KB gzip less on every page with an island, and one
 * import less (the preload helper).
 *
 * `@astrojs/preact`'s client entry turns props the server marked as Preact signals (`data-preact-signals`) back
 * into signals, lazily importing `@preact/signals` through Vite's preload helper. No island of this site takes a
 * signal as a prop (none imports `@preact/signals`, which `preact-without-signals.test.ts` checks), so that block
 * never runs. This plugin cuts it out of the client build, and fails the build when the renderer's code no longer
 * has it word for word (an `@astrojs/preact` upgrade): then compare the new client entry and update `SIGNALS`.
 */
import type { Plugin } from 'vite';

/** The renderer's client entry, as Vite resolves it. */
export const RENDERER_CLIENT = /[\\/]@astrojs[\\/]preact[\\/]dist[\\/]client\.js$/;

/** The signals code of the renderer's client entry (`@astrojs/preact` 5), cut out whole. */
export const SIGNALS = [
	'const sharedSignalMap = /* @__PURE__ */ new Map();\n',
	/\n {2}let signalsRaw = element\.dataset\.preactSignals;\n {2}if \(signalsRaw\) \{\n[\s\S]*?\n {2}\}\n(?= {2}const child = h\()/,
] as const;

/** The client entry without its signals code; throws when a piece is not there. */
export function withoutSignals(code: string): string {
	return SIGNALS.reduce<string>((rest, piece) => {
		const cut = rest.replace(piece, typeof piece === 'string' ? '' : '\n');
		if (cut === rest) {
			throw new Error(
				`preact-without-signals: @astrojs/preact's client entry changed (no ${String(piece).slice(0, 40)}…); compare it with SIGNALS in src/lib/site/preact-without-signals.ts`,
			);
		}
		return cut;
	}, code);
}

/** The Vite plugin: the client build's Preact renderer is `withoutSignals` of Astro's. */
export function preactWithoutSignals(): Plugin {
	return {
		name: 'awaitable:preact-without-signals',
		applyToEnvironment: (environment) => environment.config.consumer === 'client',
		transform: {
			filter: { id: RENDERER_CLIENT },
			handler: (code) => ({ code: withoutSignals(code), map: null }),
		},
	};
}
