/**
 * At load on a lesson page (kept under 1 KB gzip with its stylesheet and the markers in the HTML), after the first
 * paint (src/lib/site/after-paint.ts): link the stylesheet, then add Run, Edit and Reset to each runnable sample's
 * marker. The build renders the markers hidden after each sample (mdast-plugin.ts: the caveats above the first,
 * or why a sample cannot run here); when scripts run, CSS shows them from the first paint with the bar's line
 * reserved (src/styles/site.css). Nothing else loads until the first click, which imports ui.ts (and ui.ts
 * starts the worker). Without JavaScript the markers stay hidden.
 */
import href from './runner.css?url';

const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = href;
// The markers and notes show, the bar's line reserved, from the first paint (src/styles/site.css); the bar goes
// in once its stylesheet is there, or an unstyled bar would move the text twice.
link.onload = link.onerror = () => {
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
};
document.head.append(link);
document.addEventListener('click', ({ target }) => {
	const button = (target as Element).closest?.<HTMLElement>('div.runner > div > button');
	const marker = button?.closest('div')?.parentElement;
	if (button && marker) void import('./ui.ts').then((ui) => ui.act(button.textContent as 'Run', marker));
});
