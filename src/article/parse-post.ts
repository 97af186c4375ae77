import type {Article, Message, Position} from '../types.ts'
import {renderPost} from '../render/post.ts'
import {LineIndex} from '../diagnostics/line-index.ts'
import {createMessage} from '../diagnostics/message.ts'
import {ArticleError} from '../diagnostics/error.ts'
import {parseFrontMatterWith} from '../front-matter/parse.ts'
import {dominantLineEnding} from '../post/split.ts'
import {parseBody} from '../body/parse.ts'
import {defaultEmbedHosts, defaultSchema, type Schema} from '../body/schema.ts'
import {sanitizeTree} from '../body/sanitize.ts'
import type {StyleResult} from '../body/style.ts'
import {flatten} from '../body/flatten.ts'
import {documentTagsWithAttributes} from '../body/tag-scanner.ts'
import type {Context} from '../body/hast.ts'
import {buildBody} from './build.ts'
import {dirtyChecker} from './pieces.ts'
import {computeStats} from './stats.ts'
import {contentMessages} from './checks.ts'

/** Options of `parsePost` and `checkPost`. */
export interface ParseOptions {
  /** Throw an `ArticleError` at the first fatal problem instead of collecting it (default: `false`). */
  strict?: boolean | null | undefined
  /** Sanitisation schema, in hast-util-sanitize's format (default: `defaultSchema`). */
  schema?: Schema | null | undefined
  /** Extra hosts whose iframes are kept, added to `defaultEmbedHosts` (default: none). */
  allowEmbedHosts?: readonly string[] | null | undefined
}

const emptyOptions: Readonly<ParseOptions> = Object.freeze({})

/**
 * Parse a raw post (YAML front matter + HTML body) into an Article.
 *
 * Lenient by default: bad input gives the best Article possible, with the
 * problems in `article.messages`, positioned in the raw post. The body is
 * sanitised (see `defaultSchema`), and every change is reported.
 *
 * @param raw - The whole post, as read from disk.
 * @param options - Configuration (optional).
 * @returns The Article: plain, JSON-serialisable data.
 * @throws {TypeError} When `raw` is not a string.
 * @throws {ArticleError} Only with `strict: true`, at the first fatal problem.
 * @example
 * const article = parsePost('---\ntitle: Hi\n---\n<h2>One</h2><p>a</p>')
 * article.sections[0].heading
 * //=> 'One'
 */
export function parsePost(raw: string, options?: Readonly<ParseOptions> | null): Article {
  assertString(raw)
  const settings = options ?? emptyOptions
  const first = parseOnce(raw, settings)
  if (first.verbatim) return first.article
  return readRewrite(raw, first, settings)
}

/** One parse, and whether its body is kept exactly as written (nothing sanitised or rewritten). */
interface Parsed {
  article: Article
  verbatim: boolean
  /** Where the body starts in the text parsed. */
  bodyStart: number
}

/** How often a rewrite is read back at most: one round settles real posts; fuzzing needs a second now and then. */
const maxRounds = 3

/**
 * A post whose body had to be rewritten (sanitised, or markup that cannot
 * be kept as written): its Article is the Article of the rewrite, so that
 * what `renderPost` writes parses back to the same Article (the round
 * trip's fixpoint), however the damaged source was read the first time.
 * Messages stay those of the first reading, and positions are mapped back
 * to the raw post.
 */
function readRewrite(raw: string, first: Parsed, settings: Readonly<ParseOptions>): Article {
  const renderOptions = {schema: settings.schema, allowEmbedHosts: settings.allowEmbedHosts}
  const lenient = {...settings, strict: false}
  const rounds: Array<{parsed: Parsed; source: string; rendered: string}> = []
  let parsed = first
  let source = raw
  for (let round = 0; round < maxRounds; round++) {
    const rendered = renderPost(parsed.article, renderOptions)
    rounds.push({parsed, source, rendered})
    const next = parseOnce(rendered, lenient)
    parsed = next
    source = rendered
    if (next.verbatim) break
  }
  const article = parsed.article
  // Offsets in the last rewrite, mapped back round by round to the raw post.
  const maps = rounds.map(({parsed, source, rendered}) => offsetMap(parsed, source, rendered)).reverse()
  const lines = new LineIndex(raw)
  const place = (position: Position | undefined): Position | undefined => {
    if (!position) return undefined
    let start = position.start.offset
    let end = position.end.offset
    for (const map of maps) {
      start = map(start, false)
      end = Math.max(start, map(end, true))
    }
    return {start: lines.point(start), end: lines.point(end)}
  }
  for (const entry of sourced(article)) {
    const position = place(entry.position)
    if (position) entry.position = position
  }
  article.messages = first.article.messages
  return article
}

/** Everything in an Article that carries a position. */
function sourced(article: Article): Array<{position?: Position | undefined}> {
  const entries: Array<{position?: Position | undefined}> = [...article.lead]
  if (article.hero) entries.push(article.hero)
  if (article.summary) entries.push(article.summary)
  const sections = [...article.sections]
  while (sections.length > 0) {
    const section = sections.pop()!
    entries.push(section, ...section.blocks)
    sections.push(...section.children)
  }
  return entries
}

/**
 * Map offsets in `rendered` (what `renderPost` wrote for `parsed`) to
 * offsets in `source` (what `parsed` was read from). The body is written as
 * gap, item, gap, item, …, gap; an item written as it was read maps offset
 * for offset, a rewritten one to its edges, a gap from its start.
 */
