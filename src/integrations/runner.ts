/**
 * The browser runner's build step: stage Pyodide (npm) and Django (the harness's pinned wheels, trimmed) once per
 * build or dev server, beside the rest of the configuration and awaited when Vite starts (src/lib/runner/stage.ts;
 * not in `astro check`, `astro preview`, or a tool that only loads the config, such as knip), serve them in `astro dev`, and copy them to
 * `<outDir>/runner/<version>/` after the build. The client learns where they are, or why Run is off, from the `__AWAITABLE_RUNNER__` constant.
 *
 * Nothing here runs at page load: the files are fetched by the runner's Web Worker on the first Run.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

import { cacheDir, DJANGO_ZIP, PYODIDE_FILES, stageRuntime, type Staged } from '../lib/runner/stage.ts';
import { setRuntime } from '../lib/runner/mdast-plugin.ts';
import type { RuntimeInfo } from '../lib/runner/runtime-info.ts';
import { startedByAstroCli } from '../lib/site/astro-cli.ts';

const TYPES: Record<string, string> = {
	'.mjs': 'text/javascript',
	'.wasm': 'application/wasm',
	'.zip': 'application/zip',
	'.json': 'application/json',
};

/** The files `astro dev` serves under `/runner/<version>/`, from the staging cache. */
const SERVED = new Set<string>([...PYODIDE_FILES, DJANGO_ZIP]);

/** The caveats, said once per lesson, above its first Run button (DESIGN: where readers first meet Run). */
export function caveat(info: RuntimeInfo): string {
	return `Run runs a sample in your browser: real Django ${info.django} on Python ${info.python}, ${info.mb} MB on the first Run. One thread: a blocking call stalls everything, and timings differ from a server.`;
}

/** What the client learns from `__AWAITABLE_RUNNER__`: where the runtime is, or why Run is off. */
function runtimeInfo(staged: Staged): RuntimeInfo {
	return staged.ok
		? {
				path: `runner/${staged.version}/`,
				off: null,
				files: Object.fromEntries(staged.files.map((file) => [file.name, file.bytes])),
				python: staged.python,
				django: staged.django,
				mb: Math.round(staged.gzipBytes / 1e5) / 10,
			}
		: { path: null, off: staged.reason, files: {}, python: '', django: '', mb: 0 };
}

export default function runner(): AstroIntegration {
	let staged: Staged | null = null;
	let root = '';
	return {
		name: 'awaitable:runner',
		hooks: {
			'astro:config:setup': ({ config, updateConfig, logger, command }) => {
				// `astro check` and `astro sync` render no page, `astro preview` serves a finished build: nothing to stage.
				if (command !== 'build' && command !== 'dev') {
					const off = runtimeInfo({ ok: false, reason: `not staged for astro ${command}` });
					updateConfig({ vite: { define: { __AWAITABLE_RUNNER__: JSON.stringify(off) } } });
					return;
				}
				root = fileURLToPath(config.root);
				// Once per process: a dev server restarted by Astro keeps what it staged.
				let staging: Promise<Staged> | undefined = staged ? Promise.resolve(staged) : undefined;
				const stage = (): Promise<Staged> =>
					(staging ??= // Unit tests load this config through getViteConfig; they need no Python runtime.
						(
							process.env['VITEST']
								? Promise.resolve<Staged>({ ok: false, reason: 'not staged for unit tests' })
								: stageRuntime(root)
						).then((result) => {
							staged = result;
							if (result.ok)
								logger.info(`staged Pyodide ${result.pyodideVersion} and Django as runner/${result.version}/`);
							else logger.warn(`Run buttons are disabled: ${result.reason}`);
							const info = runtimeInfo(result);
							setRuntime({ caveat: info.off === null ? caveat(info) : null, off: info.off });
							return result;
						}));
				// Run from the astro CLI's `build` or `dev`, staging starts now, in a Python child process and the file
				// reads that follow, while Astro sets up the other integrations and starts Vite. Otherwise (a tool that
				// loads this config through getViteConfig, such as knip or vitest) it waits for Vite's `config` hook,
				// which such tools never run. Either way that hook awaits it: the define and the Run caveat the
				// Markdown plugins write need it.
				if (startedByAstroCli(command)) stage().catch(() => undefined); // the error surfaces where it is awaited
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'awaitable:runner-runtime',
								config: async () => ({
									define: { __AWAITABLE_RUNNER__: JSON.stringify(runtimeInfo(await stage())) },
								}),
							},
						],
					},
				});
			},
			'astro:server:setup': ({ server }) => {
				// Any staged version is served, not only this process's: a tab opened before the dev server restarted
				// (a config edit) still asks for the version it was given, and versions are immutable (named by a hash).
				server.middlewares.use((request, response, next) => {
					const match = /\/runner\/([0-9a-f]{12})\/([\w.-]+)$/.exec(request.url?.split('?')[0] ?? '');
					const name = match?.[2] ?? '';
					if (!match || !SERVED.has(name)) return next();
					const path = join(cacheDir(root), match[1] ?? '', name);
					void stat(path).then(
						(file) => {
							response.setHeader(
								'Content-Type',
								TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream',
							);
							response.setHeader('Content-Length', file.size);
							if (request.method === 'HEAD') response.end();
							else createReadStream(path).on('error', next).pipe(response);
						},
						() => next(),
					);
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const current = staged;
				if (!current?.ok) return;
				const target = join(fileURLToPath(dir), 'runner', current.version);
				await mkdir(target, { recursive: true });
				await Promise.all(current.files.map((file) => copyFile(join(current.dir, file.name), join(target, file.name))));
				logger.info(`copied the runner's ${current.files.length} files to runner/${current.version}/`);
			},
		},
	};
}
