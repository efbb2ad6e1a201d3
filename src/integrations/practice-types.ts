/**
 * Types the practice set ids for the editor: injects a declaration with one union of ids per set type (see
 * `src/lib/practice/set-index.ts`), so `<Quiz id="…">` completes quiz set ids and underlines an unknown one.
 * Astro writes it into `.astro/` on `astro sync`, `dev`, `check` and `build`; during `astro dev` it is rewritten
 * when a practice file is added, removed or changes its type, and the MDX check's index is refreshed with it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { forgetPracticeSets, PRACTICE_DIRECTORY, practiceSets, setIdsDeclaration } from '../lib/practice/set-index.ts';

export const TYPES_FILE = 'practice-set-ids.d.ts';

export default function practiceTypes(): AstroIntegration {
	let root = '';
	let written: URL | undefined;
	return {
		name: 'awaitable:practice-types',
		hooks: {
			'astro:config:done': ({ config, injectTypes }) => {
				root = fileURLToPath(config.root);
				written = injectTypes({ filename: TYPES_FILE, content: setIdsDeclaration(practiceSets(root)) });
			},
			'astro:server:setup': ({ server }) => {
				const directory = path.join(root, PRACTICE_DIRECTORY);
				const refresh = (changed: string) => {
					if (!changed.startsWith(directory) || !/\.ya?ml$/.test(changed) || !written) return;
					forgetPracticeSets();
					const content = setIdsDeclaration(practiceSets(root));
					const file = fileURLToPath(written);
					const current = (() => {
						try {
							return readFileSync(file, 'utf8');
						} catch {
							return '';
						}
					})();
					if (current !== content) writeFileSync(file, content);
				};
				server.watcher.on('add', refresh);
				server.watcher.on('unlink', refresh);
				server.watcher.on('change', refresh);
			},
		},
	};
}
