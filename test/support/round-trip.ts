import {isDeepStrictEqual} from 'node:util'
import {toText} from 'hast-util-to-text'
import {parsePost, renderPost} from '../../src/index.ts'
import type {Article} from '../../src/index.ts'
import {parseBody} from '../../src/body/parse.ts'
import {sanitizeTree} from '../../src/body/sanitize.ts'
import {defaultEmbedHosts, defaultSchema} from '../../src/body/schema.ts'

export {archiveFolder, corpusFolder, postsIn} from './shared.ts'

/** An Article without what depends on where things were: positions, sources, layout, messages. */
export function content(article: Article): unknown {
  return JSON.parse(
    JSON.stringify(article, (key, value: unknown) => (key === 'position' || key === 'source' || key === 'layout' || key === 'messages' || key === 'place' ? undefined : value))
  )
}

/** What the round trip of one post shows. */
export interface RoundTrip {
  /** The sanitiser changed something (and said so). */
  sanitized: boolean
  /** renderPost(parsePost(raw)) === raw. */
  identical: boolean
  /** parsePost(renderPost(a)) has the same content as a. */
  fixpoint: boolean
  /** The Article's text holds all of the (sanitised) body's text. */
  textKept: boolean
  /** A JSON round trip gives the same Article. */
  json: boolean
}

const sanitizeRules = new Set(['sanitized-element', 'sanitized-attribute', 'sanitized-style', 'sanitized-embed', 'sanitized-comment', 'rewritten-markup'])

/** Check one post. */
export function roundTrip(raw: string): RoundTrip {
  const article = parsePost(raw)
  const rendered = renderPost(article)
  const identical = rendered === raw
  const sanitized = article.messages.some((message) => sanitizeRules.has(message.ruleId))
  return {
    sanitized,
    identical,
    // Written back byte for byte (most posts), `rendered` is `raw`: its reading is `article` itself (parsePost
    // is pure), the same input is not read twice. Any other rendering is read and rendered again.
    fixpoint: identical || isFixpoint(article, rendered),
    textKept: textKept(raw, article),
    json: isDeepStrictEqual(JSON.parse(JSON.stringify(article)), article)
  }
}

/** Whether reading `rendered` (what `renderPost(article)` wrote) gives `article` again, and the same rendering. */
function isFixpoint(article: Article, rendered: string): boolean {
  const again = parsePost(rendered)
  return isDeepStrictEqual(content(again), content(article)) && renderPost(again) === rendered
}

function squash(value: string): string {
  return value.replace(/[\s\u00a0\u200b\ufeff]+/g, '')
}

/** All text of the sanitised body is in the Article (white space aside). */
function textKept(raw: string, article: Article): boolean {
  const bodyStart = article.layout.frontMatter === null ? (article.layout.bom ? 1 : 0) : (article.layout.bom ? 1 : 0) + article.layout.frontMatter.length
  const {tree} = parseBody(raw.slice(bodyStart))
  sanitizeTree(tree, {schema: defaultSchema, embedHosts: defaultEmbedHosts})
  const expected = squash(toText(tree))
  const actual = squash(article.text) + squash(article.hero?.markdown ? `![${article.hero.alt}](${article.hero.src}${article.hero.title ? ` "${article.hero.title}"` : ''})` : '')
  if (expected === squash(article.text)) return true
  // Order may differ only where the hero was taken out; compare as multisets of characters.
  if ([...expected].sort().join('') === [...actual].sort().join('')) return true
  // Markdown read as Markdown loses its syntax (`## `, `**`, fences and their info strings, list markers, link
  // destinations), not its text. A fence goes with its info string's first word (the language).
  const withoutSyntax = (value: string) => [...squash(value.replace(markdownFence, '').replace(markdownDestination, ']')).replace(markdownSyntax, '')].sort().join('')
  return withoutSyntax(toText(tree)) === withoutSyntax(article.text + (article.hero?.markdown ? `![${article.hero.alt}](${article.hero.src}${article.hero.title ? ` "${article.hero.title}"` : ''})` : ''))
}

const markdownFence = /(?:`{3,}|~{3,})[^\s`]*/g

const markdownDestination = /\]\([^()\s]*(?:\s+"[^"]*")?\)/g
const markdownSyntax = /[#*_`~>\-+.\d[\]()!]/g
