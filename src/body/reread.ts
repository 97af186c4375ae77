import type {Comment, Element, ElementContent, Root, RootContent, Text} from 'hast'
import {childrenOf} from './balance.ts'
import {isArtifact, isReopened} from './flatten.ts'
import {maxDepth, parseBody} from './parse.ts'
import {adoptOrphans} from './orphans.ts'
import {voidElements} from './void-elements.ts'
import {isSpace, isSpaces} from './tag-scanner.ts'
import {formattingElements, hasEndTag, tableParts} from './balance.ts'
import {sanitizeTree, type Change, type SanitizeSettings} from './sanitize.ts'

/*
 * A rewrite read again, reading only what the rewrite changed.
 *
 * `settle` writes a reading back with clean items and gaps as they were
 * read and the others serialised from their sanitised nodes; most of a
 * sanitised post is kept. Parsing is a left-to-right walk whose only memory
 * is the parser's state (open elements, active formatting elements,
 * insertion mode, form pointer, tokenizer state), so a kept piece is read
 * again exactly as before wherever the parser's state at its start is the
 * same, and a rewritten piece is read as it is read alone wherever its
 * reading leaves no state behind and its start state does not matter to it.
 *
 * At the edge of each top-level item the state is the layout containers
 * around it (flatten's gaps hold their tags) in the body's insertion mode.
 * A rewritten item is serialised by hast-util-to-html: every element it
 * writes is closed by its own end tag. It is read the same alone as in
 * place when (checked, else the whole rewrite is read):
 *
 * - reading it alone finds nothing that would reach out of its container
 *   (`balance.ts`: no stray or ignored tag, nothing left open, no
 *   formatting element carried on), every formatting element in it ends
 *   with its own end tag (else it stays on the list of active formatting
 *   elements), and every element on its last edge does too (a `<p>` left
 *   open would take in what follows in place);
 * - no container around it is a formatting element (a nested `<a>`, or a
 *   fourth `<b>`, acts on the list of active formatting elements, which the
 *   containers are on in place and not alone);
 * - it starts no table part, caption or column (alone, the fragment parser
 *   is still in its first, template, mode, where these start a table's
 *   modes; in place, after other content, they are ignored); anything else
 *   it starts with is read alike in both modes, and it writes no end tag
 *   before its start tag;
 * - it holds no `<form` (the form element pointer carries across pieces);
 * - it nests, with its containers, less deep than the cap;
 * - the bare list items and table parts it holds (`orphans.ts`) are what
 *   they are in place: the same unless a container around it stops the
 *   search for an open `li`.
 *
 * A kept piece is read the same in place when the parser's state at its
 * start is the same in both texts, and what follows it in the first text
 * did not act on it:
 *
 * - the parser leaves its first (template) mode, where end tags are
 *   ignored, before the first kept piece with markup in both texts, or at
 *   the same tag in it (pasted pages open with an ignored `<head>`);
 * - outside kept items' elements, no element was reopened by the parser
 *   (a formatting element a rewritten piece carried on) and none is a
 *   made-up artifact (its source, a `</p>` or `</br>`, may be in a
 *   rewritten gap, which drops it);
 * - every formatting element outside the rewritten items ends with its
 *   own end tag (one closed otherwise stays on the list, and a dropped
 *   stray end tag, `</font>`, may have taken it off);
 * - a kept item followed by a rewritten gap ends with its own end tag
 *   (`<h2>a</h3>`: the dropped `</h3>` closed it);
 * - the first reading's changes do not reach the end of the body (whose
 *   checks look at the whole body), it did not nest too deep, and it holds
 *   no NUL (after one, parse5 places a character reference's text at its
 *   `;`, so a node's source is not what it reads).
 *
 * A rewritten gap holds only white space, comments and container tags:
 * each is placed where it is written, provided a container's tag, read and
 * sanitised alone, gives its properties and no change, and a comment is
 * written as it was read.
 *
 * Text is the one thing parsers join across pieces: adjacent character
 * tokens make one text node. A rewritten item's text nodes may reach into
 * the white space of a kept gap beside it (the item is then read with it),
 * and text nodes made neighbours by splicing are joined.
 *
 * Offsets of kept nodes move by where their piece went; lines and columns
 * are those of the rewrite, as parse5 counts them. The result is what
 * `readBody` gives for the whole rewrite, positions included
 * (test/body/reread.test.ts compares them).
 */

