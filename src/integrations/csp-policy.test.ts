import { describe, expect, test } from 'vitest';
import {
	auditPage,
	bytesOf,
	cspHash,
	elements,
	eventHandlerNames,
	forBytes,
	hashInlineStyles,
	inlineCode,
	inlineScriptsInAstroSource,
	mergePolicies,
	metaPolicy,
	pageProblems,
	parsePolicy,
	serializePolicy,
	WIDE_SPACE,
	withHeaders,
	withOnlyPageHashes,
} from './csp-policy.ts';

const script = 'console.log(1)';
const style = 'p{color:red}';
const page = (policy: string, body: string) =>
	`<html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;

describe('policies', () => {
	test('parse and serialize keep the directives and their sources in order', () => {
		const text = "default-src 'self';script-src 'self' 'sha256-abc=' ; style-src-attr 'unsafe-inline';";
		const policy = parsePolicy(text);
		expect([...policy.keys()]).toEqual(['default-src', 'script-src', 'style-src-attr']);
		expect(serializePolicy(policy)).toBe(
			"default-src 'self'; script-src 'self' 'sha256-abc='; style-src-attr 'unsafe-inline'",
		);
	});

	test('the first occurrence of a directive wins, as in browsers', () => {
		expect(parsePolicy("script-src 'self'; script-src 'unsafe-inline'").get('script-src')).toEqual(["'self'"]);
	});

	test('merging takes the union of each directive and drops a none that another source joins', () => {
		const merged = mergePolicies([
			parsePolicy("script-src 'self' 'sha256-a'; object-src 'none'; img-src 'none'"),
			parsePolicy("script-src 'self' 'sha256-b'; object-src 'none'; img-src 'self'"),
		]);
		expect(serializePolicy(merged)).toBe("script-src 'self' 'sha256-a' 'sha256-b'; object-src 'none'; img-src 'self'");
	});

	test('hashes are the base64 SHA-256 a browser computes', () => {
		// echo -n 'console.log(1)' | openssl dgst -sha256 -binary | base64
		expect(cspHash(script)).toBe("'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='");
	});
});

describe('reading a built page', () => {
	test('finds the meta policy, decoding entities', () => {
		expect(
			metaPolicy(
				'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="script-src &#39;self&#39;">',
			),
		).toBe("script-src 'self'");
		expect(metaPolicy('<meta name="x" content="y">')).toBeUndefined();
	});

	test('inline code is executable scripts and style elements, not external or data scripts', () => {
		const html = `<script>${script}</script><script type="module">a()</script><script src="/x.js"></script><script type="application/ld+json">{}</script><style>${style}</style>`;
		expect(inlineCode(html)).toEqual([
			{ kind: 'script', body: script },
			{ kind: 'script', body: 'a()' },
			{ kind: 'style', body: style },
		]);
	});
});

describe('pageProblems', () => {
	test('accepts a page whose inline code is all hashed', () => {
		const html = page(
			`script-src 'self' ${cspHash(script)}; style-src 'self' ${cspHash(style)}`,
			`<script>${script}</script><style>${style}</style>`,
		);
		expect(pageProblems(html)).toEqual([]);
	});

	test('reports an inline script whose hash is missing, with its hash and the fix', () => {
		const [problem, ...rest] = pageProblems(page("script-src 'self'", `<script>${script}</script>`));
		expect(rest).toEqual([]);
		expect(problem).toContain('inline <script>');
		expect(problem).toContain(cspHash(script));
		expect(problem).toContain('"console.log(1)"');
		expect(problem).toContain('Fix:');
	});

	test('falls back from script-src-elem to script-src to default-src, like a browser', () => {
		expect(pageProblems(page(`default-src 'self' ${cspHash(script)}`, `<script>${script}</script>`))).toEqual([]);
		expect(
			pageProblems(page(`script-src-elem 'self'; script-src ${cspHash(script)}`, `<script>${script}</script>`)),
		).toHaveLength(1);
	});

	test("rejects 'unsafe-inline' and 'unsafe-eval' for scripts", () => {
		expect(pageProblems(page("script-src 'self' 'unsafe-inline' 'unsafe-eval'", ''))).toEqual([
			"allows 'unsafe-inline' for scripts. Fix: remove it from security.csp.scriptDirective.resources.",
			"allows 'unsafe-eval' for scripts. Fix: remove it from security.csp.scriptDirective.resources.",
		]);
		expect(pageProblems(page("script-src 'self' 'wasm-unsafe-eval'", ''))).toEqual([]);
	});

	test('reports inline event handlers but not text that looks like one', () => {
		const html = page(
			"script-src 'self'",
			`<button onclick="go()">Go</button><p data-x='one = 1' title="a onclick=b">onload = x</p>`,
		);
		expect(pageProblems(html)).toEqual([
			'has an inline event handler onclick= on <button>, which the policy blocks. Fix: attach the listener in a script.',
		]);
	});

	test('reports an event handler in any case, after any whitespace, among other attributes', () => {
		const html = page(
			"script-src 'self'",
			`<a class="x"\tONCLICK='go()' href="/">Go</a><img alt="one"\nonerror=x src=y>`,
		);
		expect(pageProblems(html).map((problem) => problem.split(',')[0])).toEqual([
			'has an inline event handler ONCLICK= on <a>',
			'has an inline event handler onerror= on <img>',
		]);
	});

	test('reports event handlers a browser reads after a slash, an odd unquoted value or in a tag name with a colon', () => {
		const html = page(
			"script-src 'self'",
			`<a/onclick=x>1</a><a href=/ / onmouseover="x">2</a><p x=foo"bar onfocus=y>3</p><my:tag onload=z></my:tag>`,
		);
		expect(pageProblems(html).map((problem) => problem.split(',')[0])).toEqual([
			'has an inline event handler onclick= on <a>',
			'has an inline event handler onmouseover= on <a>',
			'has an inline event handler onfocus= on <p>',
			'has an inline event handler onload= on <my:tag>',
		]);
	});

	test('reads no event handler in script and style bodies, nor in quoted values, but does in an unclosed script', () => {
		const body = `<script>document.body.innerHTML = '<b onclick=x>'</script><style>/* <i onload=y> */</style><p title="a onclick=b" data-x='c onclick=d'>e</p>`;
		expect(
			pageProblems(page("script-src 'self'", body)).filter((problem) => problem.includes('event handler')),
		).toEqual([]);
		expect(
			pageProblems(page("script-src 'self'", `<script type="text/plain"><b onclick=x>`)).filter((problem) =>
				problem.includes('event handler'),
			),
		).toHaveLength(1);
	});

	test('reads a tag start inside the quoted value of an odd tag, as the earlier check did, not of a well-formed one', () => {
		const handlers = (body: string) =>
			pageProblems(page("script-src 'self'", body))
				.filter((problem) => problem.includes('event handler'))
				.map((problem) => problem.split(',')[0]);
		expect(handlers(`<p title='<b onclick=x>'>text</p>`)).toEqual([]);
		expect(handlers(`<p x=a"b title='<b onclick=x>'>text</p>`)).toEqual([
			'has an inline event handler onclick= on <b>',
		]);
	});

	test('reports a page without a policy', () => {
		expect(pageProblems('<html><head></head></html>')[0]).toContain(
			'has no <meta http-equiv="content-security-policy">',
		);
	});
});

