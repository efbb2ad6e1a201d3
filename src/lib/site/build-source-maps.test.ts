import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

const ASTRO = '/site/node_modules/astro/bin/astro.mjs';
const argv = process.argv;
const enabled = process.sourceMapsEnabled;

afterEach(() => {
	process.argv = argv;
	process.setSourceMapsEnabled(enabled);
});

/** Whether Node's source maps are on after the module is evaluated in a process started as `args`. */
async function afterImport(args: string[]): Promise<boolean> {
	process.argv = ['/usr/bin/node', ...args];
	process.setSourceMapsEnabled(true);
	vi.resetModules();
	await import('./build-source-maps.ts');
	return process.sourceMapsEnabled;
}

describe('build-source-maps', () => {
	it('turns Node’s source maps off in astro build', async () => {
		expect(await afterImport([ASTRO, 'build'])).toBe(false);
	});

	it('leaves them on in astro dev and in other tools that load the configuration', async () => {
		expect(await afterImport([ASTRO, 'dev'])).toBe(true);
		expect(await afterImport(['/site/node_modules/vitest/vitest.mjs', 'run'])).toBe(true);
	});

	it('is the first import of both configurations, so the modules they load come after it', () => {
		const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import\b.*$/gm)].map(([line]) => line);
		for (const [file, path] of [
			['astro.config.mjs', './src/lib/site/build-source-maps.ts'],
			['src/content.config.ts', './lib/site/build-source-maps.ts'],
		] as const) {
			expect(imports(file)[0]).toBe(`import '${path}';`);
		}
	});
});
