/** The cost of a page's inline scripts, which travel inside its HTML rather than as files. */
import { inlineCode } from '../../src/integrations/csp-policy.ts';
import { gzipSize } from './transfer.ts';

/**
 * What the page's inline scripts add to its transfer: the gzip size of the HTML minus that of the same
 * HTML without them: they are compressed together with the markup, so this is their real share of the
 * transfer, which gzipping each script alone would not give.
 */
export function inlineScriptCost(html: string): { count: number; bytes: number; gzip: number } {
	let count = 0;
	let bytes = 0;
	const without = html.replace(
		/(<script\b[^>]*>)([\s\S]*?)(<\/script>)/gi,
		(whole, open: string, body: string, close: string) => {
			if (/\ssrc=/i.test(open) || inlineCode(whole).length === 0) return whole;
			count++;
			bytes += Buffer.byteLength(body);
			return `${open}${close}`;
		},
	);
	return { count, bytes, gzip: count === 0 ? 0 : Math.max(0, gzipSize(html) - gzipSize(without)) };
}