describe('hashInlineStyles', () => {
	test('adds the missing hash of an inline style to style-src-elem and leaves scripts alone', () => {
		const html = page(
			"script-src 'self'; style-src 'self'; style-src-elem 'self'",
			`<style>${style}</style><script>${script}</script>`,
		);
		const fixed = hashInlineStyles(html);
		expect(fixed.added).toEqual([cspHash(style)]);
		expect(metaPolicy(fixed.html)).toBe(`script-src 'self'; style-src 'self'; style-src-elem 'self' ${cspHash(style)}`);
		expect(pageProblems(fixed.html)).toHaveLength(1); // the script is still reported
	});

	test('changes nothing when every style is allowed', () => {
		const html = page(`style-src 'self' ${cspHash(style)}`, `<style>${style}</style>`);
		expect(hashInlineStyles(html)).toEqual({ html, added: [] });
	});
});

describe('auditPage', () => {
	test('gives in one pass what hashInlineStyles then pageProblems give, with the completed policy', () => {
		const pages = [
			page(
				"script-src 'self'; style-src 'self'; style-src-elem 'self'",
				`<style>${style}</style><script>${script}</script><button onclick="go()">Go</button>`,
			),
			page(`default-src 'self'`, `<style>${style}</style><style>${style}</style>`),
			page(`style-src 'self' ${cspHash(style)}; script-src 'self' 'unsafe-eval'`, `<style>${style}</style>`),
			'<html><head></head><body><script>x()</script></body></html>',
		];
		for (const html of pages) {
			const fixed = hashInlineStyles(html);
			const audit = auditPage(html, { hashStyles: true });
			expect(audit.html).toBe(fixed.html);
			expect(audit.added).toEqual(fixed.added);
			expect(audit.problems).toEqual(pageProblems(fixed.html));
			const text = metaPolicy(fixed.html);
			expect(audit.policy && serializePolicy(audit.policy)).toBe(text && serializePolicy(parsePolicy(text)));
		}
	});

	test('with onlyPageHashes gives in one pass what withOnlyPageHashes then auditPage give', () => {
		const other = cspHash('console.log(2)');
		const pages = [
			page(
				`default-src 'self'; script-src 'self' ${cspHash(script)} ${other}; style-src-elem 'self' ${cspHash('q{}')}`,
				`<style>${style}</style><script>${script}</script>`,
			),
			page(
				`script-src 'self' ${other}; style-src 'self' ${cspHash(style)}`,
				`<style>${style}</style><script>x()</script>`,
			),
			page(`script-src 'self' ${cspHash(script)}`, `<script>${script}</script><b onclick="go()">b</b>`),
			page(`default-src 'self'`, `<style>${style}</style>`),
			'<html><head></head><body><script>x()</script></body></html>',
		];
		for (const html of pages) {
			const pruned = withOnlyPageHashes(html);
			const { pieces: _, ...twice } = auditPage(pruned.html, { hashStyles: true });
			const { pieces, ...once } = auditPage(html, { hashStyles: true, onlyPageHashes: true });
			expect(once).toEqual({ ...twice, dropped: pruned.dropped });
			expect(pieces.join('')).toBe(once.html);
		}
	});

	test('reads the names of the page with its policy rewritten, wherever its <meta> is and whatever is around it', () => {
		// The names are read in the page before the <meta> is rewritten only where that gives the same names.
		const meta = `<meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-gone='">`;
		const bodies = [
			`${meta}<b onclick=x>`,
			`<p title='${meta}' onclick=x>`,
			`<p title="${meta.replaceAll('"', "'")}" onclick=x>`,
			`<p x=a"b ${meta} onclick=x>`,
			`<script>let a = '${meta}'</script><b onclick=x>`,
			`<script x='${meta}'>a()</script><b onclick=x>`,
			`<a href="x" ${meta}<b onclick=x>`,
			`<!-- <script ${meta} --><i onload=y></script>`,
			`<p title="${meta}" onclick=x>`,
		];
		let rewritten = 0;
		for (const body of bodies) {
			const html = `<html><head>${body}</head><body><i onfocus=z>1</i></body></html>`;
			const audit = auditPage(html, { hashStyles: true, onlyPageHashes: true });
			if (audit.html !== html) rewritten++;
			expect(
				audit.problems.filter((problem) => problem.includes('event handler')),
				body,
			).toEqual(pageProblems(audit.html).filter((problem) => problem.includes('event handler')));
		}
		expect(rewritten).toBe(bodies.length - 1);
		const dollar = page("script-src 'self' 'sha256-gone=' https://a.org/$&", '<b onclick=x>');
		const audit = auditPage(dollar, { hashStyles: false, onlyPageHashes: true });
		expect(audit.html).toBe(withOnlyPageHashes(dollar).html);
		expect(audit.problems).toEqual(pageProblems(audit.html));
	});

	test('a cached hash is the hash of its own body, not of a similar one', () => {
		const body = `p{color:blue}/*${'x'.repeat(100)}*/`;
		expect(cspHash(body)).toBe(cspHash(`${body}`));
		expect(cspHash(body)).not.toBe(cspHash(`${body} `));
	});
});

