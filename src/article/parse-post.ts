import type {Article, Message, Position} from '../types.ts'
import {assemblePost, renderPost} from '../render/post.ts'
import {LineIndex} from '../diagnostics/line-index.ts'
import {createMessage} from '../diagnostics/message.ts'
import {ArticleError} from '../diagnostics/error.ts'
import {groupMessages} from '../diagnostics/group.ts'
import {parseFrontMatterWith, type FrontMatterResult} from '../front-matter/parse.ts'
import type {RuleId} from '../diagnostics/catalogue.ts'
import {dominantLineEnding, splitPost} from '../post/split.ts'
import {parseBody} from '../body/parse.ts'
import {defaultEmbedHosts, schemaWithDefaults, type Schema} from '../body/schema.ts'
import {createCheckMemo, sanitizeTree, type CheckMemo, type SanitizeSettings} from '../body/sanitize.ts'
import {flatten, type Flat} from '../body/flatten.ts'
import {documentTagsWithAttributes} from '../body/tag-scanner.ts'
import type {Context} from '../body/hast.ts'
import {buildBody, rewrittenMarkup} from './build.ts'
import {dirtyChecker, rewriteBody, type Written} from './pieces.ts'
import {computeStats} from './stats.ts'
import {rememberChecked, rememberFrontMatter} from './provenance.ts'
import {itemsOf} from './items.ts'
import {contentMessages, contentRules, imageAltMessages} from './checks.ts'

/** Options of `parsePost` and `checkPost`. */
export interface ParseOptions {
  /** Throw an `ArticleError` at the first fatal problem instead of collecting it (default: `false`). */
  strict?: boolean | null | undefined
  /** Sanitisation schema, in hast-util-sanitize's format, merged over `defaultSchema` one top-level key at a time (default: `defaultSchema`). */
  schema?: Schema | null | undefined
  /** Extra hosts whose iframes are kept, added to `defaultEmbedHosts` (default: none). */
  allowEmbedHosts?: readonly string[] | null | undefined
  /** Give one message per rule (and per thing the sanitiser removed) with a `count` and its `repeats`, instead of one per occurrence (default: `true`). */
  groupMessages?: boolean | null | undefined
}

const emptyOptions: Readonly<ParseOptions> = Object.freeze({})

