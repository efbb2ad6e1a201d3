/** The practice data files a build writes outside Astro's routing (practice-data.ts, src/lib/practice/data-files.ts). */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import practiceData, { practiceDataWriter } from './practice-data.ts';
import { emitPracticeData, practiceDataText, setPracticeDataWriter } from '../lib/practice/data-files.ts';
import type { CompiledSet, LessonPractice } from '../lib/practice/compiled.ts';

const practice = (lesson: string): LessonPractice => ({
	lesson,
	sets: [{ id: `${lesson}/cards`, lesson, type: 'cards', items: [] } as unknown as CompiledSet],
});

describe('the practice data files of a build', () => {
	let out = '';
	beforeEach(() => {
		out = mkdtempSync(path.join(os.tmpdir(), 'awaitable-practice-data-'));
	});
	afterEach(() => {
		setPracticeDataWriter(undefined);
		rmSync(out, { recursive: true, force: true });
	});

	it('holds the lesson and its sets as JSON, and nothing else the practice page knows', () => {
		const group = {
			...practice('aget'),
			host: { id: 'lessons/aget', title: 'aget', path: '/lessons/aget/', href: '/' },
		};
		expect(practiceDataText(group)).toBe(JSON.stringify(practice('aget')));
	});

	it('writes each lesson’s file at /practice/<lesson>.json in the output, in a worker, and counts them', async () => {
		const writer = practiceDataWriter(out);
		writer.write('aget', practiceDataText(practice('aget')));
		writer.write('asave', 'é “quoted” text');
		expect(await writer.written()).toBe(2);
		expect(readdirSync(path.join(out, 'practice')).sort()).toEqual(['aget.json', 'asave.json']);
		expect(readFileSync(path.join(out, 'practice/aget.json'), 'utf8')).toBe(JSON.stringify(practice('aget')));
		expect(readFileSync(path.join(out, 'practice/asave.json'), 'utf8')).toBe('é “quoted” text');
	});

	it('counts none when no page wrote one', async () => {
		expect(await practiceDataWriter(out).written()).toBe(0);
	});

	it('refuses a lesson written twice', () => {
		const writer = practiceDataWriter(out);
		writer.write('aget', '{}');
		expect(() => writer.write('aget', '{}')).toThrow('"aget" was written twice');
		return writer.written();
	});

	it('stops the build when a file cannot be written', async () => {
		// A file where the folder must be.
		writeFileSync(path.join(out, 'practice'), '');
		const writer = practiceDataWriter(out);
		writer.write('aget', '{}');
		await expect(writer.written()).rejects.toThrow('Could not write a practice data file');
	});

	it('gets each page’s data through the integration’s writer during a build, and says how many it wrote', async () => {
		const integration = practiceData();
		const hooks = integration.hooks as Required<AstroIntegration['hooks']>;
		const config = { outDir: new URL(`file://${out}/`), build: { client: new URL(`file://${out}/client/`) } };
		await hooks['astro:config:done']({ config, buildOutput: 'static' } as never);
		await hooks['astro:build:start']({} as never);
		emitPracticeData(practice('aget'));
		emitPracticeData(practice('blocking'));
		const said: string[] = [];
		await hooks['astro:build:generated']({ logger: { info: (message: string) => said.push(message) } } as never);
		expect(said).toEqual(['Wrote 2 practice data files.']);
		expect(readFileSync(path.join(out, 'practice/blocking.json'), 'utf8')).toBe(JSON.stringify(practice('blocking')));
		// The build is over: a page rendered now has nowhere to go.
		expect(() => emitPracticeData(practice('aget'))).toThrow('add the awaitable:practice-data integration');
	});

	it('injects the endpoint that serves the files in astro dev only', async () => {
		const injected = (command: string) => {
			const routes: unknown[] = [];
			const hooks = practiceData().hooks as Required<AstroIntegration['hooks']>;
			void hooks['astro:config:setup']({ command, injectRoute: (route: unknown) => routes.push(route) } as never);
			return routes;
		};
		expect(injected('dev')).toEqual([
			{
				pattern: '/practice/[lesson].json',
				entrypoint: new URL('../components/practice/data-route.ts', import.meta.url),
			},
		]);
		expect(injected('build')).toEqual([]);
	});
});
