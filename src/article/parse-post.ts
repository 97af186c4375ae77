import type {Article, Message} from '../types.ts'
import {LineIndex} from '../diagnostics/line-index.ts'
import {createMessage} from '../diagnostics/message.ts'
import {ArticleError} from '../diagnostics/error.ts'
import {parseFrontMatterWith} from '../front-matter/parse.ts'
import {dominantLineEnding} from '../post/split.ts'
import {parseBody} from '../body/parse.ts'
import {defaultEmbedHosts, defaultSchema, type Schema} from '../body/schema.ts'
import {sanitizeTree} from '../body/sanitize.ts'
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
  if (typeof raw !== 'string') {
    throw new TypeError(`Expected \`raw\` to be a string, not ${raw === null ? 'null' : typeof raw}`)
  }
  const settings = options ?? emptyOptions
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
  const {changes, imagesWithoutAlt} = sanitizeTree(tree, {schema, embedHosts, source: body})
  for (const tag of documentTagsWithAttributes(body)) {
    changes.push({ruleId: 'sanitized-attribute', reason: `Removed the attributes of \`<${tag.name}>\`: browsers would copy them onto the page`, start: tag.start, end: tag.end})
  }
  changes.sort((a, b) => a.start - b.start)
  for (const change of changes) {
    if (change.reason) messages.push(createMessage(lines, change.ruleId, change.reason, bodyStart + change.start, bodyStart + change.end))
  }

  const context: Context = {body, isDirty: dirtyChecker(changes)}
  const flat = flatten(tree, body)
  const state = {context, lines, bodyStart, messages, sanitize: {schema, embedHosts}}
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
  return parsePost(raw, {...options, strict: false}).messages
}

function throwIfFatal(messages: Message[], cause: unknown): void {
  const fatal = messages.find((message) => message.fatal === true)
  if (fatal) throw new ArticleError(fatal, messages, cause)
}
