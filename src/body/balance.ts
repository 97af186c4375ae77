import type {Element, Root, RootContent} from 'hast'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {voidElements} from './void-elements.ts'
import {endsTagName, lastEndTagStart, tagEnd} from './tag-scanner.ts'

/**
 * Where a body, placed inside a page's element, would reach out of it.
 *
 * A body is written into a page inside some element (`<article>`, a
 * layout's `<div>`). Parsed alone, as a fragment, three things in it leave
 * no trace in the tree but act on whatever surrounds it in the page:
 *
 * - an end tag the fragment has nothing open for (`</div>`): ignored here,
 *   it closes the page's element there;
 * - a tag the fragment's parser ignores (`<body onload=…>`): a browser copies
 *   its attributes onto the page's own `<body>`;
 * - an element still open at the end that the page's end tag does not close
 *   quietly: a `<table>` (the page's `</div>` is ignored inside it), a `<b>`
 *   the parser reopens after the page's element ends, an unfinished tag or
 *   comment that swallows the page's markup.
 *
 * Each is a change at its place, so the body is rewritten from its tree
 * there (hast-util-to-html closes what it opens and writes no stray tags).
 * The parser is the judge of each: this module only compares what the
 * source says with what the parser made of it.
 */

/** Where a body escapes its container, with why: offsets into the body. */
export interface Escape {
  start: number
  end: number
  reason: string
}

/** With `verbose`, hast elements carry where their start and end tags are: read only when a body needs it. */
const verboseParser = unified().use(rehypeParse, {fragment: true, verbose: true}).freeze()

/**
 * Elements whose end a page's end tag implies without a trace: a `<p>` or
 * `<li>` still open at the end is closed by the container's own end tag.
 */
const closedByContainer = new Set(['p', 'li', 'dd', 'dt', 'rb', 'rp', 'rt', 'rtc'])

/**
 * Formatting elements: one closed by something other than its own end tag
 * stays on the parser's list and is opened again around whatever text
 * comes next, in the page after the body if nothing in the body does.
 */
export const formattingElements: ReadonlySet<string> = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u'])

/**
 * End tags with nothing open for them that close nothing around the body
 * either: `</p>` and `</br>` make an element of their own, `</body>` and
 * `</html>` pop nothing, and no element around a body can be a void one.
 *
 * `</body>` and `</html>` do move the parser on, to the modes after the
 * body, where a comment goes to the page's `<html>` element or the document
 * itself; any other token takes it back into the body where it was. So they
 * are rewritten only before a comment of the post's. At the very end of a
 * body they stay: what comes next is the page's, and only a comment of the
 * page's would move, unseen; posts pasted as whole pages end so (16 in the
 * corpus) and would all be rewritten for it.
 */
function closesNothing(name: string, html: string, end: number): boolean {
  if (name === 'body' || name === 'html') return !commentAfter.test(html.slice(end))
  return name === 'p' || name === 'br' || name === 'head' || voidElements.has(name)
}

/**
 * Start tags a parser in a body ignores without a trace, in a page as in a
 * fragment: `<head>` always
 * (<https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inbody>),
 * `<html>` and `<body>` when they have no attribute to copy onto the page's
 * own elements. Posts pasted as whole pages open with them
 * (`<html><head></head><body>`); an attribute on `<html>` or `<body>`
 * (`<body id="app">`, `class`, `dir`, `data-*`) acts on the whole page and
 * is still removed.
 */
const ignoredWithoutTrace = /^<(?:head|html|body)[\t\n\f\r ]*\/?>$/i

/** After `</body>` or `</html>`: only white space and more of them, then a comment (`<!--`, or `<!`, `<?` read as one). */
const commentAfter = /^(?:[\t\n\f\r ]|<\/(?:body|html)(?:[\t\n\f\r /][^>]*)?>)*<[!?]/i

