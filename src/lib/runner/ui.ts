/**
 * The runner's page side, loaded on the first click of Run or Edit (buttons.ts): the editor, the output under the
 * sample, the progress bar of the first load, and the watchdog. Python runs in a Web Worker (worker.ts); one run
 * at a time, in the order they were asked for.
 */
import type { FromWorker, ToWorker } from './protocol.ts';
import styles from './run.css?url';

/** A sample still running after this long is stopped: its worker is ended and a new one starts on the next Run. */
export const WATCHDOG_MS = 10_000;

const info = __AWAITABLE_RUNNER__;
const base = new URL(`${import.meta.env.BASE_URL}${info.path ?? ''}`, location.href).href;

const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = styles;
document.head.append(link);

let worker: Worker | null = null;
let queue: Promise<void> = Promise.resolve();

function stopWorker(): void {
	worker?.terminate();
	worker = null;
}

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	element.className = className;
	element.textContent = text;
	return element;
}

/** The sample's code block (Expressive Code's wrapper) is the element just before the marker. */
function block(marker: HTMLElement): HTMLElement | null {
	let element = marker.previousElementSibling;
	if (element?.classList.contains('runner-editor')) element = element.previousElementSibling;
	return element instanceof HTMLElement ? element : null;
}

/** The code as written in the lesson, from Expressive Code's copy button (newlines are stored as U+007F). */
function originalCode(marker: HTMLElement): string {
	const code = block(marker)?.querySelector<HTMLElement>('button[data-code]')?.dataset['code'] ?? '';
	return code.replace(/\u007f/g, '\n');
}

function editor(marker: HTMLElement): HTMLTextAreaElement | null {
	const element = marker.previousElementSibling;
	return element instanceof HTMLTextAreaElement ? element : null;
}

/** One of the marker's Run, Edit and Reset buttons (the build renders them without classes, to stay small). */
function button(marker: HTMLElement, name: 'Run' | 'Edit' | 'Reset'): HTMLButtonElement {
	const buttons = [...marker.querySelectorAll<HTMLButtonElement>(':scope > div > button')];
	return buttons.find((element) => element.textContent === name) as HTMLButtonElement;
}

export function act(action: 'Run' | 'Edit' | 'Reset', marker: HTMLElement): void {
	if (action === 'Edit') edit(marker);
	else if (action === 'Reset') reset(marker);
	else run(marker);
}

function edit(marker: HTMLElement): void {
	const code = block(marker);
	if (!code || editor(marker)) return;
	const area = make('textarea', 'runner-editor', originalCode(marker));
	area.setAttribute('aria-label', 'Code of this sample (editable)');
	area.spellcheck = false;
	area.rows = Math.max(area.value.split('\n').length + 1, 3);
	code.hidden = true;
	marker.before(area);
	button(marker, 'Edit').hidden = true;
	button(marker, 'Reset').hidden = false;
	area.focus();
}

function reset(marker: HTMLElement): void {
	editor(marker)?.remove();
	const code = block(marker);
	if (code) code.hidden = false;
	button(marker, 'Reset').hidden = true;
	const edit = button(marker, 'Edit');
	edit.hidden = false;
	edit.focus();
}

function megabytes(bytes: number): string {
	return (bytes / 1e6).toFixed(1);
}

function run(marker: HTMLElement): void {
	const code = editor(marker)?.value ?? originalCode(marker);
	const context = marker.dataset['run'] === 'sync' ? 'sync' : 'async'; // async unless marked (mdast-plugin.ts)
	let output = marker.querySelector<HTMLElement>('.runner-output');
	if (!output) {
		output = make('div', 'runner-output');
		marker.append(output);
	}
	output.replaceChildren();
	const status = make('p', 'runner-status');
	status.setAttribute('role', 'status');
	status.textContent = 'Waiting for the previous run…';
	output.append(status);
	const runButton = button(marker, 'Run');
	runButton.disabled = true;
	queue = queue
		.then(() => runOne({ code, context, output, status }))
		.finally(() => {
			runButton.disabled = false;
		});
}

