/**
 * What the benchmark times on each post: the floor, article-kit's entry
 * points and the stages of `parsePost`, hast-util-to-html, and the peers.
 */
import type {Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {toText} from 'hast-util-to-text'
import rehypeParse from 'rehype-parse'
import rehypeSanitize from 'rehype-sanitize'
import {unified} from 'unified'
import {parse as parseYaml, parseDocument} from 'yaml'
import {defaultEmbedHosts, defaultSchema, parseFrontMatter, parsePost, renderHtml, renderPost, type Article} from '../src/index.ts'
import type {Post} from './inputs.ts'
import type {Task} from './measure.ts'
import {parseCheerio} from './peers/cheerio.ts'
import {parseHandwritten} from './peers/handwritten.ts'
import {parseReadability} from './peers/readability.ts'

/** Task names, in table order. */
export const names = {
  floor: 'floor: rehype-parse + yaml.parse',
  card: 'card: rehype-parse + rehype-sanitize + to-text + yaml.parseDocument',
  floorParse: '  floor part: rehype-parse',
  floorYaml: '  floor part: yaml.parse',
  parsePost: 'parsePost',
  stageFrontMatter: '  stage 1: split + front matter',
  stageParse: '  stage 2: rehype-parse',
  stageSanitize: '  stage 3: sanitize',
  stageBuild: '  stage 4: flatten + blocks + article (rest)',
  stageFlatten: '    of which flatten',
  renderPost: 'renderPost (unmodified)',
  renderHtml: 'renderHtml (unmodified)',
  renderHtmlCopy: 'renderHtml (unmodified, JSON copy)',
  renderHtmlHandBuilt: 'renderHtml (hand-built)',
  toHtml: 'hast-util-to-html (sanitised tree)',
  handwritten: 'peer: gray-matter + rehype-sanitize + walk',
  cheerio: 'peer: gray-matter + cheerio selectors',
  readability: 'peer: jsdom + @mozilla/readability'
} as const

export type TaskKey = keyof typeof names

/** The internal modules the stage rows call; missing when src/ moved them (the rows are then skipped). */
export interface Internals {
  LineIndex: typeof import('../src/diagnostics/line-index.ts').LineIndex
  parseFrontMatterWith: typeof import('../src/front-matter/parse.ts').parseFrontMatterWith
  parseBody: typeof import('../src/body/parse.ts').parseBody
  sanitizeTree: typeof import('../src/body/sanitize.ts').sanitizeTree
  flatten: typeof import('../src/body/flatten.ts').flatten
}

/** Import the internals, or say why they cannot be used. */
export async function loadInternals(): Promise<Internals | string> {
  try {
    const [lineIndex, frontMatter, parse, sanitize, flatten] = await Promise.all([
      import('../src/diagnostics/line-index.ts'),
      import('../src/front-matter/parse.ts'),
      import('../src/body/parse.ts'),
      import('../src/body/sanitize.ts'),
      import('../src/body/flatten.ts')
    ])
    const internals: Internals = {
      LineIndex: lineIndex.LineIndex,
      parseFrontMatterWith: frontMatter.parseFrontMatterWith,
      parseBody: parse.parseBody,
      sanitizeTree: sanitize.sanitizeTree,
      flatten: flatten.flatten
    }
    for (const [key, value] of Object.entries(internals)) {
      if (typeof value !== 'function') return `src/ no longer exports \`${key}\` where the benchmark looks for it`
    }
    return internals
  } catch (error) {
    return `could not import the stages from src/: ${String(error)}`
  }
}

const floorProcessor = unified().use(rehypeParse, {fragment: true}).freeze()
const sanitizeSettings = {schema: defaultSchema, embedHosts: defaultEmbedHosts}

/** The pieces of a post every task needs, computed once, untimed. */
export interface Prepared {
  post: Post
  body: string
  /** The YAML between the fences, or null when the post has none. */
  yaml: string | null
  article: Article
  /** The Article through JSON: unmodified, but with nothing to say parsePost checked it (as in a content cache). */
  copy: Article
  handBuilt: Article
  /** The body parsed and sanitised as `parsePost` does it (for hast-util-to-html). */
  sanitized: Root
}

export function prepare(post: Post): Prepared {
  const raw = post.raw
  const front = parseFrontMatter(raw)
  const body = raw.slice(front.bodyStart)
  const yaml = front.block ? raw.slice(front.block.contentStart, front.block.contentEnd) : null
  const article = parsePost(raw)
  const handBuilt = handBuild(article)
  return {post, body, yaml, article, copy: JSON.parse(JSON.stringify(article)) as Article, handBuilt, sanitized: sanitizedTree(body)}
}

/** The sanitised tree, through the public pipeline (rehype-parse would differ: parsePost caps depth and keeps its own positions). */
const fallbackProcessor = unified().use(rehypeParse, {fragment: true}).use(rehypeSanitize).freeze()
let sanitizedTree: (body: string) => Root = (body) => fallbackProcessor.runSync(fallbackProcessor.parse(body)) as Root

/**
 * The floor: unified + rehype-parse on the body, and `yaml.parse` on the
 * front matter. Parsing cannot be avoided; everything above this is ours.
 */
export function floor(prepared: Pick<Prepared, 'body' | 'yaml'>): unknown {
  const tree = floorProcessor.parse(prepared.body)
  return prepared.yaml === null ? tree : [tree, parseYamlSafely(prepared.yaml)]
}

const cardProcessor = unified().use(rehypeParse, {fragment: true}).use(rehypeSanitize).freeze()

/**
 * The card pipeline: what a user writes with the design card's packages for
 * the same post (rehype-parse + rehype-sanitize on the body, its text with
 * hast-util-to-text, the front matter with `yaml.parseDocument`).
 */
export function cardPipeline(prepared: Pick<Prepared, 'body' | 'yaml'>): unknown {
  const tree = cardProcessor.runSync(cardProcessor.parse(prepared.body)) as Root
  const text = toText(tree)
  return prepared.yaml === null ? text : [text, parseDocument(prepared.yaml).toJS()]
}

/** `yaml.parse`, whose exceptions (duplicate keys, bad YAML: some archive posts have them) are results here. */
function parseYamlSafely(value: string): unknown {
  try {
    return parseYaml(value)
  } catch (error) {
    return error
  }
}

/** A parsed Article with every `source` and `layout.gaps` removed: everything is rendered from fields. */
export function handBuild(article: Article): Article {
  const copy = structuredClone(article)
  const stack: unknown[] = [copy]
  while (stack.length > 0) {
    const value = stack.pop()
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item)
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>
      delete record['source']
      for (const key of Object.keys(record)) stack.push(record[key])
    }
  }
  if (copy.layout) delete (copy.layout as Partial<Article['layout']>).gaps
  return copy
}