/** A tree read: what `readBody` gives before flattening. */
export interface TreeReading {
  tree: Root
  changes: Change[]
  flattened: number[]
  imagesWithoutAlt: Array<[number, number]>
  /** How many changes reading found that act on what is around the body (`balance.ts`), and how many bare items and table parts it gave a home (`orphans.ts`). */
  escapes: number
  orphans: number
}

/**
 * Parse, sanitise and check a body once, short of flattening it.
 *
 * @param body - HTML (offsets in the result point into it).
 * @param settings - Schema, embed hosts and the checks' memo.
 * @returns The sanitised tree and every change, sorted by start.
 * @example
 * readTree('<p onclick="x()">a</p>', {schema: defaultSchema, embedHosts: defaultEmbedHosts}).changes.filter((change) => change.reason).map((change) => change.ruleId)
 * //=> ['sanitized-attribute']
 */
export function readTree(body: string, settings: SanitizeSettings): TreeReading {
  const {tree, flattened, repeated, escapes} = parseBody(body)
  const {changes, imagesWithoutAlt} = sanitizeTree(tree, {...settings, source: body})
  // Read from what the sanitiser left: an element it unwrapped no longer holds what it held.
  const orphans = adoptOrphans(tree, body.length, (name) => !settings.schema.tagNames || settings.schema.tagNames.includes(name))
  for (const escape of orphans) changes.push({ruleId: 'rewritten-markup', reason: escape.reason, start: escape.start, end: escape.end})
  // A repeated attribute is not written back: a check that read another copy than the browser's could be fooled.
  for (const offset of repeated) {
    changes.push({ruleId: 'sanitized-attribute', reason: 'Removed a repeated attribute: browsers read only its first copy', start: offset, end: offset + 1})
  }
  // Written as read, these would reach out of the element a page places the post in.
  for (const escape of escapes) changes.push({ruleId: 'rewritten-markup', reason: escape.reason, start: escape.start, end: escape.end})
  // A NUL reads as nothing in text and as U+FFFD elsewhere: written from the tree, it is what a parser reads.
  for (let at = body.indexOf('\0'); at !== -1; at = body.indexOf('\0', at + 1)) {
    changes.push({ruleId: 'rewritten-markup', reason: 'Rewrote a NUL character as a parser reads it', start: at, end: at + 1})
    // After a NUL, parse5 may place the text that follows past where it is (`\0&amp;` gives `&` at `;`): the text up
    // to the next tag is written from the tree too, never sliced from the source by those places.
    const next = body.indexOf('<', at + 1)
    let end = next === -1 ? body.length : next
    // White space after that text belongs to the gap after it, which nothing here changes.
    while (end > at + 1 && isSpace(body.charCodeAt(end - 1))) end--
    if (end > at + 1) changes.push({ruleId: 'rewritten-markup', reason: '', start: at + 1, end})
  }
  changes.sort((a, b) => a.start - b.start)
  return {tree, changes, flattened, imagesWithoutAlt, escapes: escapes.length, orphans: orphans.length}
}

/** One piece of a rewrite: a gap or an item, where it was read (`from`, `to`) and where it went (`start`, `end`); `parts` gives where a rewritten gap wrote each of its nodes. */
export interface Piece {
  from: number
  to: number
  start: number
  end: number
  kept: boolean
  /** A kept item that ends with its own end tag (or needs none): what follows it cannot close it. */
  closes?: boolean
  parts?: Array<{node: RootContent; type: 'text' | 'comment' | 'open' | 'close'; start: number; end: number}>
}