/**
 * Parse a raw post (YAML front matter + HTML body) into an Article.
 *
 * Lenient by default: bad input gives the best Article possible, with the
 * problems in `article.messages`, positioned in the raw post. The body is
 * sanitised (see `defaultSchema`), and every change is reported: once per
 * rule and thing removed, with a `count` and the other occurrences in
 * `repeats`, unless `groupMessages` is `false`.
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
  if (settings.groupMessages === false) return parseArticle(raw, settings)
  try {
    const article = parseArticle(raw, settings)
    article.messages = groupMessages(article.messages)
    return article
  } catch (error) {
    throw error instanceof ArticleError ? groupedError(error) : error
  }
}

/** `parsePost` with a message per occurrence. */
function parseArticle(raw: string, settings: Readonly<ParseOptions>): Article {
  // What the checks remember, shared by every reading in this call: a rewrite repeats most of the post.
  const memo = createCheckMemo()
  const reading = read(raw, settings, memo)
  // A sanitised body is read again from its rewrite anyway: the rewrite is all this reading must give.
  if (reading.sanitized) return readRewrite(raw, rewriteOf(reading), settings, memo)
  const first = build(reading, settings)
  if (first.verbatim) return first.article
  const rendered = renderPost(first.article, renderOptionsOf(settings))
  return readRewrite(raw, {rendered, map: offsetMap(first, raw, rendered), messages: first.article.messages, contentFromRewrite: false, front: reading.front}, settings, memo)
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

/** What a first reading that needs a rewrite gives: the rewrite, how to map back from it, and the reading's messages. */
interface Rewrite {
  rendered: string
  /** From offsets in `rendered` to offsets in the raw post. */
  map: OffsetMap
  /** The first reading's messages; for a sanitised post, without those about the content (taken from the rewrite's Article). */
  messages: Message[]
  /** Whether messages about the content (`contentRules`) come from the rewrite's Article, mapped back. */
  contentFromRewrite: boolean
  /** The first reading's front matter: the rewrite keeps its block as written when it can. */
  front: FrontMatterResult
}

/** Offsets in a rewrite to offsets in the text it was written from (`isEnd` for the end of a range). */
type OffsetMap = (offset: number, isEnd: boolean) => number

/**
 * A post whose body had to be rewritten (sanitised, or markup that cannot
 * be kept as written): its Article is the Article of the rewrite, so that
 * what `renderPost` writes parses back to the same Article (the round
 * trip's fixpoint), however the damaged source was read the first time.
 * Messages stay those of the first reading, and positions are mapped back
 * to the raw post.
 */
function readRewrite(raw: string, first: Rewrite, settings: Readonly<ParseOptions>, memo: CheckMemo): Article {
  const lenient = {...settings, strict: false}
  const maps: OffsetMap[] = [first.map]
  let source = first.rendered
  let parsed = build(read(source, lenient, memo, {raw, front: first.front}), lenient)
  for (let round = 1; round < maxRounds && !parsed.verbatim; round++) {
    const rendered = renderPost(parsed.article, renderOptionsOf(settings))
    maps.push(offsetMap(parsed, source, rendered))
    parsed = build(read(rendered, lenient, memo), lenient)
    source = rendered
  }
  const article = parsed.article
  // Offsets in the last rewrite, mapped back round by round to the raw post.
  maps.reverse()
  const lines = new LineIndex(raw)
  const place = (position: Position): Position => {
    let start = position.start.offset
    let end = position.end.offset
    for (const map of maps) {
      start = map(start, false)
      end = Math.max(start, map(end, true))
    }
    return {start: lines.point(start), end: lines.point(end)}
  }
  for (const entry of itemsOf(article)) {
    if (entry.position) entry.position = place(entry.position)
  }
  const messages = [...first.messages]
  if (first.contentFromRewrite) {
    for (const message of article.messages) {
      if (!contentRules.has(message.ruleId as RuleId)) continue
      const position = place(message.place)
      messages.push({...message, line: position.start.line, column: position.start.column, place: position})
    }
    messages.sort((a, b) => a.place.start.offset - b.place.start.offset)
  }
  article.messages = messages
  return article
}

function renderOptionsOf(settings: Readonly<ParseOptions>) {
  return {schema: settings.schema, allowEmbedHosts: settings.allowEmbedHosts}
}

/**
 * Map offsets in `rendered` (what `renderPost` wrote for `parsed`) to
 * offsets in `source` (what `parsed` was read from). The body is written as
 * gap, item, gap, item, …, gap.
 */
function offsetMap(parsed: Parsed, source: string, rendered: string): OffsetMap {
  const {article} = parsed
  const gaps = article.layout?.gaps ?? []
  const items = itemsOf(article)
    .map((entry) => entry as {position?: Position; source?: {index: number; html: string}})
    .filter((entry) => entry.position && entry.source)
    .sort((a, b) => a.source!.index - b.source!.index)
  const written: Written[] = []
  let cursor = 0
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    cursor += (gaps[index] ?? '').length
    const html = item.source!.html
    const from = item.position!.start.offset
    const to = item.position!.end.offset
    written.push({start: cursor, end: cursor + html.length, from, to, same: source.slice(from, to) === html})
    cursor += html.length
  }
  const length = cursor + (gaps[items.length] ?? '').length
  // `renderPost` ends with the body.
  return mapBack(written, rendered.length - length, parsed.bodyStart, source.length)
}

/**
 * Map offsets in a rewrite to offsets in what was read: an item written as
 * it was read maps offset for offset, a rewritten one to its edges, a gap
 * from its start.
 *
 * @param written - Each item, in order: where it went (offsets into the body written) and where it came from (offsets into what was read).
 * @param bodyStart - Where the body starts in the rewrite.
 * @param sourceBodyStart - Where the body starts in what was read.
 * @param sourceLength - The length of what was read.
 */