/** Which optional tasks to include. */
export interface TaskOptions {
  internals: Internals | undefined
  readability: boolean
  /** Also time the floor's two halves on their own (to compare with stages 1 and 2). */
  floorParts?: boolean
}

/** Every task for one prepared post. */
export function tasksFor(prepared: Prepared, options: TaskOptions): Array<Task & {key: TaskKey}> {
  const {post, body, article, copy, handBuilt, sanitized} = prepared
  const raw = post.raw
  const tasks: Array<Task & {key: TaskKey}> = [
    {key: 'floor', name: names.floor, run: () => floor(prepared)},
    {key: 'card', name: names.card, run: () => cardPipeline(prepared)},
    {key: 'parsePost', name: names.parsePost, run: () => parsePost(raw)}
  ]
  if (options.floorParts) {
    tasks.push({key: 'floorParse', name: names.floorParse, run: () => floorProcessor.parse(body)})
    if (prepared.yaml !== null) tasks.push({key: 'floorYaml', name: names.floorYaml, run: () => parseYamlSafely(prepared.yaml!)})
  }
  const internals = options.internals
  if (internals) {
    tasks.push(
      {key: 'stageFrontMatter', name: names.stageFrontMatter, run: () => internals.parseFrontMatterWith(raw, new internals.LineIndex(raw))},
      {key: 'stageParse', name: names.stageParse, run: () => internals.parseBody(body)},
      {
        key: 'stageSanitize',
        name: names.stageSanitize,
        // The sanitiser works in place, so each call parses a fresh tree: this times parse and sanitise
        // together, in batches, and the report subtracts stage 2. (Timing single calls after an untimed
        // parse charged the scavenge of the fresh tree to the sanitiser: ten times its cost on the sample.)
        run: () => {
          const {tree} = internals.parseBody(body)
          return internals.sanitizeTree(tree, sanitizeSettings)
        }
      },
      {key: 'stageFlatten', name: names.stageFlatten, run: () => internals.flatten(sanitized, body)}
    )
  }
  tasks.push(
    {key: 'renderPost', name: names.renderPost, run: () => renderPost(article)},
    {key: 'renderHtml', name: names.renderHtml, run: () => renderHtml(article)},
    {key: 'renderHtmlCopy', name: names.renderHtmlCopy, run: () => renderHtml(copy)},
    {key: 'renderHtmlHandBuilt', name: names.renderHtmlHandBuilt, run: () => renderHtml(handBuilt)},
    {key: 'toHtml', name: names.toHtml, run: () => toHtml(sanitized)},
    {key: 'handwritten', name: names.handwritten, run: () => parseHandwritten(raw)},
    {key: 'cheerio', name: names.cheerio, run: () => parseCheerio(raw)}
  )
  if (options.readability) tasks.push({key: 'readability', name: names.readability, run: () => parseReadability(raw)})
  return tasks
}

/** Use parsePost's own parse and sanitiser for the hast-util-to-html tree when the internals are there. */
export function useInternals(internals: Internals): void {
  sanitizedTree = (body) => {
    const {tree} = internals.parseBody(body)
    internals.sanitizeTree(tree, sanitizeSettings)
    return tree
  }
}