function offsetMap(parsed: Parsed, source: string, rendered: string): (offset: number, isEnd: boolean) => number {
  const {article} = parsed
  const gaps = article.layout?.gaps ?? []
  const items = sourced(article)
    .map((entry) => entry as {position?: Position; source?: {index: number; html: string}})
    .filter((entry) => entry.position && entry.source)
    .sort((a, b) => a.source!.index - b.source!.index)
  let length = 0
  for (const gap of gaps) length += gap.length
  for (const item of items) length += item.source!.html.length
  const bodyStart = rendered.length - length
  const written: Array<{start: number; end: number; from: number; to: number; same: boolean}> = []
  let cursor = bodyStart
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    cursor += (gaps[index] ?? '').length
    const html = item.source!.html
    const from = item.position!.start.offset
    const to = item.position!.end.offset
    written.push({start: cursor, end: cursor + html.length, from, to, same: source.slice(from, to) === html})
    cursor += html.length
  }
  return (offset, isEnd) => {
    if (offset < bodyStart) return Math.min(offset, parsed.bodyStart)
    // The last item written at or before the offset.
    let low = 0
    let high = written.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (written[middle]!.start <= offset) low = middle + 1
      else high = middle
    }
    const at = written[low - 1]
    const next = written[low]
    if (!at) return Math.min(parsed.bodyStart + (offset - bodyStart), next ? next.from : source.length)
    if (offset <= at.end) return at.same ? at.from + (offset - at.start) : isEnd ? at.to : at.from
    return Math.min(at.to + (offset - at.end), next ? next.from : source.length)
  }
}

/** Read a post once. */
function parseOnce(raw: string, settings: Readonly<ParseOptions>): Parsed {
  const lines = new LineIndex(raw)
  const front = parseFrontMatterWith(raw, lines)
  const messages: Message[] = front.messages
  if (settings.strict) throwIfFatal(messages, front.cause)

  const bodyStart = front.bodyStart
  const body = raw.slice(bodyStart)
  const {tree, flattened} = parseBody(body)
  for (const offset of flattened) {
    messages.push(createMessage(lines, 'nesting-too-deep', 'Expected elements to nest at most 512 deep; deeper content was moved up', bodyStart + offset))
  }

  const schema = settings.schema ?? defaultSchema
  const embedHosts = settings.allowEmbedHosts ? [...defaultEmbedHosts, ...settings.allowEmbedHosts] : defaultEmbedHosts
  // A style cache for this parse only: posts repeat a few styles many times.
  const sanitize = {schema, embedHosts, styles: new Map<string, StyleResult>()}
  const {changes, imagesWithoutAlt} = sanitizeTree(tree, {...sanitize, source: body})
  for (const tag of documentTagsWithAttributes(body)) {
    changes.push({ruleId: 'sanitized-attribute', reason: `Removed the attributes of \`<${tag.name}>\`: browsers would copy them onto the page`, start: tag.start, end: tag.end})
  }
  changes.sort((a, b) => a.start - b.start)
  for (const change of changes) {
    if (change.reason) messages.push(createMessage(lines, change.ruleId, change.reason, bodyStart + change.start, bodyStart + change.end))
  }

  const context: Context = {body, isDirty: dirtyChecker(changes)}
  const flat = flatten(tree, body)
  const state = {context, lines, bodyStart, messages, sanitize, sanitized: changes.length > 0}
  const parts = buildBody(state, flat)
  const text = parts.texts.join('\n\n')
  const article: Article = {
    meta: front.meta,
    hero: parts.hero,
    lead: parts.lead,
    sections: parts.sections,
    summary: parts.summary,
    text,
    stats: computeStats(text),
    messages,
    layout: {
      bom: raw.charCodeAt(0) === 0xfe_ff,
      eol: dominantLineEnding(raw),
      frontMatter: front.block ? raw.slice(front.block.start, front.block.end) : null,
      gaps: parts.gaps
    }
  }
  contentMessages(state, article, flat.items.length, imagesWithoutAlt)
  messages.sort((a, b) => a.place.start.offset - b.place.start.offset)
  if (settings.strict) throwIfFatal(messages, front.cause)
  return {article, verbatim: parts.verbatim, bodyStart}
}

/**
 * Check a raw post: only the messages, for editors and content CI.
 *
 * @param raw - The whole post.
 * @param options - As for `parsePost` (`strict` is ignored).
 * @returns The messages, in order of position.
 * @throws {TypeError} When `raw` is not a string.
 * @example
 * checkPost('<p>no front matter</p>').map((message) => message.ruleId)
 * //=> ['front-matter-missing']
 */
export function checkPost(raw: string, options?: Readonly<ParseOptions> | null): Message[] {
  assertString(raw)
  // The messages of the first reading are all there is: no need to read a rewrite.
  return parseOnce(raw, {...options, strict: false}).article.messages
}

function assertString(raw: unknown): asserts raw is string {
  if (typeof raw !== 'string') {
    throw new TypeError(`Expected \`raw\` to be a string, not ${raw === null ? 'null' : typeof raw}`)
  }
}

function throwIfFatal(messages: Message[], cause: unknown): void {
  const fatal = messages.find((message) => message.fatal === true)
  if (fatal) throw new ArticleError(fatal, messages, cause)
}
