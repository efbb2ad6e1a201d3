/**
 * The sidebar's "Start here" group, shared by the site's sidebar (astro.config.mjs) and the practice sets' own
 * pages, which show it above their lesson's sets instead of the whole course (see src/pages/practice/).
 * Links are written without the base path; Starlight adds it.
 */
export const START_HERE = {
	label: 'Start here',
	items: [
		{ label: 'Home', link: '/' },
		{ label: 'Check what you know', link: '/test/' },
		{ label: 'Your progress', link: '/progress/' },
	],
};
