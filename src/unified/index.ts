/**
 * unified integration: `articleParse` (a parser plugin, as rehype-parse is),
 * `rehypeArticle` (a transformer that reads the file, not the tree) and
 * `fileToArticle` (the plain function both wrap).
 */
import type {Nodes, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import type {Plugin, Processor} from 'unified'
import type {VFile} from 'vfile'
import type {Article, Message, Meta, MetaValue} from '../types.ts'
import {parsePost, type ParseOptions} from '../article/parse-post.ts'
import {parseBody} from '../body/parse.ts'
import {LineIndex} from '../diagnostics/line-index.ts'
import {knownKeys} from '../front-matter/normalize.ts'
import {renderHtml} from '../render/html.ts'
import {assemblePost} from '../render/post.ts'

/** The front matter as a plain object keyed as written (`feature_text`, not `featureText`), as vfile-matter gives it. */
export type Matter = {[key: string]: MetaValue}

declare module 'vfile' {
  interface DataMap {
    /** The Article, set by `articleParse`, `rehypeArticle` and `fileToArticle`. */
    article: Article
    /** The front matter, normalised, keyed as written (`{}` when there is none); set by `articleParse`, `fileToArticle` and `rehypeArticle`. */
    matter: Matter
  }
}

/** Options of `articleParse`, `rehypeArticle` and `fileToArticle`: those of `parsePost`. */
export type Options = ParseOptions

const emptyOptions: Readonly<Options> = Object.freeze({})

/** What each file's Article was built from, so a second call does not parse again. */
const built = new WeakMap<VFile, {value: string; settings: Readonly<Options>; article: Article}>()

/**
 * Turn a VFile holding a raw post (front matter + HTML body) into an Article.
 *
 * Sets `file.data.article`, sets `file.data.matter` to the front matter as a
 * plain object (as vfile-matter does, but never throwing on bad YAML), and
 * adds every diagnostic to `file.messages` as a `VFileMessage` with `place`,
 * `ruleId`, `source`, `fatal`, `note` and `url`, so vfile-reporter prints
 * `path` and `line:column`. Calling it again on an unchanged file with the
 * same options returns the same Article without parsing or reporting twice.
 * A `Uint8Array` value is decoded as UTF-8 (which drops a byte order mark).
 *
 * @param file - The file; its `value` is the whole raw post.
 * @param options - As for `parsePost`; with `strict: true` the first fatal message is thrown, after all are on `file.messages`.
 * @returns The Article.
 * @throws {VFileMessage} Only with `strict: true`, at the first fatal message.
 * @example
 * import {VFile} from 'vfile'
 *
 * const file = new VFile({path: 'a.html', value: '---\ntitle: Hi\n---\n<h2>One</h2>'})
 * fileToArticle(file).meta.title
 * //=> 'Hi'
 * file.data.matter
 * //=> {title: 'Hi'}
 */
export function fileToArticle(file: VFile, options?: Readonly<Options> | null): Article {
  return fromValue(file, String(file), options || emptyOptions, true)
}

/**
 * unified parser plugin (as rehype-parse is one): read the raw post (front
 * matter + HTML body) into the **sanitised** hast tree of its body, so any
 * rehype plugin and rehype-stringify can follow it.
 *
 * The raw post becomes an Article as with `fileToArticle`: the Article on
 * `file.data.article`, the front matter on `file.data.matter`, and every
 * message on `file.messages` (a positioned `VFileMessage`). The tree is the
 * body that `renderHtml(article)` writes, parsed as a fragment: the front
 * matter is not in it, nor is anything the sanitiser removed (`<script>`,
 * event handlers, …). When the sanitiser changed nothing, that body is the
 * raw post's own, and the tree's positions point into the raw post (front
 * matter included, as the messages' do). When it changed something, the
 * tree has no positions: they would point into a rewrite nobody wrote (the
 * messages still point into the raw post).
 *
 * With `strict: true`, `processor.parse` throws the first fatal message,
 * after all of them are on `file.messages`.
 *
 * @param options - As for `parsePost` (optional); `schema` and `allowEmbedHosts` also apply to the body written.
 * @example
 * import rehypeStringify from 'rehype-stringify'
 * import {unified} from 'unified'
 * import {VFile} from 'vfile'
 *
 * const file = new VFile({path: 'a.html', value: '---\ntitle: Hi\n---\n<h2>One</h2><script>x()</script>'})
 * String(await unified().use(articleParse).use(rehypeStringify).process(file))
 * //=> '<h2>One</h2>'
 * file.data.article?.meta.title
 * //=> 'Hi'
 * file.data.matter
 * //=> {title: 'Hi'}
 * file.messages.map((message) => message.ruleId)
 * //=> ['sanitized-element']
 */
export const articleParse: Plugin<[(Readonly<Options> | null | undefined)?], string, Root> = function (
  this: Processor,
  options?: Readonly<Options> | null
): undefined {
  const settings = options || emptyOptions
  this.parser = function (value: string, file: VFile): Root {
    const article = fromValue(file, value, settings, true)
    return bodyTree(article, value, settings)
  }
}

/**
 * unified plugin: parse the file being processed into an Article.
 *
 * Puts the Article on `file.data.article`, the front matter on
 * `file.data.matter`, and the diagnostics on `file.messages` (see
 * `fileToArticle`). The tree is left as it is, and ignored: to get the
 * sanitised body as the tree, so that other rehype plugins and
 * rehype-stringify can follow, use `articleParse` as the parser instead of
 * rehype-parse (after rehype-parse, the tree holds the front matter as body
 * text, unsanitised, and this plugin does not change that).
 *
 * Why the file and not the tree: rehype-parse reads the front matter as
 * body text, and the Article needs the raw post (YAML, byte positions, the
 * layout for `renderPost`), so the plugin parses `String(file)` with
 * `parsePost`. That costs one more parse of the body; it is skipped when
 * `fileToArticle` already ran on the same value with the same options. A
 * file without a value (a tree built by hand) is serialised with
 * hast-util-to-html and parsed as a body without front matter; its messages
 * then have no position, since they would point into text nobody wrote.
 *
 * @param options - As for `parsePost` (optional).
 * @returns The transformer.
 * @example
 * import rehypeParse from 'rehype-parse'
 * import {unified} from 'unified'
 * import {VFile} from 'vfile'
 *
 * const file = new VFile({path: 'a.html', value: '---\ntitle: Hi\n---\n<h2></h2>'})
 * const processor = unified().use(rehypeParse).use(rehypeArticle)
 * await processor.run(processor.parse(file), file)
 * file.data.article?.meta.title
 * //=> 'Hi'
 * file.messages.map(String)
 * //=> ['a.html:4:1-4:10: Expected text in this `<h2>`']
 */
export function rehypeArticle(options?: Readonly<Options> | null): (tree: Root, file: VFile) => undefined {
  const settings = options || emptyOptions
  return function (tree, file) {
    const value = String(file)
    if (value === '' && tree.children.length > 0) fromValue(file, toHtml(tree), settings, false)
    else fromValue(file, value, settings, true)
  }
}

function fromValue(file: VFile, value: string, settings: Readonly<Options>, positioned: boolean): Article {
  const previous = built.get(file)
  if (previous && previous.value === value && previous.settings === settings && file.data.article === previous.article) {
    return previous.article
  }
  // Collect everything first: `strict` should throw a positioned VFileMessage, not parsePost's ArticleError.
  const article = parsePost(value, {...settings, strict: false})
  file.data.article = article
  file.data.matter = toMatter(article.meta)
  built.set(file, {value, settings, article})
  let fatal: ReturnType<VFile['message']> | undefined
  for (const message of article.messages) {
    const added = addMessage(file, message, positioned)
    if (added.fatal === true) fatal ??= added
  }
  if (settings.strict && fatal) throw fatal
  return article
}

/**
 * The body `renderHtml` writes for `article`, parsed as a fragment; its
 * positions moved into the raw post when that body is the raw post's own,
 * removed otherwise.
 */
function bodyTree(article: Article, value: string, settings: Readonly<Options>): Root {
  const render = {schema: settings.schema, allowEmbedHosts: settings.allowEmbedHosts}
  const html = renderHtml(article, render)
  const {tree} = parseBody(html)
  // The raw post is exactly this body behind its front matter when nothing was sanitised.
  const delta = value.length - html.length
  const lines = assemblePost(article.meta, article.layout, html) === value ? new LineIndex(value) : undefined
  walk(tree, (node) => {
    if (!node.position) return
    if (lines === undefined || node.position.start.offset === undefined || node.position.end.offset === undefined) {
      delete node.position
      return
    }
    node.position = {start: lines.point(node.position.start.offset + delta), end: lines.point(node.position.end.offset + delta)}
  })
  return tree
}

/** Visit every node (a `<template>`'s content too), without recursion. */
function walk(tree: Root, visit: (node: Nodes) => undefined): undefined {
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    visit(node)
    if (node.type === 'element' && node.content) stack.push(node.content)
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}

/** Our plain message as a VFileMessage on `file` (`file.message` sets `file` and a `path:line:column` name). */
function addMessage(file: VFile, message: Message, positioned: boolean): ReturnType<VFile['message']> {
  const added = file.message(message.reason, {
    place: positioned ? message.place : undefined,
    ruleId: message.ruleId,
    source: message.source
  })
  // `file.message` makes every message a warning; ours may be errors or informational.
  added.fatal = message.fatal
  added.note = message.note
  added.url = message.url
  return added
}

/** The Meta as vfile-matter would give it: known keys under their YAML names, then the rest as written. */
function toMatter(meta: Meta): Matter {
  const matter: Matter = {}
  for (const [key, field] of Object.entries(knownKeys)) {
    const value = meta[field]
    if (value === null || (Array.isArray(value) && value.length === 0)) continue
    define(matter, key, value)
  }
  // `extra` also holds known keys whose value had the wrong shape: those win, as written.
  for (const [key, value] of meta.extra) define(matter, key, value)
  return matter
}

// `matter[key] = value` would run the `__proto__` setter; define an own property instead.
function define(matter: Matter, key: string, value: MetaValue): void {
  Object.defineProperty(matter, key, {value, enumerable: true, writable: true, configurable: true})
}