/** What `reread` needs of the first reading. */
export interface FirstReading {
  body: string
  tree: Root
  flat: {items: Array<{nodes: ElementContent[]; start: number; end: number}>}
  changes: Change[]
  flattened: number[]
  imagesWithoutAlt: Array<[number, number]>
}

/** Containers that stop the search for an open `li`, `dd` or `dt` (`orphans.ts`). */
const special = new Set(['article', 'aside', 'center', 'footer', 'header', 'hgroup', 'main', 'nav', 'section'])

/** Start tags the fragment parser's first mode reads as a table's. */
const tableStarts = new Set([...tableParts])

/**
 * Read a rewrite from the reading it was written from: the kept pieces'
 * nodes moved to where they went, the rewritten items read alone.
 * Undefined when that cannot be argued to give what reading the whole
 * rewrite gives (see above): then the caller reads it whole.
 *
 * The first reading's tree is taken over, changed in place, whatever the
 * answer: the first reading is not to be used again.
 *
 * @param first - The reading the rewrite was written from.
 * @param pieces - Its gaps and items, in order (gap, item, gap, …, gap), as `rewriteBody` gives them.
 * @param html - The rewrite.
 * @param settings - What the first reading was read with.
 * @returns The tree reading of `html`, or undefined.
 * @example
 * const settings = {schema: defaultSchema, embedHosts: defaultEmbedHosts}
 * // A body that is one gap, rewritten: the script goes, the line feed after it is written from its node.
 * const body = '<script>x()</script>\n'
 * const first = {body, flat: {items: []}, ...readTree(body, settings)}
 * const parts = [{node: first.tree.children[0], type: 'text', start: 0, end: 1}]
 * reread(first, [{from: 0, to: body.length, start: 0, end: 1, kept: false, parts}], '\n', settings)?.tree.children[0].position.start.offset
 * //=> 0
 */
