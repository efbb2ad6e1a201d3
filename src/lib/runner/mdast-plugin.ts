/**
 * A Sätteri mdast plugin that marks each runnable Python sample of a lesson for the browser runner: after the
 * code block it adds an empty, hidden `<div class="runner">` carrying the run context (`data-run`), or, for a sample
 * whose outcome in the browser differs from real Django's, why it is not runnable (`data-why`). The page looks
 * the same without JavaScript; `buttons.ts` turns the markers into Run and Edit buttons.
 *
 * Which samples are runnable is build data: `verdicts.json`, written by `npm run test:samples` (verdicts.ts).
 */
import { readFileSync } from 'node:fs';
import { defineMdastPlugin } from 'satteri';

import { readFenceInfo } from '../samples/meta.ts';
import { sampleKey, type VerdictFile } from './verdicts.ts';

const PYTHON = new Set(['python', 'py']);
const UNCHECKED = 'not checked in the browser yet (npm run test:samples decides which samples can run here)';

export function readVerdicts(): VerdictFile {
	return JSON.parse(readFileSync(new URL('./verdicts.json', import.meta.url), 'utf8')) as VerdictFile;
}

interface Runtime {
	/** The caveats, shown once per lesson above its first Run button; null when Run is off. */
	caveat: string | null;
	/** Why Run is off in this build; null when it is on. */
	off: string | null;
}

let runtime: Runtime = { caveat: null, off: 'the runner integration did not run' };

/** Set by the runner integration (src/integrations/runner.ts) once the runtime is staged or found missing. */
export function setRuntime(next: Runtime): void {
	runtime = next;
}

type Text = { type: 'text'; value: string };
const text = (value: string): Text => ({ type: 'text', value });
const element = <T>(hName: string, hProperties: Record<string, unknown>, children: T[]) =>
	({ type: 'blockquote', children, data: { hName, hProperties } }) as const;
const paragraph = (value: string) => ({ type: 'paragraph', children: [text(value)] }) as const;

export function runnerMarkersPlugin() {
	let verdicts: VerdictFile | null = null;
	return defineMdastPlugin({
		name: 'awaitable-runner-markers',
		code(node, ctx) {
			if (!ctx.fileURL || !ctx.fileURL.pathname.includes('/lessons/')) return;
			if (!PYTHON.has((node.lang ?? '').toLowerCase())) return;
			const { annotation } = readFenceInfo(node.meta);
			if (annotation === null || annotation.outcome === 'norun') return;
			verdicts ??= readVerdicts();
			const verdict = verdicts.samples[sampleKey(annotation.context, node.value)];
			const why =
				runtime.off !== null
					? `Run is off in this build: ${runtime.off}.`
					: verdict?.runnable === true
						? null
						: `Not runnable here: ${verdict?.reason ?? UNCHECKED}.`;
			// Short markup (a long lesson pays for it under every sample, too far apart for gzip to share): a
			// runnable sample gets `<div class="runner" hidden>` (`data-run="sync"` for a sync one), the first of each
			// page with the caveats in it; buttons.ts adds the buttons. Any other gets its note, `<p class="runner-no">`.
			if (why !== null) {
				ctx.insertAfter(node, {
					type: 'paragraph',
					children: [text(why)],
					data: { hProperties: { className: ['runner-no'], hidden: true } },
				});
				return;
			}
			const properties: Record<string, unknown> = { className: ['runner'], hidden: true };
			if (annotation.context === 'sync') properties['dataRun'] = 'sync';
			const children = [];
			// The caveats go with the first runnable sample of each page, where readers first meet Run.
			if (runtime.caveat !== null && ctx.data['runnerCaveat'] !== true) {
				ctx.data['runnerCaveat'] = true;
				children.push(paragraph(runtime.caveat));
			}
			ctx.insertAfter(node, element('div', properties, children) as never);
		},
	});
}
