/**
 * Build-time validation of the props authors give the practice components in MDX. A mistake stops the build
 * with the component, the page's file and the fix, like Starlight's own components do.
 */
import { z } from 'astro/zod';
import { AuthorError, didYouMean } from '~/lib/practice/author-errors.ts';
import { KINDS, type SetType } from '~/lib/practice/kinds.ts';

/** `<Quiz id="aget/quiz" />`: the set id is the YAML file's path under `src/content/practice`, without `.yaml`. */
export const setProps = z.strictObject({
	id: z
		.string({ error: 'is not text. Fix: write the set id as text, such as id="aget/quiz"' })
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, {
			error:
				'is not "<lesson>/<file>". Fix: write the path of a YAML file under src/content/practice without ".yaml", such as id="aget/quiz"',
		}),
});

export type SetProps = z.output<typeof setProps>;

/** The known prop a misspelt one most likely meant, if any is close. */
const nearest = didYouMean;

/** What is wrong with one prop, and the fix: one sentence pair per issue. */
function describeIssue(issue: z.core.$ZodIssue, known: readonly string[], example: string): string {
	if (issue.code === 'unrecognized_keys') {
		return issue.keys
			.map((key) => {
				const near = nearest(key, known);
				if (near !== undefined) return `has an unknown prop \`${key}\`. Fix: did you mean \`${near}\`? Rename it.`;
				return `has an unknown prop \`${key}\`. Fix: remove it; the only prop is ${known.map((name) => `\`${name}\``).join(', ')}.`;
			})
			.join(' It also ');
	}
	const prop = issue.path.map(String).join('.') || 'props';
	if (issue.code === 'invalid_type' && issue.input === undefined) {
		return `has no \`${prop}\` prop. Fix: add ${prop}="<lesson>/<file>", such as ${prop}="${example}".`;
	}
	return `has \`${prop}\` ${JSON.stringify(issue.input) ?? String(issue.input)}, which ${issue.message}.`;
}

/** Parses a component's props or throws an AstroError naming the component and the page. */
export function parseSetProps(type: SetType, props: unknown, page: string): SetProps {
	const { component, example } = KINDS[type];
	const result = setProps.safeParse(props, { reportInput: true });
	if (result.success) return result.data;
	const known = Object.keys(setProps.shape);
	// A misspelt prop (`ids`) also shows up as the missing one (`id`); the misspelling is the cause, so only it
	// is reported.
	const meant = new Set(
		result.error.issues.flatMap((issue) =>
			issue.code === 'unrecognized_keys' ? issue.keys.map((key) => nearest(key, known)) : [],
		),
	);
	const issues = result.error.issues.filter(
		(issue) => !(issue.code === 'invalid_type' && issue.input === undefined && meant.has(String(issue.path[0]))),
	);
	const what = issues.map((issue) => describeIssue(issue, known, example)).join(' It also ');
	throw new AuthorError({ code: 'AW404', file: page, message: `<${component} /> ${what}` });
}

/** The page's source file for error messages, when the component is on a Starlight page. */
export function pageFileOf(locals: unknown, fallback: string): string {
	try {
		const route = (locals as { starlightRoute?: { entry?: { filePath?: unknown } } }).starlightRoute;
		const file = route?.entry?.filePath;
		return typeof file === 'string' && file !== '' ? file : fallback;
	} catch {
		// `starlightRoute` throws when read outside a Starlight page.
		return fallback;
	}
}

/** The docs entry id of the page being rendered, when the component is on a Starlight page. */
export function pageEntryOf(locals: unknown): string | undefined {
	try {
		const route = (locals as { starlightRoute?: { entry?: { id?: unknown } } }).starlightRoute;
		const id = route?.entry?.id;
		return typeof id === 'string' && id !== '' ? id : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The heading anchors of the page being rendered, when the component is on a Starlight page: what
 * `render(entry)` gives for the page's own entry, already computed by Starlight for its table of contents.
 */
export function pageHeadingsOf(locals: unknown): string[] | undefined {
	try {
		const route = (locals as { starlightRoute?: { headings?: unknown } }).starlightRoute;
		const headings = route?.headings;
		return Array.isArray(headings) ? headings.map((heading: { slug: string }) => heading.slug) : undefined;
	} catch {
		return undefined;
	}
}
