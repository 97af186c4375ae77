/// <reference types="node" />
/**
 * Astro integration: a content-layer loader for a folder of raw posts.
 *
 * The only module of article-kit that uses Node built-ins: a loader has to
 * list and read files (`node:fs/promises`) and turn Astro's `file:` URLs and
 * the dev watcher's paths into each other (`node:url`). Nothing else here
 * touches the file system.
 */
import {readdir, readFile} from 'node:fs/promises'
import {fileURLToPath} from 'node:url'
import {parsePost, renderHtml, type Message, type Rules, type Schema, type Section} from 'article-kit'
import {buildArticleSchema, toArticleData, type ArticleData, type Zod} from './schema.ts'

export {articleDataJsonSchema, buildArticleSchema, toArticleData, type ArticleData, type Zod, type ZodSchema} from './schema.ts'

/** Options of `articleLoader`. */
export interface LoaderOptions {
  /** Glob(s) of the posts, relative to `base`: `*`, `**`, `?` and `{a,b}` (default: `'**\/*.{html,md,txt}'`). */
  pattern?: string | readonly string[] | null | undefined
  /** Folder of the posts, relative to the project root (default: the root). */
  base?: string | URL | null | undefined
  /** Entry id from the path relative to `base` (default: the path without its extension, `news/a.html` → `news/a`). */
  generateId?: ((entry: string) => string) | null | undefined
  /** Sanitisation schema, used to parse and to render (default: `defaultSchema`). */
  schema?: Schema | null | undefined
  /** Extra hosts whose iframes are kept, added to `defaultEmbedHosts` (default: none). */
  allowEmbedHosts?: readonly string[] | null | undefined
  /** Whether a post must open with front matter: with `'optional'`, none gives no `front-matter-missing` message (default: `'required'`). */
  frontMatter?: 'required' | 'optional' | null | undefined
  /** The severity of rules, as `parsePost`'s `rules` (`{'sanitized-style': 'off', 'image-alt-missing': 'error'}`): an error is logged and fails the load, a warning is logged, `'off'` is not reported (default: none changed). */
  rules?: Rules | null | undefined
}

/** What the loader stores per post (Astro's `DataEntry`). */
export interface ArticleEntry {
  id: string
  data: ArticleData
  filePath: string
  digest: string
  rendered: {html: string; metadata: {headings: Array<{depth: number; slug: string; text: string}>}}
}

/** The parts of Astro's `LoaderContext` the loader uses (Astro is an optional peer, so its types are not imported). */
export interface LoaderContext {
  config: {root: URL}
  logger: {info(message: string): void; warn(message: string): void; error(message: string): void}
  store: {set(entry: ArticleEntry): boolean; keys(): string[]; delete(key: string): void}
  parseData(props: {id: string; data: ArticleData; filePath?: string}): Promise<ArticleData>
  generateDigest(data: string): string
  watcher?: {add(paths: string): unknown; on(event: 'add' | 'change' | 'unlink', listener: (path: string) => void): unknown} | undefined
}

/** An Astro content-layer loader object. */
export interface ArticleLoader {
  name: string
  load(context: LoaderContext): Promise<void>
  createSchema(): Promise<SchemaResult>
}

/** What Astro's `createSchema()` returns: the Zod schema, and the entry type as TypeScript for `astro:content`. */
export interface SchemaResult {
  // `any`: Astro checks it against its own Zod's `$ZodType`, which article-kit cannot name without depending on Astro.
  schema: any
  types: string
}

const emptyOptions: Readonly<LoaderOptions> = Object.freeze({})
const defaultPattern = '**/*.{html,md,txt}'
// A variable, so TypeScript and bundlers leave it to Astro's resolver: `astro/zod` exists only in Astro projects.
const zodModule = 'astro/zod'