export function reread(first: FirstReading, pieces: Piece[], html: string, settings: SanitizeSettings): TreeReading | undefined {
  const body = first.body
  const items = first.flat.items
  if (first.flattened.length > 0 || pieces.length !== items.length * 2 + 1) return undefined
  // The pieces must tile both texts.
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!
    const previous = pieces[index - 1]
    if (piece.from !== (previous ? previous.to : 0) || piece.start !== (previous ? previous.end : 0) || piece.to < piece.from) return undefined
  }
  if (pieces.at(-1)!.to !== body.length || pieces.at(-1)!.end !== html.length) return undefined
  // An item closed by what came after it (`<h2>a</h3>`) is not closed when that is rewritten.
  for (let index = 1; index < pieces.length - 1; index += 2) {
    if (pieces[index]!.kept && !pieces[index]!.closes && !pieces[index + 1]!.kept) return undefined
  }
  // The checks of the body's end (what is open there, what carries on past it) read the whole body.
  for (const change of first.changes) if (change.end >= body.length) return undefined
  if (settings.schema.ancestors && Object.values(settings.schema.ancestors).some((names) => names?.some((name) => formattingElements.has(name) || special.has(name) || name === 'div' || name === 'span'))) return undefined

  if (!switchesAlike(body, html, pieces, map)) return undefined
  // After a NUL, parse5 places text from past a character reference (`\0&amp;` gives `&` at `;`): the source of such a node is not what it reads.
  if (body.includes('\0')) return undefined

  const lines = lineStarts(html)
  // Where a rewritten gap wrote its nodes.
  const placed = new Map<RootContent, {start?: number; end?: number}>()
  for (const piece of pieces) {
    if (piece.kept || !piece.parts) continue
    for (const part of piece.parts) {
      const node = part.node
      if (part.type === 'open') {
        const start = (node as Element).position?.start.offset
        if (start === undefined) return undefined
        // Its properties are what reading its tag gives, and reading it changes nothing.
        if (!readsAs(node as Element, html.slice(part.start, part.end), settings)) return undefined
        placed.set(node, {...placed.get(node), start: part.start})
      } else if (part.type === 'close') placed.set(node, {...placed.get(node), end: part.end})
      else if (node.type === 'text' && !node.position) continue
      else if (node.type === 'comment' && html.slice(part.start, part.end) !== body.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0)) return undefined
      else placed.set(node, {start: part.start, end: part.end})
    }
  }

  // The first node of each item, and which are rewritten.
  const firstOf = new Map<RootContent, number>()
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    if (item.nodes.length === 0) return undefined
    firstOf.set(item.nodes[0]!, index)
  }
  const splices: Array<{children: RootContent[]; at: number; count: number; item: number; depth: number; bounded: boolean}> = []
  const joins = new Set<RootContent[]>()

  // Move every node outside a rewritten item to where its piece went.
  // Parent, depth, whether a formatting container or one that bounds the search for an `li` is around, whether in a kept item.
  const stack: Array<[Root | Element, number, boolean, boolean, boolean]> = [[first.tree, 0, false, false, false]]
  while (stack.length > 0) {
    const [parent, depth, inFormatting, bounded, inKept] = stack.pop()!
    const children = childrenOf(parent)
    // How many nodes of a kept item are still to come among these children.
    let keptLeft = 0
    for (let at = 0; at < children.length; at++) {
      const node = children[at]!
      const index = inKept ? undefined : firstOf.get(node)
      if (index !== undefined && pieces[index * 2 + 1]!.kept) keptLeft = items[index]!.nodes.length
      const kept = inKept || keptLeft-- > 0
      if (index !== undefined && !kept) {
        const nodes = items[index]!.nodes
        for (let offset = 0; offset < nodes.length; offset++) if (children[at + offset] !== nodes[offset]) return undefined
        if (inFormatting) return undefined
        splices.push({children, at, count: nodes.length, item: index, depth, bounded})
        at += nodes.length - 1
        continue
      }
      if (node.type === 'element') {
        // Outside kept items' elements, these may come from state a rewritten item left behind, or from source a
        // rewritten gap drops (a run's `<br>` made for a `</br>` after its last text).
        if (!inKept && (isReopened(node) || isArtifact(node))) return undefined
        const name = node.tagName
        // One closed by anything but its end tag stays on the list of active formatting elements, where an end tag
        // in a rewritten piece may have taken it off.
        if (formattingElements.has(name) && node.position && !hasEndTag(node, body)) return undefined
        if (!place(node, placed.get(node))) return undefined
        stack.push([node, depth + 1, inFormatting || (!kept && formattingElements.has(name)), bounded || special.has(name), kept])
      } else if (node.type === 'text' || node.type === 'comment') {
        const where = placed.get(node)
        if (where) joins.add(children)
        if (!place(node, where)) return undefined
      }
    }
  }

  // Each rewritten item read alone, with the white space of kept gaps its text nodes reach into.
  const changes: Change[] = []
  const imagesWithoutAlt: Array<[number, number]> = []
  for (const [from, to] of first.imagesWithoutAlt) {
    const start = map(from, false)
    const end = map(to, true)
    if (start !== undefined && end !== undefined) imagesWithoutAlt.push([start, end])
  }
  for (let index = splices.length - 1; index >= 0; index--) {
    const splice = splices[index]!
    const item = items[splice.item]!
    const piece = pieces[splice.item * 2 + 1]!
    const before = pieces[splice.item * 2]!
    const after = pieces[splice.item * 2 + 2]!
    const nodeStart = item.nodes[0]!.position?.start.offset
    const nodeEnd = item.nodes.at(-1)!.position?.end.offset
    if (nodeStart === undefined || nodeEnd === undefined || nodeStart > item.start || nodeEnd < item.end) return undefined
    const start = nodeStart < item.start && before.kept ? before.start + (nodeStart - before.from) : piece.start
    const end = nodeEnd > item.end && after.kept ? after.start + (nodeEnd - after.from) : piece.end
    if (!isSpaces(html, start, piece.start) || !isSpaces(html, piece.end, end)) return undefined
    const text = html.slice(start, end)
    if (/<form/i.test(text)) return undefined
    const alone = readTree(text, settings)
    if (alone.escapes > 0 || alone.flattened.length > 0 || (alone.orphans > 0 && splice.bounded)) return undefined
    const fragment = alone.tree.children
    for (const node of fragment) if (node.type === 'element' && tableStarts.has(node.tagName)) return undefined
    if (!closedAtEnd(alone.tree, text)) return undefined
    const depth = moveFragment(alone.tree, text, start, lines)
    if (depth === undefined || splice.depth + depth + 2 >= maxDepth) return undefined
    for (const change of alone.changes) changes.push({...change, start: change.start + start, end: change.end + start})
    for (const [from, to] of alone.imagesWithoutAlt) imagesWithoutAlt.push([from + start, to + start])
    splice.children.splice(splice.at, splice.count, ...fragment)
    joins.add(splice.children)
  }
  for (const children of joins) joinText(children)
  // The root spans the rewrite (hast-util-from-parse5 gives an empty one none).
  if (html.length === 0) delete first.tree.position
  else first.tree.position = {start: {line: 1, column: 1, offset: 0}, end: {line: lines.length, column: html.length - lines.at(-1)! + 1, offset: html.length}}
  changes.sort((a, b) => a.start - b.start)
  imagesWithoutAlt.sort((a, b) => a[0] - b[0])
  return {tree: first.tree, changes, flattened: [], imagesWithoutAlt, escapes: 0, orphans: 0}

  /** Where a body offset of a kept piece went, or undefined in a rewritten one. */
  function map(offset: number, isEnd: boolean): number | undefined {
    let low = 0
    let high = pieces.length
    while (low < high) {
      const middle = (low + high) >> 1
      const from = pieces[middle]!.from
      if (isEnd ? from < offset : from <= offset) low = middle + 1
      else high = middle
    }
    const piece = pieces[Math.max(0, low - 1)]!
    return piece.kept ? piece.start + (offset - piece.from) : undefined
  }

  /** Give a node of the first reading its place in the rewrite. */
  function place(node: Element | Text | Comment, where: {start?: number; end?: number} | undefined): boolean {
    const position = node.position
    if (!position) return true
    const start = where?.start ?? map(position.start.offset!, false)
    const end = where?.end ?? map(position.end.offset!, true)
    if (start === undefined || end === undefined) return false
    setPoint(position.start, start, lines)
    setPoint(position.end, end, lines)
    return true
  }
}

