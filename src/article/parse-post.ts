import type {Article, Message, Position} from '../types.ts'
import {LineIndex} from '../diagnostics/line-index.ts'
import {createMessage} from '../diagnostics/message.ts'
import {ArticleError} from '../diagnostics/error.ts'
import {groupMessages} from '../diagnostics/group.ts'
import {applyRules, readRules, type Rules} from '../diagnostics/severity.ts'
import {parseFrontMatterWith, type FrontMatterResult} from '../front-matter/parse.ts'
import type {RuleId} from '../diagnostics/catalogue.ts'
import {dominantLineEnding} from '../post/split.ts'
import {defaultEmbedHosts, schemaWithDefaults, type Schema} from '../body/schema.ts'
import {createCheckMemo, type SanitizeSettings} from '../body/sanitize.ts'
import {readBody, settle, type BodyReading} from '../body/normalize.ts'
import {buildBody, rewrittenMarkup, titled} from './build.ts'
import {computeStats} from './stats.ts'
import {recordReading, recordFrontMatter} from '../record/provenance.ts'
import {itemsOf} from '../record/items.ts'
import {contentMessages, contentRules, imageAltMessages} from './checks.ts'

/** Options of `parsePost` and `checkPost`. */
export interface ParseOptions {
  /** Throw an `ArticleError` at the first message at error severity (`fatal: true`, after `rules`) instead of collecting it (default: `false`). */
  strict?: boolean | null | undefined
  /**
   * The severity of rules, by rule id, as ESLint's `rules`: `'off'` (0),
   * `'warn'` (1) or `'error'` (2); rules left out keep their default
   * (default: none changed). An unknown rule id or severity is a `TypeError`.
   */
  rules?: Rules | null | undefined
  /** Sanitisation schema, in hast-util-sanitize's format, merged over `defaultSchema` one top-level key at a time (default: `defaultSchema`). */
  schema?: Schema | null | undefined
  /** Extra hosts whose iframes are kept, added to `defaultEmbedHosts` (default: none). */
  allowEmbedHosts?: readonly string[] | null | undefined
  /** Give one message per rule (and per thing the sanitiser removed) with a `count` and its `repeats`, instead of one per occurrence (default: `true`). */
  groupMessages?: boolean | null | undefined
  /**
   * Whether a post must open with front matter (default: `'required'`). With `'optional'`, a post without
   * any (an editor's export) gets no `front-matter-missing` message; its title comes from its title heading.
   */
  frontMatter?: 'required' | 'optional' | null | undefined
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
 * @throws {TypeError} When `raw` is not a string, or `rules` names an unknown rule or severity.
 * @throws {ArticleError} Only with `strict: true`, at the first message at error severity.
 * @example
 * const article = parsePost('---\ntitle: Hi\n---\n<h2>One</h2><p>a</p>')
 * article.sections[0].heading
 * //=> 'One'
 * parsePost('---\ntitle: Hi\n---\n<p><img src="a.png"></p>', {rules: {'image-alt-missing': 'off'}}).messages
 * //=> []
 */
export function parsePost(raw: string, options?: Readonly<ParseOptions> | null): Article {
  assertString(raw)
  const settings = options ?? emptyOptions
  // Read before the post: a mistake in `rules` is the program's, whatever the post holds.
  readRules(settings.rules)
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
  const lines = new LineIndex(raw)
  const front = parseFrontMatterWith(raw, lines)
  // A copy: the front matter result keeps its own.
  const messages: Message[] = settings.frontMatter === 'optional' ? front.messages.filter((message) => message.ruleId !== 'front-matter-missing') : [...front.messages]
  if (settings.strict) throwIfFatal(messages, settings, front.cause)
  const bodyStart = front.bodyStart
  const sanitize: SanitizeSettings = {
    schema: schemaWithDefaults(settings.schema),
    embedHosts: settings.allowEmbedHosts ? [...defaultEmbedHosts, ...settings.allowEmbedHosts] : defaultEmbedHosts,
    ...createCheckMemo()
  }

  // The body as written is read once, and every change is reported against it.
  const first = readBody(raw.slice(bodyStart), sanitize)
  for (const offset of first.flattened) {
    messages.push(createMessage(lines, 'nesting-too-deep', 'Expected elements to nest at most 512 deep; deeper content was moved up', bodyStart + offset))
  }
  for (const change of first.changes) {
    if (change.reason) messages.push(createMessage(lines, change.ruleId, change.reason, bodyStart + change.start, bodyStart + change.end))
  }

  // Then what was changed is written from its tree, and read again until writing it back changes nothing.
  // The Article is built once, from that text: what `renderPost` writes parses back to the same Article.
  // A post without `\n` keeps none: its lone CRs end lines only while it has none (HTML reads `\r` as `\n`).
  const eol = raw.includes('\n') ? undefined : '\r'
  const {reading, map} = settle(first, sanitize, (at) => messages.push(rewrittenMarkup(lines, bodyStart + at, bodyStart + at)), eol)
  if (!map) {
    const article = build(raw, front, reading, {lines, bodyStart, messages, sanitize})
    contentMessages({lines, bodyStart, messages}, article, reading.flat.items.length, first.imagesWithoutAlt)
    return finish(article, messages, settings, front)
  }

  // Built from a rewrite, after the same front matter: positions point into that, and are mapped back to the raw post.
  const own: Message[] = []
  const state = {lines: new LineIndex(raw.slice(0, bodyStart) + reading.body), bodyStart, messages: own, sanitize}
  const article = build(raw, front, reading, state)
  contentMessages(state, article, reading.flat.items.length, [])
  const back = (offset: number, isEnd: boolean) => (offset < bodyStart ? offset : bodyStart + map(offset - bodyStart, isEnd))
  const place = (position: Position): Position => {
    const start = back(position.start.offset, false)
    const end = Math.max(start, back(position.end.offset, true))
    return {start: lines.point(start), end: lines.point(end)}
  }
  for (const entry of itemsOf(article)) {
    if (entry.position) entry.position = place(entry.position)
  }
  // The raw post's images, from its own reading; what the content says, from the Article, mapped back.
  imageAltMessages(lines, bodyStart, first.imagesWithoutAlt, messages)
  for (const message of own) {
    if (!contentRules.has(message.ruleId as RuleId)) continue
    const position = place(message.place)
    messages.push({...message, line: position.start.line, column: position.start.column, place: position})
  }
  return finish(article, messages, settings, front)
}

/** What building needs besides the reading: where messages go and how offsets become places. */
interface State {
  lines: LineIndex
  bodyStart: number
  messages: Message[]
  sanitize: SanitizeSettings
}

/** Build the Article of the settled reading, once. */
function build(raw: string, front: FrontMatterResult, reading: BodyReading, state: State): Article {
  const context = reading.context
  const sanitized = reading.changes.length > 0
  const parts = buildBody({...state, context, sanitized}, reading.flat)
  const text = parts.texts.join('\n\n')
  const article: Article = {
    ...titled(front.meta, parts.titleHeading),
    titleHeading: parts.titleHeading,
    hero: parts.hero,
    lead: parts.lead,
    sections: parts.sections,
    summary: parts.summary,
    text,
    stats: computeStats(text),
    messages: state.messages,
    layout: {
      bom: raw.charCodeAt(0) === 0xfe_ff,
      eol: dominantLineEnding(raw),
      frontMatter: front.block ? raw.slice(front.block.start, front.block.end) : null,
      gaps: parts.gaps
    }
  }
  // The block gives this meta back whatever the body holds: renderPost need not read its YAML again.
  recordFrontMatter(article.meta, article.layout.frontMatter, raw.includes('\n'))
  // Every source and gap is what the sanitiser kept, as written: the renderer may write them as they are.
  if (parts.verbatim) recordReading(article, context.body, state.sanitize)
  return article
}

function finish(article: Article, messages: Message[], settings: Readonly<ParseOptions>, front: FrontMatterResult): Article {
  messages.sort((a, b) => a.place.start.offset - b.place.start.offset)
  // The one place `rules` applies: every message, whichever reading gave it, passes here.
  article.messages = applyRules(messages, readRules(settings.rules))
  if (settings.strict) throwIfFatal(article.messages, settings, front.cause)
  return article
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

/** Rules whose messages can stand for a dependency error (the front matter's `cause`). */
const rulesWithCause: ReadonlySet<string> = new Set(['front-matter-yaml', 'front-matter-alias-limit'])

/** Throw at the first message at error severity once `rules` is applied, with the front matter's dependency error behind it, if any. */
function throwIfFatal(messages: Message[], settings: Readonly<ParseOptions>, cause: unknown): void {
  const reported = applyRules(messages, readRules(settings.rules))
  const fatal = reported.find((message) => message.fatal === true)
  if (fatal) throw new ArticleError(fatal, reported, rulesWithCause.has(fatal.ruleId) ? cause : undefined)
}