/**
 * Astro content-layer loader: every raw post in a folder becomes an entry.
 *
 * Each file matching `pattern` under `base` is read and parsed with
 * `parsePost`; its id comes from the file name; `data` is the Article
 * without `layout` and items' `source` (see `ArticleData`), validated by the
 * schema from `articleSchema`; `rendered.html` is `renderHtml`'s output, so
 * `render(entry)` gives a `<Content />` component, with the sections as
 * `headings`. Warnings are logged per post as `file:line:column: reason
 * [rule-id]`; informational messages stay in `data.messages`. A post with a
 * fatal message is logged as an error and not stored, and the load fails
 * after all posts were read, naming each. Every load parses every post
 * (it is fast), so warnings show on every build; unchanged posts keep their
 * digest. In dev, the folder is watched and a changed post reloads alone.
 *
 * @param options - Where the posts are, and how to parse them.
 * @returns The loader, for `defineCollection({loader})`.
 * @example
 * // not run: an Astro content config (`astro:content` exists only in Astro)
 * // src/content.config.ts
 * import {defineCollection} from 'astro:content'
 * import {articleLoader} from 'article-kit/astro'
 * export const collections = {
 *   posts: defineCollection({loader: articleLoader({base: './posts'})})
 * }
 */
export function articleLoader(options?: Readonly<LoaderOptions> | null): ArticleLoader {
  const settings = options || emptyOptions
  const patterns = typeof settings.pattern === 'string' ? [settings.pattern] : settings.pattern ?? [defaultPattern]
  const matches = globMatcher(patterns)
  const generateId = settings.generateId ?? ((entry: string) => entry.replace(/\.[^./]*$/, ''))

  return {
    name: 'article-kit',
    createSchema: articleSchema,
    async load(context) {
      const {config, logger, store, watcher} = context
      const base = new URL(settings.base ?? '.', config.root)
      if (!base.pathname.endsWith('/')) base.pathname += '/'
      const basePath = fileURLToPath(base)
      const rootPath = fileURLToPath(config.root)
      const where = (entry: string) => relativePath(rootPath, basePath + entry)
      const folder = where('').replace(/\/$/, '') || '.'

      /** Parse and store one post; the fatal problem's text when it cannot be stored. */
      async function sync(entry: string): Promise<string | undefined> {
        const filePath = where(entry)
        const raw = await readFile(new URL(entry.split('/').map(encodeURIComponent).join('/'), base), 'utf8')
        const article = parsePost(raw, settings)
        let fatal: string | undefined
        for (const message of article.messages) {
          const text = describe(filePath, message)
          if (message.fatal === true) {
            logger.error(text)
            fatal ??= text + (message.note ? '\n  ' + message.note : '')
          } else if (message.fatal === false) logger.warn(text)
        }
        if (fatal) return fatal
        const id = generateId(entry)
        const data = await context.parseData({id, data: toArticleData(article), filePath})
        // Every heading the HTML holds, as Astro lists a Markdown page's: the title heading is its `<h1>`.
        const title = article.titleHeading ? [{depth: 1, slug: article.titleHeading.id, text: article.titleHeading.text}] : []
        const headings = [...title, ...flatten(article.sections).map((section) => ({depth: section.depth, slug: section.id, text: section.heading}))]
        store.set({id, data, filePath, digest: context.generateDigest(raw), rendered: {html: renderHtml(article, settings), metadata: {headings}}})
        return undefined
      }

      let entries: string[]
      try {
        entries = (await readdir(base, {recursive: true})).map((entry) => entry.replaceAll('\\', '/')).filter(matches).sort()
      } catch {
        logger.warn(`The folder ${folder} does not exist`)
        return
      }
      if (entries.length === 0) logger.warn(`No posts match ${patterns.join(', ')} in ${folder}`)

      const seen = new Map<string, string>()
      const failures: string[] = []
      for (const entry of entries) {
        const id = generateId(entry)
        const other = seen.get(id)
        if (other) logger.warn(`${where(entry)} has the same id (${id}) as ${where(other)}, and replaces it`)
        seen.set(id, entry)
        const fatal = await sync(entry)
        if (fatal) failures.push(fatal)
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id)
      if (failures.length > 0) {
        throw new Error(`article-kit could not load ${failures.length} post(s):\n${failures.join('\n')}`)
      }

      if (!watcher) return
      watcher.add(basePath)
      const entryOf = (path: string) => {
        const entry = path.startsWith(basePath) ? path.slice(basePath.length).replaceAll('\\', '/') : undefined
        return entry && matches(entry) ? entry : undefined
      }
      const reload = async (path: string) => {
        const entry = entryOf(path)
        if (!entry) return
        try {
          if (!(await sync(entry))) logger.info(`Reloaded ${where(entry)}`)
        } catch (error) {
          logger.error(`Could not reload ${where(entry)}: ${String(error)}`)
        }
      }
      watcher.on('change', reload)
      watcher.on('add', reload)
      watcher.on('unlink', (path) => {
        const entry = entryOf(path)
        if (entry) store.delete(generateId(entry))
      })
    }
  }
}

