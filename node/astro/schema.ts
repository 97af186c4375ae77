/**
 * The Zod schema of an Astro entry's `data`, mirroring `ArticleData` field
 * by field (a test builds the example site and compares the data with
 * `parsePost`'s output, so the two cannot drift apart silently).
 */
import type {Article} from 'article-kit'

/**
 * What an entry's `data` holds: the Article without `layout` and without
 * the `source` of its items. Both exist only so `renderPost` can write the
 * post back byte for byte; a site renders `rendered.html` instead.
 */
export type ArticleData = Omit<Article, 'layout'>

/** A Zod schema, as far as building one goes. */
export interface ZodSchema {
  optional(): ZodSchema
  nullable(): ZodSchema
}

/** The Zod 4 functions the schema uses: `astro/zod` provides them (and so does `zod`). */
export interface Zod {
  string(): ZodSchema
  number(): ZodSchema
  boolean(): ZodSchema
  json(): ZodSchema
  literal(value: string): ZodSchema
  enum(values: readonly string[]): ZodSchema
  array(item: ZodSchema): ZodSchema
  tuple(items: ZodSchema[]): ZodSchema
  record(key: ZodSchema, value: ZodSchema): ZodSchema
  object(shape: Record<string, ZodSchema>): ZodSchema
  discriminatedUnion(key: string, options: ZodSchema[]): ZodSchema
  lazy(getter: () => ZodSchema): ZodSchema
}

/**
 * Build the schema of `ArticleData` with the given Zod.
 *
 * @param z - Zod 4 (`import {z} from 'astro/zod'`).
 * @returns The schema; unknown keys are stripped, as Zod does by default.
 * @example
 * // not run: needs Zod, which only Astro projects have here
 * import {z} from 'astro/zod'
 *
 * buildArticleSchema(z).parse(toArticleData(parsePost('---\ntitle: Hi\n---\n'))).meta.title
 * //=> 'Hi'
 */
export function buildArticleSchema(z: Zod): ZodSchema {
  const text = z.string()
  const maybeText = z.string().nullable()
  const point = z.object({line: z.number(), column: z.number(), offset: z.number()})
  const position = z.object({start: point, end: point})
  const common = {text, attributes: z.record(z.string(), z.string()).optional(), position: position.optional()}
  const image = {
    src: text,
    alt: text,
    title: text.optional(),
    width: text.optional(),
    height: text.optional(),
    srcset: text.optional(),
    href: text.optional()
  }
  const cell = z.object({text, html: text, header: z.boolean(), colspan: z.number().optional(), rowspan: z.number().optional()})
  const rows = z.array(z.array(cell))
  const block = z.discriminatedUnion('type', [
    z.object({...common, type: z.literal('paragraph'), html: text, implicit: z.boolean().optional()}),
    z.object({...common, type: z.literal('spacer'), html: text}),
    z.object({...common, ...image, type: z.literal('image'), markdown: z.boolean().optional()}),
    z.object({...common, type: z.literal('figure'), kind: text, image: z.object(image).nullable(), caption: text}),
    z.object({...common, type: z.literal('link-card'), url: text, title: text, description: text, image: text}),
    z.object({...common, type: z.literal('list'), ordered: z.boolean(), items: z.array(z.object({text, html: text}))}),
    z.object({...common, type: z.literal('quote'), html: text}),
    z.object({...common, type: z.literal('code'), language: maybeText, code: text}),
    z.object({...common, type: z.literal('table'), rows}),
    z.object({...common, type: z.literal('rule'), style: maybeText}),
    z.object({...common, type: z.literal('embed'), src: text, host: text, title: maybeText}),
    z.object({...common, type: z.literal('html'), html: text})
  ])
  const blocks = z.array(block)
  const section: ZodSchema = z.object({
    heading: text,
    id: text,
    depth: z.number(),
    attributes: z.record(z.string(), z.string()).optional(),
    blocks,
    children: z.array(z.lazy(() => section)),
    position: position.optional()
  })
  return z.object({
    meta: z.object({
      title: maybeText,
      categories: z.array(text),
      tags: z.array(text),
      excerpt: maybeText,
      featureText: maybeText,
      image: maybeText,
      date: maybeText,
      dateIso: maybeText,
      author: maybeText,
      permalink: maybeText,
      layout: maybeText,
      extra: z.array(z.tuple([text, z.json()]))
    }),
    titleSource: z.enum(['front-matter', 'heading']).nullable(),
    titleHeading: z
      .object({text, id: text, attributes: z.record(z.string(), z.string()).optional(), position: position.optional()})
      .nullable(),
    hero: z
      .object({...image, caption: text.optional(), markdown: z.boolean().optional(), position: position.optional()})
      .nullable(),
    lead: blocks,
    sections: z.array(section),
    summary: z
      .object({title: maybeText, items: z.array(z.object({text, sectionId: maybeText})), rows, position: position.optional()})
      .nullable(),
    text,
    stats: z.object({characters: z.number(), charactersWithoutSpaces: z.number(), words: z.number(), readingMinutes: z.number()}),
    messages: z.array(
      z.object({
        reason: text,
        line: z.number(),
        column: z.number(),
        place: position,
        ruleId: text,
        source: z.literal('article-kit'),
        fatal: z.boolean().optional(),
        note: text.optional(),
        url: text.optional(),
        count: z.number().optional(),
        repeats: z.array(z.object({reason: text, place: position})).optional()
      })
    )
  })
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
