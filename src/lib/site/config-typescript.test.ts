/** Node loads astro.config.mjs by itself, not through Astro's Vite fallback (config-typescript.ts). */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiled, inPackages } from './config-typescript.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('the configuration in plain Node', () => {
	it('loads with every integration, starlight-links-validator compiled by the hook', () => {
		// What Astro tries first (`loadConfigWithVite`): a plain import, in a process without Vite.
		const script = `
			const config = (await import(${JSON.stringify(path.join(ROOT, 'astro.config.mjs'))})).default;
			const starlight = config.integrations.find((integration) => integration.name === '@astrojs/starlight');
			console.log(JSON.stringify({ integrations: config.integrations.map((integration) => integration.name), starlight: Boolean(starlight) }));`;
		const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, NODE_OPTIONS: '' },
		});
		const loaded = JSON.parse(output.trim().split('\n').at(-1) ?? '') as { integrations: string[]; starlight: boolean };
		expect(loaded.starlight).toBe(true);
		expect(loaded.integrations).toContain('awaitable:practice-links');
	});

	it('imports the links validator through the hook, its extensionless imports resolved', () => {
		const script = `
			const { compileTypeScript } = await import(${JSON.stringify(path.join(ROOT, 'src/lib/site/config-typescript.ts'))});
			compileTypeScript(['starlight-links-validator'], new URL(${JSON.stringify(`file://${ROOT}/`)}));
			const { default: validator } = await import('starlight-links-validator');
			const plugin = validator();
			console.log(plugin.name, typeof plugin.hooks['config:setup']);`;
		const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
			cwd: ROOT,
			encoding: 'utf8',
		});
		expect(output.trim()).toBe('starlight-links-validator function');
	});
});

describe('compiling the TypeScript Node cannot strip', () => {
	it('compiles parameter properties and enums', () => {
		const code = compiled(
			'example.ts',
			'enum Kind { Quiz = "quiz" }\nexport class Failure extends Error { constructor(readonly problems: string[]) { super(); } }\nexport const kind: Kind = Kind.Quiz;',
		);
		expect(code).not.toMatch(/readonly|: string\[\]|: Kind/);
		expect(code).toContain('this.problems = problems');
		expect(code).toContain('Kind["Quiz"] = "quiz"');
	});

	it('says which modules are a listed package’s TypeScript', () => {
		const packages = ['starlight-links-validator'];
		expect(inPackages('file:///p/node_modules/starlight-links-validator/libs/astro.ts', packages)).toBe(true);
		expect(inPackages('file:///p/node_modules/starlight-links-validator/package.json', packages)).toBe(false);
		expect(inPackages('file:///p/node_modules/other/index.ts', packages)).toBe(false);
		expect(inPackages('file:///p/src/lib/site/sidebar.ts', packages)).toBe(false);
	});

	it('stops with the file and the error when the TypeScript does not parse', () => {
		expect(() => compiled('broken.ts', 'const = ;')).toThrow('Could not compile broken.ts');
	});
});
