/**
 * A practice set's items with their HTML, `/practice/<set id>.json`: what a lesson page's set island fetches
 * as the reader nears the set (see `src/lib/practice/set-pages.ts`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { hostedSets, type HostedSet } from '~/components/practice/site-data.ts';

export const getStaticPaths = (async () =>
	(await hostedSets()).map(({ set }) => {
		const [lesson, file] = set.id.split('/');
		return { params: { lesson, file }, props: { set } };
	})) satisfies GetStaticPaths;

export const GET: APIRoute<{ set: HostedSet['set'] }> = ({ props }) =>
	new Response(JSON.stringify(props.set.items), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
