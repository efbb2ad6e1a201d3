/**
 * At load on a lesson page (kept under 1 KB gzip with its stylesheet and the markers in the HTML): show the
 * runner's markers, which the build rendered hidden after each sample (mdast-plugin.ts: the caveats above the
 * first, or why a sample cannot run here), add Run, Edit and Reset to each runnable one, and link the stylesheet. Nothing else loads until the first
 * click, which imports ui.ts (and ui.ts starts the worker). Without JavaScript the markers stay hidden.
 */
import href from './runner.css?url';

const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = href;
document.head.append(link);
for (const note of document.querySelectorAll<HTMLElement>('p.runner-no')) note.hidden = false;
for (const marker of document.querySelectorAll<HTMLElement>('div.runner')) {
	marker.hidden = false;
	const bar = document.createElement('div');
	for (const action of ['Run', 'Edit', 'Reset']) {
		const button = document.createElement('button');
		button.textContent = action;
		button.hidden = action === 'Reset';
		bar.append(button);
	}
	marker.append(bar);
}
document.addEventListener('click', ({ target }) => {
	const button = (target as Element).closest?.<HTMLElement>('div.runner > div > button');
	const marker = button?.closest('div')?.parentElement;
	if (button && marker) void import('./ui.ts').then((ui) => ui.act(button.textContent as 'Run', marker));
});