function mapBack(written: Written[], bodyStart: number, sourceBodyStart: number, sourceLength: number): OffsetMap {
  return (offset, isEnd) => {
    if (offset < bodyStart) return Math.min(offset, sourceBodyStart)
    const at = offset - bodyStart
    // The last item written at or before the offset.
    let low = 0
    let high = written.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (written[middle]!.start <= at) low = middle + 1
      else high = middle
    }
    const item = written[low - 1]
    const next = written[low]
    if (!item) return Math.min(sourceBodyStart + at, next ? next.from : sourceLength)
    if (at <= item.end) return item.same ? item.from + (at - item.start) : isEnd ? item.to : item.from
    return Math.min(item.to + (at - item.end), next ? next.from : sourceLength)
  }
}

/** A post read up to its flattened body: front matter, parsed and sanitised body, and the first messages. */
interface Reading {
  raw: string
  lines: LineIndex
  front: FrontMatterResult
  /** Messages about the front matter, nesting and what was sanitised, in order. */
  messages: Message[]
  context: Context
  flat: Flat
  sanitize: SanitizeSettings
  sanitized: boolean
  imagesWithoutAlt: Array<[number, number]>
}

/** Read a post up to its flattened body (throws at a fatal front matter problem when strict). */
function read(raw: string, settings: Readonly<ParseOptions>, memo: CheckMemo, known?: KnownFrontMatter): Reading {
  const lines = new LineIndex(raw)
  const front = frontMatterOf(raw, lines, known)
  // A copy: the front matter's own messages may serve a later reading of the same block.
  const messages: Message[] = [...front.messages]
  if (settings.strict) throwIfFatal(messages, front.cause)

  const bodyStart = front.bodyStart
  const body = raw.slice(bodyStart)
  const {tree, flattened, repeated} = parseBody(body)
  for (const offset of flattened) {
    messages.push(createMessage(lines, 'nesting-too-deep', 'Expected elements to nest at most 512 deep; deeper content was moved up', bodyStart + offset))
  }

  const schema = schemaWithDefaults(settings.schema)
  const embedHosts = settings.allowEmbedHosts ? [...defaultEmbedHosts, ...settings.allowEmbedHosts] : defaultEmbedHosts
  const sanitize: SanitizeSettings = {schema, embedHosts, ...memo}
  const {changes, imagesWithoutAlt} = sanitizeTree(tree, {...sanitize, source: body})
  // A repeated attribute is not written back: a check that read another copy than the browser's could be fooled.
  for (const offset of repeated) {
    changes.push({ruleId: 'sanitized-attribute', reason: 'Removed a repeated attribute: browsers read only its first copy', start: offset, end: offset + 1})
  }
  for (const tag of documentTagsWithAttributes(body)) {
    changes.push({ruleId: 'sanitized-attribute', reason: `Removed the attributes of \`<${tag.name}>\`: browsers would copy them onto the page`, start: tag.start, end: tag.end})
  }
  // A sanitised body is read again from its rewrite, which repeats most of it: from here on, what the
  // strict check accepts whole is remembered (a post read once would only pay for the remembering).
  if (changes.length > 0) sanitize.verbatim = memo.verbatim ??= new Set()
  changes.sort((a, b) => a.start - b.start)
  for (const change of changes) {
    if (change.reason) messages.push(createMessage(lines, change.ruleId, change.reason, bodyStart + change.start, bodyStart + change.end))
  }

  const context: Context = {body, isDirty: dirtyChecker(changes)}
  const flat = flatten(tree, body)
  return {raw, lines, front, messages, context, flat, sanitize, sanitized: changes.length > 0, imagesWithoutAlt}
}

/** A front matter already read, and the post it was read from. */
interface KnownFrontMatter {
  raw: string
  front: FrontMatterResult
}

/**
 * The front matter of `raw`: `known`'s when `raw` opens with the very block
 * it was read from and reads it the same way (a rewrite keeps the block as
 * written), else parsed. YAML is the slowest part of reading most posts; a
 * rewrite need not read it twice.
 */
