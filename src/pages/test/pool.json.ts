/**
 * The HTML of every question the test can draw, by key (see src/lib/practice/slim.ts). The test page ships
 * its questions without HTML and renders the default draw on the server; it fetches this only when the reader
 * asks for another draw (a `?seed=` link or a retake), so the page itself stays light.
 */
import type { APIRoute } from 'astro';
import { testPoolHtml } from '~/components/practice/site-data.ts';

export const GET: APIRoute = async () =>
	new Response(JSON.stringify(await testPoolHtml()), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
