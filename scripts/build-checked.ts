/**
 * `npm test`'s build: `astro build` of the site, its output streamed as it comes, failing when the build prints a
 * warning (Astro's `[WARN]` lines) although it succeeded. A clean build prints none (tests/bad-input's control
 * holds the small site to the same rule), so a warning is news: a lookup of an entry that does not exist printed
 * one in every build, unnoticed, until this step. `npm run build` stays plain `astro build` for deployers.
 *
 *     node scripts/build-checked.ts
 */
import { spawn } from 'node:child_process';
import { warningLines } from './quality/bad-input-case.ts';

const chunks: string[] = [];
const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
	stdio: ['ignore', 'pipe', 'pipe'],
});
for (const stream of [child.stdout, child.stderr]) {
	stream.on('data', (chunk: Buffer) => {
		chunks.push(chunk.toString('utf8'));
		(stream === child.stdout ? process.stdout : process.stderr).write(chunk);
	});
}
const code = await new Promise<number>((resolve) => {
	child.on('error', () => resolve(1));
	child.on('close', (status) => resolve(status ?? 1));
});
if (code !== 0) process.exit(code);
const warnings = warningLines(chunks.join(''));
if (warnings.length > 0) {
	console.error(`\nbuild: it passed but printed ${warnings.length} warning(s); a clean build prints none:`);
	for (const line of warnings) console.error(`  ${line}`);
	process.exit(1);
}