/** Whether a start tag written from a sanitised element is read, and sanitised, as that element. */
function readsAs(node: Element, tag: string, settings: SanitizeSettings): boolean {
  const alone = readTree(`${tag}</${node.tagName}>`, settings)
  const read = alone.tree.children
  if (alone.changes.length > 0 || read.length !== 1) return false
  const element = read[0]!
  return element.type === 'element' && element.tagName === node.tagName && JSON.stringify(element.properties) === JSON.stringify(node.properties)
}

/** Start tags the fragment parser's first (template) mode reads as in a document's head: they leave it in that mode. */
const headStarts = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'noframes', 'script', 'style', 'template', 'title'])

/** A simple end tag (`</div>`, `</h2 >`): in the template mode, ignored, and it can swallow nothing. */
const simpleEndTag = /<\/[a-zA-Z][a-zA-Z0-9]*[\t\n\f\r ]*>/y

/**
 * Whether the fragment parser is in the same mode at every kept piece. Until
 * its first start tag (not a head one) it is in the template mode, where end
 * tags are ignored; after it, in the body's mode, where they close what is
 * open. So both texts must leave the template mode before the first kept
 * piece that holds markup, or at the same tag in it.
 */
function switchesAlike(body: string, html: string, pieces: Piece[], map: (offset: number, isEnd: boolean) => number | undefined): boolean {
  let markup = -1
  for (const piece of pieces) {
    if (!piece.kept) continue
    const at = body.indexOf('<', piece.from)
    if (at !== -1 && at < piece.to) {
      markup = at
      break
    }
  }
  if (markup === -1) return true
  const first = firstStartTag(body)
  const again = firstStartTag(html)
  if (first === -1 || again === -1) return false
  return first < markup ? again < map(markup, false)! : first === markup && again === map(markup, false)
}

