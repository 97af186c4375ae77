import type {ElementContent} from 'hast'
import type {Context} from '../body/hast.ts'
import {serialize} from '../body/hast.ts'
import {flatten, isReopened, type Flat, type Gap, type Item} from '../body/flatten.ts'
import {parseBody} from '../body/parse.ts'
import {sanitizeTree, type Change, type SanitizeSettings} from '../body/sanitize.ts'
import {isVerbatimSafe} from '../render/check-html.ts'
import {voidElements} from '../body/void-elements.ts'

/** An item with the text it is read from, and where it came from in the body. */
export interface Piece {
  item: Item
  /** The text the item's offsets point into: the body, or the sanitised HTML of a changed item. */
  context: Context
  /** Body offsets of the source it came from (for positions and messages). */
  start: number
  end: number
}

/**
 * Turn the flattened body into pieces and the layout text between them.
 *
 * An item the sanitiser changed is written back serialised, and serialised
 * HTML may parse into a different shape than the damaged source did (a
 * `<p>` moved out of a `<table>`, tags closed). So such an item is parsed
 * again from its serialisation and its pieces are taken from that: the
 * Article then describes exactly what `renderPost` writes, and parsing the
 * output gives the same Article (the round trip's fixpoint).
 */
export function toPieces(context: Context, flat: Flat, settings: SanitizeSettings): {pieces: Piece[]; gaps: string[]; rewritten: Array<[number, number]>} {
  const pieces: Piece[] = []
  const gaps: string[] = []
  // Source the renderer could not write back as it is (the same check it applies) is rewritten now, and said so.
  const rewritten: Array<[number, number]> = []
  const gapHtml = gapWriter(context, settings, rewritten)
  const clean = keptItems(context, flat, settings, rewritten)
  let pending = gapHtml(context, flat.gaps[0]!)
  for (let index = 0; index < flat.items.length; index++) {
    const item = flat.items[index]!
    if (clean[index]) {
      gaps.push(pending)
      pieces.push({item, context, start: item.start, end: item.end})
      pending = ''
    } else {
      const html = serializeItem(item)
      const {tree} = parseBody(html)
      const {changes} = sanitizeTree(tree, {...settings, source: html})
      const inner: Context = {body: html, isDirty: dirtyChecker(changes)}
      const sub = flatten(tree, html)
      pending += gapHtml(inner, sub.gaps[0]!)
      for (let subIndex = 0; subIndex < sub.items.length; subIndex++) {
        gaps.push(pending)
        pieces.push({item: sub.items[subIndex]!, context: inner, start: item.start, end: item.end})
        pending = gapHtml(inner, sub.gaps[subIndex + 1]!)
      }
    }
    pending += gapHtml(context, flat.gaps[index + 1]!)
  }
  gaps.push(pending)
  return {pieces, gaps, rewritten}
}

/**
 * The body as `renderPost` writes it for the Article of this reading, made
 * without building that Article: gaps and items kept as written, the others
 * serialised. A sanitised post is read again from this text (see
 * `parsePost`), so only the text and where each item went are needed.
 *
 * @returns The text, where each item went (offsets in `html` and in the body), and what was rewritten.
 */
export function rewriteBody(context: Context, flat: Flat, settings: SanitizeSettings): {html: string; written: Written[]; rewritten: Array<[number, number]>} {
  const rewritten: Array<[number, number]> = []
  const gapHtml = gapWriter(context, settings, rewritten)
  const clean = keptItems(context, flat, settings, rewritten)
  const written: Written[] = []
  let html = gapHtml(context, flat.gaps[0]!)
  for (let index = 0; index < flat.items.length; index++) {
    const item = flat.items[index]!
    const kept = clean[index]!
    const text = kept ? context.body.slice(item.start, item.end) : serializeItem(item)
    written.push({start: html.length, end: html.length + text.length, from: item.start, to: item.end, same: kept})
    html += text + gapHtml(context, flat.gaps[index + 1]!)
  }
  return {html, written, rewritten}
}

/**
 * An item written from its nodes. A run's first and last text nodes may
 * reach past its edges into white space that the gaps around it hold
 * already: written again, it would grow at every round trip.
 */
function serializeItem(item: Item): string {
  const html = serialize(item.nodes)
  return item.kind === 'run' ? html.replace(edgeWhitespace, '') : html
}

const edgeWhitespace = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g

/** Where an item went in a rewrite: `[start, end)` there, `[from, to)` in what was read; `same` when written as read. */
export interface Written {
  start: number
  end: number
  from: number
  to: number
  same: boolean
}

