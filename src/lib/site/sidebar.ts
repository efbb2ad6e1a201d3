/**
 * The sidebar's "Start here" group, in the site's sidebar (SIDEBAR) and atop each practice page's own short
 * sidebar (src/pages/practice/). Links are written without the base path; Starlight adds it.
 */
export const START_HERE = {
	label: 'Start here',
	items: [
		{ label: 'Home', link: '/' },
		{ label: 'Check what you know', link: '/test/' },
		{ label: 'Your progress', link: '/progress/' },
	],
};

/**
 * The site's sidebar, as Starlight's `sidebar` option (astro.config.mjs) and as the 404 page's `sidebar` prop:
 * given the prop, `<StarlightPage>` builds a sidebar of its own instead of marking the one Starlight shares
 * between pages, which a lesson generated beside it (`build.concurrency`) could mark meanwhile.
 */
export const SIDEBAR = [
	START_HERE,
	{ label: 'Lessons', items: [{ autogenerate: { directory: 'lessons' } }] },
	{ label: 'For authors', items: [{ label: 'Authoring guide', slug: 'guide/authoring' }] },
];
