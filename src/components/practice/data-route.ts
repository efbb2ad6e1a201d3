/**
 * A lesson's practice data, `/practice/<lesson>.json`, in `astro dev`: every set of the lesson, compiled (items
 * with their HTML), in the order the lesson shows them. Every island renders its set from this (see set-pages.ts).
 * Injected by src/integrations/practice-data.ts in `astro dev` only; a build writes the same files outside Astro's
 * routing (src/lib/practice/data-files.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { LessonPractice } from '~/lib/practice/compiled.ts';
import { practiceDataText } from '~/lib/practice/data-files.ts';
import { practiceGroups } from '~/components/practice/site-data.ts';

export const getStaticPaths = (async () =>
	(await practiceGroups()).map(({ lesson, sets }) => ({
		params: { lesson },
		props: { practice: { lesson, sets } satisfies LessonPractice },
	}))) satisfies GetStaticPaths;

export const GET: APIRoute<{ practice: LessonPractice }> = ({ props }) =>
	new Response(practiceDataText(props.practice), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
