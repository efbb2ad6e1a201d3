/**
 * Types for the Starlight virtual modules our overrides (components/site/Search.astro, LanguageSelect.astro, Sidebar.astro)
 * and the practice pages' frame (components/practice/PracticeLayout.astro) read, as
 * Starlight 0.42's Vite plugin defines them (integrations/vite-virtual-modules.js); Starlight ships no
 * public declarations for them.
 */
declare module 'virtual:starlight/project-context' {
	const project: {
		build: { format: 'file' | 'directory' | 'preserve' };
		root: string;
		srcDir: string;
		trailingSlash: 'always' | 'never' | 'ignore';
	};
	export default project;
}

declare module 'virtual:starlight/pagefind-config' {
	export const pagefindUserConfig: Record<string, unknown>;
}

declare module 'virtual:starlight/user-config' {
	const config: {
		isMultilingual: boolean;
		title: Record<string, string>;
		defaultLocale: { lang: string; dir: 'ltr' | 'rtl'; locale: string | undefined };
	};
	export default config;
}

declare module 'virtual:starlight/components/MobileMenuFooter' {
	const MobileMenuFooter: (props: Record<string, never>) => unknown;
	export default MobileMenuFooter;
}

/** Starlight's components as the site's config resolves them (a user override or Starlight's own). */
declare module 'virtual:starlight/components/*' {
	const Component: (props: Record<string, unknown>) => unknown;
	export default Component;
}