describe('a page read as its bytes', () => {
	// Characters whose UTF-8 has the byte 0xA0 (which `\s` matches alone) or is wider than Latin-1, in and around tags.
	const odd = 'à†Ġ—→ſK';
	const pages = [
		page(
			`default-src 'self'; script-src 'self' ${cspHash('x()')} 'sha256-gone='; style-src 'self'`,
			`<p title="${odd}">${odd}</p><script>let a = "${odd}"; x()</script><style>p::after{content:"${odd}"}</style>`,
		),
		page(
			"script-src 'self'",
			`<b à onclick=x>1</b><i àonclick=y>2</i><img alt=xà src="/à.svg"><a href=à onmouseover=z>3</a><p x=à"b onfocus=y>4</p>`,
		),
		page(
			"script-src 'self'",
			`<script type="module${odd}">y()</script><script type="à">z()</script><script àsrc="a.js">w()</script><Ġx onload=q>`,
		),
		`<html><head><meta http-equiv="content-security-policy" content="script-src 'self' https://exämple.org/${odd}"></head><body><script>${odd}</script></body></html>`,
		'<html><head></head><body>Nothing — at all</body></html>',
	];

	test('gives what the page read as text gives, as bytes where it is the page or its code', () => {
		for (const html of pages) {
			expect(WIDE_SPACE.test(bytesOf(html))).toBe(false);
			for (const options of [{ hashStyles: true, onlyPageHashes: true }, { hashStyles: false }]) {
				const { html: text, pieces, ...rest } = auditPage(html, options);
				const read = auditPage(bytesOf(html), { ...options, bytes: true });
				expect(read.html).toBe(bytesOf(text));
				expect(read.pieces.join('')).toBe(bytesOf(pieces.join('')));
				expect({ ...read, html: text, pieces }).toEqual({ html: text, pieces, ...rest });
			}
			expect(eventHandlerNames(bytesOf(html), true)).toEqual(eventHandlerNames(html));
		}
		expect(auditPage(pages[1] ?? '', { hashStyles: false }).problems).toHaveLength(3);
	});

	test("is read as text where it has whitespace beyond ASCII's (WIDE_SPACE), which its bytes would not show", () => {
		for (let code = 0x80; code <= 0xffff; code++) {
			if (code >= 0xd800 && code <= 0xdfff) continue;
			const character = String.fromCharCode(code);
			expect(WIDE_SPACE.test(bytesOf(`a${character}b`)), character).toBe(/\s/.test(character));
		}
		expect(WIDE_SPACE.test(bytesOf('à†Ġ—→'))).toBe(false);
	});

	test('reads \\s as ASCII whitespace, in a character class too', () => {
		expect(forBytes('(?:^|\\s)a\\s*=([^\\s>]+)')).toBe('(?:^|[\\t-\\r ])a[\\t-\\r ]*=([^\\t-\\r >]+)');
		expect(forBytes('\\[\\s\\]')).toBe('\\[[\\t-\\r ]\\]');
		expect(() => forBytes('\\S')).toThrow();
	});
});

