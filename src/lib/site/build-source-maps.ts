/**
 * Node's source maps off in `astro build` (issue 10, the start-up). Import this module first (astro.config.mjs,
 * src/content.config.ts): the modules imported after it load without them.
 *
 * Vite's module runner, which evaluates the configuration and the content configuration, turns Node's source
 * maps on (`process.setSourceMapsEnabled(true)`) so that a stack trace names the lines of the TypeScript an error
 * came from. With them on, Node decodes and indexes the inline map of every module the runner evaluates and the
 * map of every package module loaded meanwhile, whether or not anything throws: 0.2–0.4 s of the main thread's
 * CPU before the build starts bundling, at 500 lessons. A build reports author mistakes with the file and line
 * it computes itself (the practice loader, Astro's own errors); only the stack trace of a crash in the
 * configuration's code loses the mapping, and `astro dev`, whose error overlay shows stack traces, keeps it.
 */
import { startedByAstroCli } from './astro-cli.ts';

if (startedByAstroCli('build')) process.setSourceMapsEnabled(false);
