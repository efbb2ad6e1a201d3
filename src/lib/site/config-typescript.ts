/**
 * Lets Node load astro.config.mjs by itself. Astro first tries a plain `import()` of the configuration and, when
 * that fails, starts a Vite dev server and loads the configuration again through it, every TypeScript module the
 * configuration imports transformed with source maps: at 500 lessons 3–4 s of the build's start-up on the shared
 * 2-core machine (0.8 s of CPU), before any integration runs. Node itself runs TypeScript by stripping its types; what it
 * cannot strip is TypeScript shipped in `node_modules` (starlight-links-validator ships its sources, with imports
 * that name no extension) and the few constructs that need compiling (parameter properties, enums).
 *
 * `compileTypeScript` registers a module hook (Node's `registerHooks`, in this thread) that compiles such TypeScript
 * with Oxc (`transformSync` from Rolldown, the transformer Vite runs on it), and resolves the extensionless imports
 * inside those packages as Vite does (`./libs/astro` → `./libs/astro.ts`), for modules loaded after it: the
 * configuration imports starlight-links-validator with `import()` once the hook is there, and an integration may
 * import a module of the project lazily (practice-links.ts: the practice loader, whose error class has a parameter
 * property), which is compiled the same way. astro.config.mjs's own static imports are loaded before any of its code
 * runs, so they must stay strippable (`config-typescript.test.ts` loads the configuration in a plain Node process).
 */
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'rolldown/utils';

const TYPESCRIPT = /\.[cm]?ts$/;

/** Whether a module at `url` is a TypeScript file of one of `packages` (by its folder in any `node_modules`). */
export function inPackages(url: string, packages: readonly string[]): boolean {
	return TYPESCRIPT.test(url) && packages.some((name) => url.includes(`/node_modules/${name}/`));
}

/** The module's JavaScript: its TypeScript compiled by Oxc (types removed, parameter properties and enums compiled). */
export function compiled(file: string, source: string): string {
	const result = transformSync(file, source, { lang: 'ts', sourceType: 'module' });
	const [error] = result.errors;
	if (error) throw new Error(`Could not compile ${file}: ${error.message}`);
	return result.code;
}

const REGISTERED = Symbol.for('awaitable.config-typescript');

/**
 * Registers the hook once per thread (the configuration is loaded again when it changes under `astro dev`).
 * `packages`: the packages in `node_modules` that ship TypeScript; `root`: the project's folder (a `file:` URL).
 */
export function compileTypeScript(packages: readonly string[], root: URL): void {
	const holder = globalThis as { [REGISTERED]?: boolean };
	if (holder[REGISTERED]) return;
	holder[REGISTERED] = true;
	const project = root.href;
	registerHooks({
		resolve(specifier, context, nextResolve) {
			const parent = context.parentURL;
			if (!parent || !specifier.startsWith('.') || !inPackages(parent, packages) || /\.\w+$/.test(specifier)) {
				return nextResolve(specifier, context);
			}
			for (const candidate of [`${specifier}.ts`, `${specifier}/index.ts`]) {
				try {
					return nextResolve(candidate, context);
				} catch {
					// not this one
				}
			}
			return nextResolve(specifier, context);
		},
		load(url, context, nextLoad) {
			const ours = url.startsWith(project) && !url.includes('/node_modules/') && TYPESCRIPT.test(url);
			if (!ours && !inPackages(url, packages)) return nextLoad(url, context);
			const file = fileURLToPath(url);
			return { format: 'module', source: compiled(file, readFileSync(file, 'utf8')), shortCircuit: true };
		},
	});
}