/**
 * The schema of an entry's `data`, as Astro's `createSchema()` wants it: the
 * Zod schema (built with `astro/zod`) and the entry type as TypeScript, so
 * `getCollection` is typed as `ArticleData`.
 *
 * @returns The Zod schema and `export type Entry = …`.
 * @throws {Error} Outside an Astro project, where `astro/zod` cannot be imported.
 * @example
 * // not run: `astro/zod` exists only in an Astro project
 * const {schema, types} = await articleSchema()
 * schema.parse(toArticleData(parsePost('---\ntitle: Hi\n---\n<p>a</p>'))).meta.title
 * //=> 'Hi'
 * types
 * //=> "export type Entry = import('article-kit/astro').ArticleData\n"
 */
export async function articleSchema(): Promise<SchemaResult> {
  const {z} = (await import(/* @vite-ignore */ zodModule)) as {z: Zod}
  return {schema: buildArticleSchema(z), types: "export type Entry = import('article-kit/astro').ArticleData\n"}
}

/** `file:line:column: reason [rule-id]`, as editors and terminals link it. */
function describe(filePath: string, message: Message): string {
  return `${filePath}:${message.line}:${message.column}: ${message.reason} [${message.ruleId}]`
}

/** `path` relative to `root`, with `/`; absolute when outside it. */
function relativePath(root: string, path: string): string {
  const from = root.endsWith('/') || root.endsWith('\\') ? root : root + '/'
  return (path.startsWith(from) ? path.slice(from.length) : path).replaceAll('\\', '/')
}

/** Every section, depth first, in document order. */
function flatten(sections: Section[]): Section[] {
  return sections.flatMap((section) => [section, ...flatten(section.children)])
}

/**
 * A matcher for simple globs over `/`-separated paths: `**` (any folders),
 * `*` and `?` (within a name), `{a,b}`. Names starting with `.` never match,
 * as in most glob libraries.
 */
function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  const expressions = patterns.map((pattern) => {
    let source = ''
    let braces = 0
    for (let index = 0; index < pattern.length; index++) {
      const character = pattern[index]!
      if (pattern.startsWith('**/', index)) {
        source += '(?:[^/.][^/]*/)*'
        index += 2
      } else if (pattern.startsWith('**', index)) {
        source += '.*'
        index += 1
      } else if (character === '*') source += '[^/]*'
      else if (character === '?') source += '[^/]'
      else if (character === '{') {
        source += '(?:'
        braces++
      } else if (character === '}' && braces > 0) {
        source += ')'
        braces--
      } else if (character === ',' && braces > 0) source += '|'
      else source += character.replace(/[\\^$.|+()[\]{}]/g, '\\$&')
    }
    return new RegExp('^' + source + '$')
  })
  return (path) => !/(?:^|\/)\./.test(path) && expressions.some((expression) => expression.test(path))
}
