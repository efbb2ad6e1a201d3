/**
 * At load on a lesson page (kept under 1 KB gzip with its stylesheet and the markers in the HTML): show the
 * runner's markers, which the build rendered hidden after each sample (mdast-plugin.ts: Run, Edit and Reset
 * buttons, or why the sample cannot run here), and link their stylesheet. Nothing else loads until the first
 * click, which imports ui.ts (and ui.ts starts the worker). Without JavaScript the markers stay hidden.
 */
import href from './runner.css?url';

const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = href;
document.head.append(link);
for (const marker of document.querySelectorAll<HTMLElement>('div.runner')) marker.hidden = false;
document.addEventListener('click', (event) => {
	const button =
		event.target instanceof Element ? event.target.closest<HTMLElement>('div.runner > div > button') : null;
	const marker = button?.closest<HTMLElement>('div.runner');
	if (button && marker) void import('./ui.ts').then((ui) => ui.act(button.textContent as 'Run', marker));
});