/** A gap's HTML as it will be written: as read when it passes the renderer's check, else rewritten (and noted). */
function gapWriter(context: Context, settings: SanitizeSettings, rewritten: Array<[number, number]>): (within: Context, gap: Gap) => string {
  return (within, gap) => {
    const html = cleanGapHtml(within, gap)
    if (html !== undefined && isVerbatimSafe(html, settings)) return html
    if (html !== undefined && within === context) rewritten.push([gap.start, gap.end])
    return serializeGap(within, gap)
  }
}

/** Which items can be kept as written, decided first: a neighbour's decision can change an item's. */
function keptItems(context: Context, flat: Flat, settings: SanitizeSettings, rewritten: Array<[number, number]>): boolean[] {
  const clean = flat.items.map((item) => {
    if (context.isDirty(item.start, item.end)) return false
    if (isVerbatimSafe(context.body.slice(item.start, item.end), settings)) return true
    rewritten.push([item.start, item.end])
    return false
  })
  for (let changed = clean.includes(false); changed; ) {
    changed = false
    for (let index = flat.items.length - 2; index >= 0; index--) {
      // An element closed only by what followed it (`<p>` then `<table>`) must close itself when that is rewritten.
      if (clean[index] && !clean[index + 1] && !closesItself(context, flat.items[index]!)) {
        clean[index] = false
        changed = true
      }
    }
    // A formatting element reopened after rewritten markup may be closed in the rewrite (`<p><b></script></p>`
    // becomes `<p><b></b></p>`), so what it wrapped is written without it too, as a parser will then read it.
    for (let index = clean.indexOf(false) + 1; index > 0 && index < flat.items.length; index++) {
      if (clean[index] && holdsReopened(flat.items[index]!)) {
        clean[index] = false
        changed = true
      }
    }
  }
  return clean
}

/** Whether an item's source ends with its own end tag (or is not an element that needs one). */
function closesItself(context: Context, item: Flat['items'][number]): boolean {
  const node = item.nodes.at(-1)
  if (!node || node.type !== 'element' || item.kind === 'run') return true
  if (voidElements.has(node.tagName)) return true
  const name = node.tagName
  return context.body.slice(Math.max(item.start, item.end - name.length - 3), item.end).toLowerCase() === `</${name}>`
}

/** Whether an item holds a formatting element the parser reopened (it has no tags of its own). */
function holdsReopened(item: Item): boolean {
  const stack: ElementContent[] = [...item.nodes]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type !== 'element') continue
    if (isReopened(node)) return true
    for (const child of node.children) stack.push(child)
  }
  return false
}

/** A gap's source, when nothing in it was sanitised. */
function cleanGapHtml(context: Context, gap: Gap): string | undefined {
  return context.isDirty(gap.start, gap.end) ? undefined : context.body.slice(gap.start, gap.end)
}

/** A gap written from its parts: white space, comments, and the tags of layout containers. */
function serializeGap(context: Context, gap: Gap): string {
  let html = ''
  for (const part of gap.parts) {
    if (part.type === 'open') {
      const tag = serialize({...part.node, children: []})
      html += tag.slice(0, tag.lastIndexOf('</'))
    } else if (part.type === 'close') {
      // Only an end tag that was written: an element closed by the end of input has none to write back.
      const end = part.node.position?.end.offset
      const name = part.node.tagName
      if (end !== undefined && context.body.slice(Math.max(0, end - name.length - 3), end).toLowerCase() === `</${name}>`) html += `</${name}>`
    }
    // Text and comments from their values: their source may hold what made the gap need rewriting.
    else html += serialize(part.node)
  }
  return html
}

/**
 * Whether any change touches `[start, end)`: a binary search over the
 * changes' starts, with a running maximum of their ends.
 *
 * @param changes - Changes sorted by start.
 * @returns The check.
 */
export function dirtyChecker(changes: Change[]): (start: number, end: number) => boolean {
  if (changes.length === 0) return () => false
  const maxEnd: number[] = []
  let max = -1
  for (const change of changes) {
    max = Math.max(max, change.end)
    maxEnd.push(max)
  }
  return (start, end) => {
    let low = 0
    let high = changes.length
    // Count the changes that start before `end` (a change at an empty range's start counts).
    while (low < high) {
      const middle = (low + high) >> 1
      if (changes[middle]!.start < end || (changes[middle]!.start === start && start === end)) low = middle + 1
      else high = middle
    }
    return low > 0 && maxEnd[low - 1]! > start
  }
}