/** Elements whose text is read as text to their end tag: a `<` in it starts no tag. */
const rawTextElements = new Set(['iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'script', 'style', 'textarea', 'title', 'xmp'])

/** Start tags the fragment parser drops that a browser, in a page's body, applies to the page itself. */
const documentTag = /<(?:html|head|body|frameset)[\t\n\f\r />]/i

/**
 * Table parts: a start tag of one ends a page's table cell around the body
 * (the cell's insertion mode holds for everything inside it but a table of
 * the body's own). The fragment parser keeps one at the very start of a
 * body and ignores one after other content, so both kinds are looked for.
 * <https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-intd>
 */
export const tableParts: ReadonlySet<string> = new Set(['caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr'])

/** A start tag of a table part in the source (it may be in a comment, an attribute or raw text). */
const tablePartTag = /<(?:caption|colgroup|col|tbody|td|tfoot|th|thead|tr)[\t\n\f\r />]/gi

/**
 * Find where `html`, parsed into `tree`, would reach out of an element it
 * is placed in. Call it before the tree is changed (positions are read).
 *
 * Cheap for a clean body: one walk counting the end tags the tree consumed
 * against the `</` in the source. Only when they differ (a stray end tag,
 * or `</` in an attribute, comment or raw text) is the tree walked again for
 * the tags it accounts for, to find which (`accounted`).
 *
 * @param tree - The fragment parsed from `html`, positions intact.
 * @param html - What was parsed.
 * @param unfinished - Where an `eof-in-*` parse error says a tag or comment was left unfinished, if one was.
 * @returns Every escape, in order of position.
 * @example
 * import rehypeParse from 'rehype-parse'
 * import {unified} from 'unified'
 * const html = '<p>a</p></div>'
 * escapes(unified().use(rehypeParse, {fragment: true}).parse(html), html).map((escape) => escape.start)
 * //=> [8]
 */
export function escapes(tree: Root, html: string, unfinished?: number): Escape[] {
  const found: Escape[] = []
  // The tokenizer met the end inside a tag or comment: the tag was dropped, the comment runs to the end.
  if (unfinished !== undefined) {
    found.push({start: Math.min(unfinished, html.length), end: html.length, reason: 'Closed a tag or comment left unfinished at the end: it would swallow the page after the post'})
  }
  let closed = 0
  let tablePartTags = 0
  const openFormatting: Element[] = []
  // Every node: end tags consumed, formatting elements left open.
  const stack: RootContent[] = [...tree.children]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'comment') {
      // A bogus comment (`</ x>`, `</3>`) starts with the `</` counted below.
      const start = node.position?.start.offset
      if (start !== undefined && html.startsWith('</', start)) closed++
      continue
    }
    if (node.type !== 'element') continue
    if (tableParts.has(node.tagName) && html.charCodeAt(node.position?.start.offset ?? -1) === 60 /* < */) tablePartTags++
    if (hasEndTag(node, html) || isMadeForEndTag(node)) closed++
    else if (formattingElements.has(node.tagName) && node.position) openFormatting.push(node)
    for (const child of childrenOf(node)) stack.push(child)
  }

  const unaccounted = count(html, '</') - closed
  const endTagsAccounted = unaccounted === 0 || unaccounted === harmlessDocumentEndTags(html)
  if (!endTagsAccounted || documentTag.test(html) || countMatches(html, tablePartTag) !== tablePartTags) ignoredTags(tree, html, found)
  openAtEnd(tree, html, found)
  // A formatting element closed by a block may still be reopened: after the body, that is in the page.
  // Which of them is cannot be told from the tree, so each is written closed.
  if (openFormatting.length > 0 && !found.some((escape) => escape.end === html.length) && reopensAfter(html)) {
    for (const node of openFormatting) {
      found.push({start: node.position!.start.offset!, end: node.position!.end.offset!, reason: `Closed \`<${node.tagName}>\` left open: it would carry on past the post into the page`})
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/**
 * Whether an element's source ends with its own end tag (`</div>`,
 * `</DIV >`), as a tokenizer reads one: the name, then `>`, `/` or white
 * space.
 *
 * @param node - An element with the position the parser gave it.
 * @param html - What was parsed.
 * @returns False for an element closed by anything else (another tag, the end), or without a position.
 * @example
 * import rehypeParse from 'rehype-parse'
 * import {unified} from 'unified'
 * const html = '<p>a</P ><p>b'
 * unified().use(rehypeParse, {fragment: true}).parse(html).children.map((node) => node.type === 'element' && hasEndTag(node, html))
 * //=> [true, false]
 */
export function hasEndTag(node: Element, html: string): boolean {
  return endsWithOwnEndTag(node, html) || closedByHeadingEndTag(node, html)
}

/**
 * Whether an element's own source ends with its own end tag: `hasEndTag`
 * but for a heading closed by another heading's end tag, which the parser
 * leaves out of the element (it ends where that tag starts).
 *
 * @param node - An element with the position the parser gave it.
 * @param html - What was parsed.
 * @returns Whether the element's range ends with its own end tag.
 * @example
 * import rehypeParse from 'rehype-parse'
 * import {unified} from 'unified'
 * const html = '<h2>a</h2><h3>b</h4>'
 * unified().use(rehypeParse, {fragment: true}).parse(html).children.map((node) => node.type === 'element' && endsWithOwnEndTag(node, html))
 * //=> [true, false]
 */
export function endsWithOwnEndTag(node: Element, html: string): boolean {
  const at = endTagStart(node, html)
  // Content ending past the `</` means that tag closed a descendant (`<table><tr><td><table>…</table>` at the
  // end, `<b><b>x</b>`: the outer element ends there too, left open).
  return at !== -1 && contentEnd(node) <= at
}

/** Any heading's end tag closes an open heading (`<h2>a</h3>`); the parser then ends the element where that tag starts. */
function closedByHeadingEndTag(node: Element, html: string): boolean {
  const end = node.position?.end.offset
  return end !== undefined && headingNames.has(node.tagName) && isHeadingEndTag(html, end)
}

/** Where the end tag an element's source ends with starts (`</div>` after its start tag), or -1. */
function endTagStart(node: Element, html: string): number {
  const end = node.position?.end.offset
  const start = node.position?.start.offset
  if (end === undefined || start === undefined || html.charCodeAt(end - 1) !== 62 /* > */) return -1
  // Foreign elements keep their case (`foreignObject`); end tags match it in any case.
  const name = node.tagName.toLowerCase()
  const at = lastEndTagStart(html, end - 1, start + 1)
  if (at === -1) return -1
  // A `</` before the content is inside the start tag (`<div title="</div>">`): the element is left open.
  const first = contentStart(node)
  if (first === undefined ? at < tagEnd(html, start + 1) : at < first) return -1
  const after = html.charCodeAt(at + 2 + name.length)
  return html.slice(at + 2, at + 2 + name.length).toLowerCase() === name && endsTagName(after) ? at : -1
}

/** Where an element's content ends in the source: its last child's end (looking through elements the parser made up), or -1. */
function contentEnd(node: Element): number {
  let current: Element = node
  while (true) {
    const last: RootContent | undefined = childrenOf(current).at(-1)
    if (!last) return -1
    const end = last.position?.end.offset
    if (end !== undefined) return end
    if (last.type !== 'element') return -1
    current = last
  }
}

/** Where an element's content starts in the source (its first positioned child's start), or undefined when nothing in it has a place. */
function contentStart(node: Element): number | undefined {
  for (const child of childrenOf(node)) {
    const start = child.position?.start.offset
    if (start !== undefined) return start
  }
  return undefined
}

/**
 * Whether the parser made an element for an end tag with nothing open: an
 * empty `<p>` for `</p>`, a `<br>` for `</br>` (the HTML standard's "in
 * body" rules; parse5 inserts them without a place in the source, and makes
 * no other `p` or `br` so). Such an end tag consumed, it closes nothing in a
 * page either: counted, it needs no second parse to be found harmless.
 */
function isMadeForEndTag(node: Element): boolean {
  return !node.position && node.children.length === 0 && (node.tagName === 'p' || node.tagName === 'br')
}

/**
 * How many `</body>` and `</html>` the body holds that close nothing where
 * they are (see `closesNothing`). A fragment's parser makes no `body` or
 * `html` element, so none of them is counted as consumed: when they are all
 * the `</` the tree does not account for, each is harmless wherever it is
 * (in markup, a comment or an attribute), and the body need not be parsed
 * again to place them. Posts saved as whole pages end so.
 */
function harmlessDocumentEndTags(html: string): number {
  let harmless = 0
  for (const match of html.matchAll(documentEndTag)) {
    const close = html.indexOf('>', match.index)
    const end = close === -1 ? html.length : close + 1
    if (closesNothing(match[1]!.toLowerCase(), html, end)) harmless++
  }
  return harmless
}

const documentEndTag = /<\/(body|html)(?=[\t\n\f\r />]|$)/gi

/** The ranges of the source a tree accounts for, and the tags found inside its text nodes. */
interface Accounted {
  covered: Array<[number, number]>
  /** A text node may span a tag the parser dropped between two runs of its characters (`\n</script>\n`). */
  swallowed: Array<[number, number]>
}

/** Records the source ranges of an element's tags in `covered`; false when they cannot be told. */
type TagsOf = (node: Element, html: string, covered: Array<[number, number]>) => boolean

/**
 * What a tree accounts for: the tags of its elements (`tagsOf` finds them),
 * and the text, comments and raw text it holds. Undefined when `tagsOf`
 * cannot tell where an element's tags are.
 */
function accounted(tree: Root, html: string, tagsOf: TagsOf): Accounted | undefined {
  const covered: Array<[number, number]> = []
  const swallowed: Array<[number, number]> = []
  const stack: Array<[RootContent, boolean]> = tree.children.map((child) => [child, false])
  while (stack.length > 0) {
    const [node, rawText] = stack.pop()!
    if (node.type === 'element') {
      if (!tagsOf(node, html, covered)) return undefined
      const raw = rawTextElements.has(node.tagName)
      for (const child of childrenOf(node)) stack.push([child, raw])
    } else if (node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      const {offset: start} = node.position.start
      const {offset: end} = node.position.end
      covered.push([start, end])
      if (node.type === 'text' && !rawText) {
        for (const match of html.slice(start, end).matchAll(/<\/?[a-zA-Z][^>]*>?/g)) swallowed.push([start + match.index, start + match.index + match[0].length])
      }
    }
  }
  return {covered, swallowed}
}

/**
 * An element's tags as its position places them: its start tag runs from
 * its start to where a tokenizer ends that tag, and its end tag, when
 * `hasEndTag` finds one, from the last `</` to its end (rehype-parse's
 * `verbose` option records the same extents, at the price of parsing the
 * body again). False when that cannot be told (`isAmbiguous`): then the
 * body is parsed again with `verbose`, whose tags are read instead
 * (`recordedTags`). (Upstream, parse5 reporting an ignored end tag as the
 * parse error the HTML standard calls it would make this search unnecessary.)
 */
function positionedTags(node: Element, html: string, covered: Array<[number, number]>): boolean {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  // An element the parser made up (an implied `<tbody>`, the `<p>` of a `</p>`) has no place and no tags.
  if (start === undefined || end === undefined || html.charCodeAt(start) !== 60 /* < */) return true
  const startTagEnd = tagEnd(html, start + 1)
  covered.push([start, startTagEnd === -1 ? html.length : startTagEnd])
  const at = endTagStart(node, html)
  if (at === -1) {
    if (closedByHeadingEndTag(node, html)) {
      const close = tagEnd(html, end + 2)
      covered.push([end, close === -1 ? html.length : close])
    }
    return true
  }
  if (isAmbiguous(node, html, at)) return false
  covered.push([at, end])
  return true
}

const headingNames: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Whether a heading's end tag (`</h1>` to `</h6>`, any case) starts at `at`. */
function isHeadingEndTag(html: string, at: number): boolean {
  if (html.charCodeAt(at) !== 60 /* < */ || html.charCodeAt(at + 1) !== 47 /* / */ || (html.charCodeAt(at + 2) | 32) !== 104 /* h */) return false
  const digit = html.charCodeAt(at + 3)
  const after = html.charCodeAt(at + 4)
  return digit >= 49 && digit <= 54 && endsTagName(after)
}

/** An element's tags as rehype-parse's `verbose` option recorded them. */
function recordedTags(node: Element, _html: string, covered: Array<[number, number]>): boolean {
  const tags = node.data?.position
  for (const tag of [tags?.opening, tags?.closing]) {
    if (tag?.start.offset !== undefined && tag.end.offset !== undefined) covered.push([tag.start.offset, tag.end.offset])
  }
  return true
}

/**
 * Whether positions cannot tell if an element's end tag (at `at`) closed it.
 * An element closed by anything but its own end tag ends where that other
 * token starts, so one ending after an end tag of its name was closed by it,
 * except at the end of the body, where the end closes what is still open
 * (`<table><td><template></table>`: the tag closes only the cell). Content
 * ending past the tag is left open by it, or by the end with the element
 * (`<b><b>x</b>`), and some end tags take an element off the stack of open
 * elements leaving what it holds open (`<form><nobr></form>`, not
 * `<form><table></form>`).
 */
function isAmbiguous(node: Element, html: string, at: number): boolean {
  const content = contentEnd(node)
  return content > at || node.position!.end.offset === html.length
}

/** Tags in the source that the tree has no trace of: stray end tags and ignored start tags. */
function ignoredTags(tree: Root, html: string, found: Escape[]): void {
  const {covered, swallowed} = accounted(tree, html, positionedTags) ?? accounted(verboseParser.parse(html), html, recordedTags)!
  covered.sort((a, b) => a[0] - b[0])
  let cursor = 0
  const gap = (from: number, to: number) => {
    const text = html.slice(from, to)
    for (const match of text.matchAll(/<\/?[^>]*>?/g)) {
      const start = from + match.index
      const end = start + match[0].length
      if (match[0].startsWith('</') && closesNothing(tagName(match[0]).slice(1, -1), html, end)) continue
      if (ignoredWithoutTrace.test(match[0])) continue
      const name = tagName(match[0])
      const reason = match[0].startsWith('</')
        ? `Removed a stray end tag \`${match[0]}\`: nothing in the post is open for it, so in a page it would close the page's own element`
        : tableParts.has(name.slice(1, -1))
          ? `Removed a \`${name}\` tag outside a table, which the parser ignores here: in a page's table cell it would end the cell`
          : `Removed a tag the parser ignores here (\`${name}\`): a browser would apply it to the page itself`
      found.push({start, end, reason})
    }
  }
  for (const [start, end] of covered) {
    if (start > cursor) gap(cursor, start)
    cursor = Math.max(cursor, end)
  }
  if (cursor < html.length) gap(cursor, html.length)
  for (const [start, end] of swallowed) gap(start, end)
}

function tagName(tag: string): string {
  return `<${/^<\/?([^\s/>]*)/.exec(tag)?.[1]?.toLowerCase() ?? ''}>`
}

/**
 * Elements still open at the end of the body whose end the page's end tag
 * would not imply. Only the last element at each level can be open, and
 * only inside one that is: at the top, nothing closes it but the end.
 */
function openAtEnd(tree: Root, html: string, found: Escape[]): void {
  let node: Root | Element = tree
  while (true) {
    const last: RootContent | undefined = childrenOf(node).at(-1)
    if (!last || last.type !== 'element' || voidElements.has(last.tagName) || hasEndTag(last, html)) return
    const start = last.position?.start.offset
    // An element the parser made (an implied `<tbody>`) has no tags: look through it, as through a `<p>` the end closes.
    if (start !== undefined && !closedByContainer.has(last.tagName)) {
      found.push({start, end: html.length, reason: `Closed \`<${last.tagName}>\` left open: it would take in the page after the post`})
      return
    }
    node = last
  }
}

/**
 * Whether a formatting element stays active after the body: parse the body
 * with text after it and see if that text lands inside an element.
 */
function reopensAfter(html: string): boolean {
  const probe = '\u{E000}'
  const tree = verboseParser.parse(html + probe)
  let node: Root | Element = tree
  while (true) {
    const last: RootContent | undefined = childrenOf(node).at(-1)
    if (!last) return false
    if (last.type === 'text') return node !== tree && last.value.endsWith(probe) && last.position?.start.offset === html.length
    if (last.type !== 'element') return false
    node = last
  }
}

/** The children of an element as the parser gave them (a `<template>`'s live in its content). */
export function childrenOf(node: Root | Element): RootContent[] {
  return node.type === 'element' && node.tagName === 'template' && node.content ? node.content.children : node.children
}

function countMatches(text: string, pattern: RegExp): number {
  let total = 0
  pattern.lastIndex = 0
  while (pattern.exec(text)) total++
  return total
}

function count(text: string, search: string): number {
  let total = 0
  for (let at = text.indexOf(search); at !== -1; at = text.indexOf(search, at + search.length)) total++
  return total
}
