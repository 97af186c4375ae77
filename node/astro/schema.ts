/**
 * The Zod schema of an Astro entry's `data`, made from `schema.json` (the
 * JSON Schema that `npm run schema` generates from the types) by Zod's own
 * `fromJSONSchema`, so the two cannot drift apart. Zod calls that function
 * experimental: test/schema.test.ts and test/astro/schema.test.ts hold its
 * verdicts to schema.json's on the corpus and on invalid shapes, and the
 * Astro test builds the example with Astro 7 and 6.0.0 (Zod 4.3.6 or later).
 */
import type {Article} from 'article-kit'
import articleJsonSchema from '../../schema.json' with {type: 'json'}

/**
 * What an entry's `data` holds: the Article without `layout` and without
 * the `source` of its items. Both exist only so `renderPost` can write the
 * post back byte for byte; a site renders `rendered.html` instead.
 */
export type ArticleData = Omit<Article, 'layout'>

/** A Zod schema, as far as the loader uses one (Astro calls the rest). */
export interface ZodSchema {
  parse(data: unknown): unknown
  safeParse(data: unknown): {success: boolean}
}

/** The Zod 4 function the schema is made with: `astro/zod` provides it (and so does `zod`, 4.2 or later). */
export interface Zod {
  // `any`: Zod types it as its own `JSONSchema`, which article-kit cannot name without depending on Zod.
  fromJSONSchema(schema: any): ZodSchema
}

/** A JSON Schema object, as far as `articleDataJsonSchema` reads one. */
interface JsonSchema {
  properties?: Record<string, {$ref?: string}>
  required?: string[]
  [key: string]: unknown
}

const sourceReference = '#/definitions/Source'

/**
 * The JSON Schema of `ArticleData`: `schema.json` without the Article's
 * `layout` and without every property that is an item's `Source`.
 *
 * @returns A new object each call (draft-07, definitions as in `schema.json`).
 * @example
 * const schema = articleDataJsonSchema()
 * 'layout' in schema.definitions.Article.properties
 * //=> false
 */
export function articleDataJsonSchema(): {$schema: string; $ref: string; definitions: Record<string, JsonSchema>} {
  const definitions = structuredClone(articleJsonSchema.definitions) as Record<string, JsonSchema>
  for (const definition of Object.values(definitions)) {
    for (const [key, value] of Object.entries(definition.properties ?? {})) {
      if (value.$ref === sourceReference) omit(definition, key)
    }
  }
  omit(definitions.Article!, 'layout')
  delete definitions.Source
  return {$schema: articleJsonSchema.$schema, $ref: articleJsonSchema.$ref, definitions}
}

/**
 * Build the schema of `ArticleData` with the given Zod, from
 * `articleDataJsonSchema()`: objects are strict (an unknown key is an
 * error, as `additionalProperties: false` says in `schema.json`).
 *
 * @param z - Zod 4.2 or later (`import {z} from 'astro/zod'` in an Astro project).
 * @returns The schema.
 * @example
 * import {z} from 'zod' // in an Astro project: 'astro/zod'
 *
 * buildArticleSchema(z).parse(toArticleData(parsePost('---\ntitle: Hi\n---\n'))).meta.title
 * //=> 'Hi'
 */
export function buildArticleSchema(z: Zod): ZodSchema {
  return z.fromJSONSchema(articleDataJsonSchema())
}

function omit(definition: JsonSchema, key: string): void {
  delete definition.properties?.[key]
  if (definition.required) definition.required = definition.required.filter((name) => name !== key)
}

/**
 * Turn an Article into entry data: drop `layout` and every item's `source`
 * (see `ArticleData`). Builds new objects; the Article is not changed.
 *
 * @param article - A parsed Article.
 * @returns The data to store.
 * @example
 * const data = toArticleData(parsePost('---\ntitle: Hi\n---\n<h2>One</h2>\n<p>a</p>\n'))
 * 'layout' in data
 * //=> false
 * data.sections[0].blocks[0]
 * //=> {type: 'paragraph', text: 'a', html: 'a', position: {start: {line: 5, column: 1, offset: 31}, end: {line: 5, column: 9, offset: 39}}}
 */
export function toArticleData(article: Article): ArticleData {
  return {
    meta: article.meta,
    titleSource: article.titleSource,
    titleHeading: article.titleHeading ? withoutSource(article.titleHeading) : null,
    hero: article.hero ? withoutSource(article.hero) : null,
    lead: article.lead.map(withoutSource),
    sections: article.sections.map(sectionData),
    summary: article.summary ? withoutSource(article.summary) : null,
    text: article.text,
    stats: article.stats,
    messages: article.messages
  }
}

function sectionData(section: Article['sections'][number]): Article['sections'][number] {
  const data = withoutSource(section)
  return {...data, blocks: section.blocks.map(withoutSource), children: section.children.map(sectionData)}
}

function withoutSource<T extends {source?: unknown}>(item: T): T {
  const copy = {...item}
  delete copy.source
  return copy
}
