/**
 * A collection schema built once instead of once per entry (issue 10, the content sync).
 *
 * Astro calls a collection's schema function for every entry it validates (`getEntryData`), to hand it an
 * `image()` helper bound to that entry's file. Starlight's `docsSchema()` builds its whole frontmatter schema
 * (head, sidebar, hero, …) in that call: about 2 ms each, a second of the content sync at 500 lessons, for a
 * schema that differs between entries only in where `image()` resolves a path.
 *
 * `builtOnce` builds it once, with an `image()` that forwards to the `image()` of the entry being validated (held
 * in an AsyncLocalStorage around each parse, so parses in flight at the same time each see their own). Entries
 * validate to the same data, with the same errors. A call whose `image()` is a plain string schema (the one Astro
 * makes to write `.astro/collections/*.schema.json`, the editors' frontmatter schema) gets the schema built the
 * usual way, so that file keeps the image fields as strings.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';

type ImageSchema = ReturnType<SchemaContext['image']>;

/** The schema's parse methods: each runs with the calling entry's `image()` at hand. */
const PARSERS = new Set<PropertyKey>(['parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'spa']);

/** Whether a schema changes the value it parses (Astro's per-entry `image()` does; the JSON-schema one does not). */
const transforms = (schema: z.ZodType): boolean => schema._zod.def.type === 'pipe';

export function builtOnce<Schema extends z.ZodType>(
	build: (context: SchemaContext) => Schema,
): (context: SchemaContext) => Schema {
	const images = new AsyncLocalStorage<SchemaContext['image']>();
	/** Forwards to the `image()` of the entry being parsed: its own result, or its own issues. */
	const image = z.unknown().transform((value, payload) => {
		const entryImage = images.getStore();
		if (!entryImage) throw new Error('builtOnce: a schema built once was parsed outside its entry’s call');
		const settle = (result: z.ZodSafeParseResult<unknown>) => {
			if (result.success) return result.data;
			payload.issues.push(...(result.error.issues as z.core.$ZodRawIssue[]));
			return z.NEVER;
		};
		const schema = entryImage() as z.ZodType;
		try {
			return settle(schema.safeParse(value));
		} catch (error) {
			// An image() that resolves the file asynchronously (Astro's Vite-plugin variant) is awaited.
			if (error instanceof z.core.$ZodAsyncError) return schema.safeParseAsync(value).then(settle);
			throw error;
		}
	}) as unknown as ImageSchema;
	let schema: Schema | undefined;
	return (context) => {
		if (!transforms(context.image() as unknown as z.ZodType)) return build(context);
		schema ??= build({ image: () => image });
		const built = schema;
		return new Proxy(built, {
			get(target, key, receiver) {
				const value: unknown = Reflect.get(target, key, receiver);
				if (!PARSERS.has(key) || typeof value !== 'function') return value;
				return (...args: unknown[]) => images.run(context.image, () => value.apply(receiver, args));
			},
		});
	};
}