function frontMatterOf(raw: string, lines: LineIndex, known: KnownFrontMatter | undefined): FrontMatterResult {
  const block = known?.front.block
  if (!known || !block || raw.includes('\n') !== known.raw.includes('\n') || !raw.startsWith(known.raw.slice(0, block.end))) {
    return parseFrontMatterWith(raw, lines)
  }
  const split = splitPost(raw)
  // The closing fence's line ends where it did (not extended by what follows it now).
  if (split.frontMatter?.end !== block.end || split.bodyStart !== known.front.bodyStart) return parseFrontMatterWith(raw, lines)
  // Same block, same offsets: the same meta and messages.
  return known.front
}

/** Build the Article of a reading. */
function build(reading: Reading, settings: Readonly<ParseOptions>): Parsed {
  const {raw, lines, front, messages, context, flat, sanitize} = reading
  const bodyStart = front.bodyStart
  const state = {context, lines, bodyStart, messages, sanitize, sanitized: reading.sanitized}
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
    layout: layoutOf(raw, front, parts.gaps)
  }
  contentMessages(state, article, flat.items.length, reading.imagesWithoutAlt)
  messages.sort((a, b) => a.place.start.offset - b.place.start.offset)
  if (settings.strict) throwIfFatal(messages, front.cause)
  // The block gives this meta back whatever the body holds: renderPost need not read its YAML again.
  rememberFrontMatter(article.meta, article.layout.frontMatter, raw.includes('\n'))
  // Every source and gap of a verbatim reading passed the renderer's check: it need not run again.
  if (parts.verbatim) rememberChecked(article, context.body, sanitize)
  return {article, verbatim: parts.verbatim, bodyStart}
}

function layoutOf(raw: string, front: FrontMatterResult, gaps: string[]): Article['layout'] {
  return {
    bom: raw.charCodeAt(0) === 0xfe_ff,
    eol: dominantLineEnding(raw),
    frontMatter: front.block ? raw.slice(front.block.start, front.block.end) : null,
    gaps
  }
}

/**
 * The rewrite of a sanitised reading, without building its Article: the
 * Article is built from the rewrite instead, and its messages about the
 * content are taken from there (mapped back). The rest are this reading's.
 */
function rewriteOf(reading: Reading): Rewrite {
  const {raw, lines, front, context, flat, sanitize} = reading
  const bodyStart = front.bodyStart
  const {html, written, rewritten} = rewriteBody(context, flat, sanitize)
  const messages = reading.messages
  for (const [start, end] of rewritten) messages.push(rewrittenMarkup(lines, bodyStart + start, bodyStart + end))
  // Sorted with the content's messages, once those are read from the rewrite.
  imageAltMessages(lines, bodyStart, reading.imagesWithoutAlt, messages)
  const layout = layoutOf(raw, front, [html])
  // The block as written, when the meta read from it is what it says: no YAML is read to find that out.
  rememberFrontMatter(front.meta, layout.frontMatter, raw.includes('\n'))
  const rendered = assemblePost(front.meta, layout, html)
  for (const entry of written) {
    entry.from += bodyStart
    entry.to += bodyStart
  }
  return {rendered, map: mapBack(written, rendered.length - html.length, bodyStart, raw.length), messages, contentFromRewrite: true, front}
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
  // The messages parsePost gives: a sanitised post's messages about its content come from its rewrite.
  return parsePost(raw, {...options, strict: false}).messages
}

function assertString(raw: unknown): asserts raw is string {
  if (typeof raw !== 'string') {
    throw new TypeError(`Expected \`raw\` to be a string, not ${raw === null ? 'null' : typeof raw}`)
  }
}

/** The same error, with its messages grouped (its own fields are the first fatal message's, which comes first in its group). */
function groupedError(error: ArticleError): ArticleError {
  const messages = groupMessages(error.messages)
  const fatal = messages.find((message) => message.ruleId === error.ruleId && message.place.start.offset === error.place.start.offset)
  return fatal ? new ArticleError(fatal, messages, error.cause) : error
}

function throwIfFatal(messages: Message[], cause: unknown): void {
  const fatal = messages.find((message) => message.fatal === true)
  if (fatal) throw new ArticleError(fatal, messages, cause)
}