describe('withOnlyPageHashes', () => {
	test("keeps the hashes of the page's own inline code and drops the others", () => {
		const other = cspHash('console.log(2)');
		const html = page(
			`default-src 'self'; script-src 'self' ${cspHash(script)} ${other}; style-src-elem 'self' ${cspHash(style)} ${cspHash('q{}')}`,
			`<style>${style}</style><script>${script}</script>`,
		);
		const pruned = withOnlyPageHashes(html);
		expect(pruned.dropped).toEqual([other, cspHash('q{}')]);
		expect(metaPolicy(pruned.html)).toBe(
			`default-src 'self'; script-src 'self' ${cspHash(script)}; style-src-elem 'self' ${cspHash(style)}`,
		);
		expect(pageProblems(pruned.html)).toEqual([]);
	});

	test("does not take a style's hash for a script's", () => {
		const html = page(`script-src 'self' ${cspHash(style)}`, `<style>${style}</style>`);
		expect(metaPolicy(withOnlyPageHashes(html).html)).toBe("script-src 'self'");
	});

	test('changes nothing when every hash is used', () => {
		const html = page(`script-src 'self' ${cspHash(script)}`, `<script>${script}</script>`);
		expect(withOnlyPageHashes(html)).toEqual({ html, dropped: [] });
	});
});

describe('inlineScriptsInAstroSource', () => {
	test('returns the verbatim bodies of is:inline scripts only', () => {
		const source = `---\nconst a = 1;\n---\n<script is:inline>\n\tfoo();\n</script>\n<script>bundled()</script>\n<script is:inline define:vars={{ a }}>bar(a)</script>\n<script is:inline aria-hidden="true">baz()</script>`;
		expect(inlineScriptsInAstroSource(source)).toEqual(['\n\tfoo();\n', 'baz()']);
	});
});

describe('withHeaders', () => {
	test('adds headers to the /* rule, replacing ones it already has', () => {
		const file =
			'# comment\n/*\n  X-Content-Type-Options: nosniff\n  Content-Security-Policy: old\n\n/fonts/*\n  Cache-Control: max-age=1\n';
		expect(withHeaders(file, { 'Content-Security-Policy': "default-src 'self'" })).toBe(
			"# comment\n/*\n  X-Content-Type-Options: nosniff\n  Content-Security-Policy: default-src 'self'\n\n/fonts/*\n  Cache-Control: max-age=1\n",
		);
	});

	test('creates the /* rule in an empty file', () => {
		expect(withHeaders('', { 'Referrer-Policy': 'no-referrer' })).toBe('\n/*\n  Referrer-Policy: no-referrer\n');
	});
});

describe('elements', () => {
	test('finds the script and style elements the pattern it replaced finds, odd casing and unclosed tags included', () => {
		const html = [
			'<script>a</SCRIPT><Style media="x">b</style ><style>c</style>',
			'<script-x data-a="1">d</script><scripts>e</script><script src="f.js"></script>',
			'<style>g</styl><script>h<style>i</style></script><script>unclosed',
		].join('\n');
		for (const name of ['script', 'style'] as const) {
			const pattern = new RegExp(`<${name}\\b([^>]*)>([\\s\\S]*?)<\\/${name}>`, 'gi');
			const expected = [...html.matchAll(pattern)].map(([, attributes, body]) => ({ attributes, body }));
			expect(expected.length).toBeGreaterThan(1);
			expect([...elements(html, name)]).toEqual(expected);
		}
	});
});