interface Run {
	code: string;
	context: 'async' | 'sync';
	output: HTMLElement;
	status: HTMLElement;
}

function runOne({ code, context, output, status }: Run): Promise<void> {
	return new Promise((resolve) => {
		worker ??= new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'awaitable-runner' });
		const current = worker;
		let progress: HTMLProgressElement | null = null;
		let pre: HTMLPreElement | null = null;
		let watchdog = 0;
		status.textContent = 'Starting Python…';

		const text = (): HTMLPreElement => {
			if (!pre) {
				const figure = make('figure', 'runner-result');
				figure.append(make('figcaption', 'runner-caption', 'Output of your run'));
				pre = make('pre', 'runner-pre');
				pre.tabIndex = 0;
				figure.append(pre);
				output.append(figure);
			}
			return pre;
		};
		const finish = (message: string, retry = false): void => {
			clearTimeout(watchdog);
			current.removeEventListener('message', onMessage);
			current.removeEventListener('error', onError);
			progress?.parentElement?.remove();
			status.textContent = message;
			if (retry) {
				const again = make('button', 'runner-retry', 'Retry');
				again.type = 'button';
				again.addEventListener('click', () => {
					const marker = output.closest<HTMLElement>('div.runner');
					if (marker) run(marker);
				});
				// In a paragraph: buttons.ts delegates clicks on `div.runner > div > button` (Run, Edit, Reset) only.
				const row = make('p', 'runner-again');
				row.append(again);
				output.append(row);
			}
			resolve();
		};
		const onError = (): void => {
			stopWorker();
			finish('Python stopped unexpectedly. It starts again on the next Run.');
		};
		const onMessage = (event: MessageEvent<FromWorker>): void => {
			const message = event.data;
			switch (message.type) {
				case 'progress': {
					if (!progress) {
						const row = make('div', 'runner-loading');
						const label = make('label', 'runner-loading-label');
						progress = make('progress', 'runner-progress');
						label.append(progress);
						row.append(label);
						output.prepend(row);
					}
					progress.max = message.total;
					progress.value = message.loaded;
					const label = `Loading Python ${info.python} and Django ${info.django} (first Run only): ${megabytes(message.loaded)} of ${megabytes(message.total)} MB`;
					progress.setAttribute('aria-label', label);
					status.textContent = label;
					return;
				}
				case 'started':
					progress?.parentElement?.remove();
					progress = null;
					status.textContent = 'Running…';
					watchdog = window.setTimeout(() => {
						stopWorker();
						finish(
							`Stopped after ${WATCHDOG_MS / 1000} s: the sample was still running (a loop that never ends?). Python was restarted for the next Run.`,
						);
					}, WATCHDOG_MS);
					return;
				case 'out': {
					const target = text();
					if (message.stream === 'stderr') target.append(make('span', 'runner-stderr', message.text));
					else target.append(message.text);
					return;
				}
				case 'done':
					if (message.error !== null) {
						if (message.limit) text().append(`\n…\n`);
						text().append(make('span', 'runner-error', message.error));
					}
					if (!pre) text().append(make('span', 'runner-empty', '(no output)'));
					finish(
						message.limit
							? 'Stopped: the sample printed too much.'
							: message.error === null
								? `Finished in ${Math.round(message.ms)} ms.`
								: `Raised ${message.error.trim().split('\n').pop()?.split(':')[0]?.split('.').pop() ?? 'an exception'}.`,
					);
					return;
				case 'failed':
					if (message.kind === 'download') {
						stopWorker();
						finish(`Could not download Python (${message.message}). Check your connection and try again.`, true);
					} else {
						stopWorker();
						finish(`Python could not run the sample (${message.message}). It starts again on the next Run.`, true);
					}
					return;
			}
		};
		current.addEventListener('message', onMessage);
		current.addEventListener('error', onError);
		const request: ToWorker = { type: 'run', base, files: info.files, code, context };
		current.postMessage(request);
	});
}
