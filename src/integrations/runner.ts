/**
 * The browser runner's build step: stage Pyodide (npm) and Django (the harness's pinned wheels, trimmed) once per
 * build or dev server, when Vite starts (src/lib/runner/stage.ts; not in `astro check`, `astro preview`, or a tool
 * that only loads the config, such as knip), serve them in `astro dev`, and copy them to
 * `<outDir>/runner/<version>/` after the build. The client learns where they are, or why Run is off, from the `__AWAITABLE_RUNNER__` constant.
 *
 * Nothing here runs at page load: the files are fetched by the runner's Web Worker on the first Run.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

import { stageRuntime, type Staged } from '../lib/runner/stage.ts';
import { setRuntime } from '../lib/runner/mdast-plugin.ts';
import type { RuntimeInfo } from '../lib/runner/runtime-info.ts';

const TYPES: Record<string, string> = {
	'.mjs': 'text/javascript',
	'.wasm': 'application/wasm',
	'.zip': 'application/zip',
	'.json': 'application/json',
};

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
				const root = fileURLToPath(config.root);
				// Staged when Vite starts the build or the dev server (its `config` hook), once per process; not when a
				// tool only loads this config (knip, an editor), which would pay for it each time.
				const stage = (): Staged => {
					if (staged) return staged;
					// Unit tests load this config through getViteConfig; they need no Python runtime.
					staged = process.env['VITEST'] ? { ok: false, reason: 'not staged for unit tests' } : stageRuntime(root);
					if (staged.ok) logger.info(`staged Pyodide ${staged.pyodideVersion} and Django as runner/${staged.version}/`);
					else logger.warn(`Run buttons are disabled: ${staged.reason}`);
					const info = runtimeInfo(staged);
					setRuntime({ caveat: info.off === null ? caveat(info) : null, off: info.off });
					return staged;
				};
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'awaitable:runner-runtime',
								config: () => ({ define: { __AWAITABLE_RUNNER__: JSON.stringify(runtimeInfo(stage())) } }),
							},
						],
					},
				});
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((request, response, next) => {
					const current = staged;
					const match = /\/runner\/([0-9a-f]+)\/([\w.-]+)$/.exec(request.url?.split('?')[0] ?? '');
					if (!current?.ok || !match || match[1] !== current.version) return next();
					const name = match[2] ?? '';
					if (!current.files.some((file) => file.name === name)) return next();
					response.setHeader('Content-Type', TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream');
					createReadStream(join(current.dir, name)).pipe(response);
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