/** Where the first start tag of a fragment is, when only simple end tags come before it and it takes the parser out of its first mode (else -1). */
function firstStartTag(html: string): number {
  const first = /<[a-zA-Z]/.exec(html)
  if (!first || !onlyEndTags(html, first.index)) return -1
  const name = /^<([a-zA-Z][^\t\n\f\r />]*)/.exec(html.slice(first.index, first.index + 64))?.[1]?.toLowerCase() ?? ''
  return headStarts.has(name) || tableStarts.has(name) ? -1 : first.index
}

/** Whether every `<` before `end` starts a simple end tag. */
function onlyEndTags(html: string, end: number): boolean {
  for (let at = html.indexOf('<'); at !== -1 && at < end; at = html.indexOf('<', at + 1)) {
    simpleEndTag.lastIndex = at
    if (!simpleEndTag.test(html) || simpleEndTag.lastIndex > end) return false
  }
  return true
}

/** Where each line of `html` starts, as parse5 counts lines (`\n`, `\r\n`, a lone `\r`). */
function lineStarts(html: string): number[] {
  const starts = [0]
  for (let index = 0; index < html.length; index++) {
    const code = html.charCodeAt(index)
    if (code === 10 || (code === 13 && html.charCodeAt(index + 1) !== 10)) starts.push(index + 1)
  }
  return starts
}

function setPoint(point: {line: number; column: number; offset?: number | undefined}, offset: number, lines: number[]): void {
  let low = 0
  let high = lines.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (lines[middle]! <= offset) low = middle + 1
    else high = middle
  }
  point.line = low
  point.column = offset - lines[low - 1]! + 1
  point.offset = offset
}

/** Move a tree read alone to where it stands in the rewrite; returns its depth, or undefined when it leaves a formatting element active or the parser reopened one. */
function moveFragment(tree: Root, text: string, start: number, lines: number[]): number | undefined {
  let deepest = 0
  const stack: Array<[RootContent, number]> = tree.children.map((node) => [node, 1])
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    // A formatting element closed by anything but its end tag stays on the list of active formatting elements.
    if (node.type === 'element' && formattingElements.has(node.tagName) && !hasEndTag(node, text)) return undefined
    if (node.position) {
      setPoint(node.position.start, node.position.start.offset! + start, lines)
      setPoint(node.position.end, node.position.end.offset! + start, lines)
    }
    if (node.type !== 'element') continue
    if (isReopened(node)) return undefined
    deepest = Math.max(deepest, depth)
    for (const child of childrenOf(node)) stack.push([child, depth + 1])
  }
  return deepest
}

/** Whether every element on a fragment's last edge is void or ends with its own end tag (else, in place, it takes in what follows). */
function closedAtEnd(tree: Root, html: string): boolean {
  let node: Root | Element = tree
  while (true) {
    const last: RootContent | undefined = childrenOf(node).at(-1)
    if (!last || last.type !== 'element') return true
    if (!voidElements.has(last.tagName) && !hasEndTag(last, html)) return false
    node = last
  }
}

/** Join text nodes made neighbours by a splice, as a parser joins adjacent characters. */
function joinText(children: RootContent[]): void {
  for (let index = children.length - 1; index > 0; index--) {
    const node = children[index]!
    const previous = children[index - 1]!
    if (node.type !== 'text' || previous.type !== 'text') continue
    previous.value += node.value
    if (previous.position && node.position) previous.position.end = node.position.end
    children.splice(index, 1)
  }
}
