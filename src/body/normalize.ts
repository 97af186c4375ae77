import type {ElementContent, Root} from 'hast'
import type {Context} from './hast.ts'
import {serialize} from './hast.ts'
import {flatten, isReopened, type Flat, type Gap, type Item} from './flatten.ts'
import {endsWithOwnEndTag, formattingElements} from './balance.ts'
import {isSpace} from './tag-scanner.ts'
import {trimWhere} from './trim.ts'
import type {Change, SanitizeSettings} from './sanitize.ts'
import {readTree, reread, type Piece, type TreeReading} from './reread.ts'
import {voidElements} from './void-elements.ts'

/*
 * The one way a body becomes something safe to write: parsed (rehype-parse),
 * sanitised (hast-util-sanitize and the checks in front of it), and checked
 * for what would reach out of the element a page places it in
 * (`balance.ts`). What none of these touched is kept as written, byte for
 * byte; every item or gap something touched is written again from its
 * sanitised tree, and the result read again until nothing changes.
 * `parsePost` reads raw posts this way, and `renderHtml` everything it
 * cannot prove `parsePost` read so (hand-built items, JSON copies, edits).
 */

/** A body read once: its sanitised tree, flattened, and every change the reading found (sorted by start; one without a reason marks the other end of a change). */
export interface BodyReading {
  body: string
  tree: Root
  flat: Flat
  changes: Change[]
  context: Context
  /** Offsets of elements whose content was moved up because it nested too deeply. */
  flattened: number[]
  imagesWithoutAlt: Array<[number, number]>
}

/**
 * Parse, sanitise and check a body once.
 *
 * @param body - HTML (offsets in the result point into it).
 * @param settings - Schema, embed hosts and the checks' memo.
 * @returns The reading.
 * @example
 * const reading = readBody('<p onclick="x()">a</p></div>', {schema: defaultSchema, embedHosts: defaultEmbedHosts})
 * reading.changes.filter((change) => change.reason).map((change) => change.ruleId)
 * //=> ['sanitized-attribute', 'rewritten-markup']
 */
export function readBody(body: string, settings: SanitizeSettings): BodyReading {
  return fromTree(body, readTree(body, settings))
}

/** A reading from its sanitised tree. */
function fromTree(body: string, {tree, changes, flattened, imagesWithoutAlt}: TreeReading): BodyReading {
  return {body, tree, flat: flatten(tree, body), changes, context: {body, isDirty: dirtyChecker(changes)}, flattened, imagesWithoutAlt}
}

/** How often a body is rewritten and read again at most: one round settles real posts, fuzzing needs a second now and then. */
export const maxRounds = 3

/**
 * HTML that is safe to write, from any string: the string itself when
 * reading it changes nothing, else its rewrite (read again until nothing
 * changes). Whatever a hand-built Article holds, nothing else comes out, and
 * the result, placed inside any element, stays inside it.
 *
 * @param html - Any HTML fragment.
 * @param settings - Schema and embed hosts.
 * @returns Safe, balanced HTML.
 * @example
 * cleanHtml('<p onclick="x()">a</p></div>', {schema: defaultSchema, embedHosts: defaultEmbedHosts})
 * //=> '<p>a</p>'
 */
export function cleanHtml(html: string, settings: SanitizeSettings): string {
  const {reading} = settle(readBody(html, settings), settings, () => {})
  if (reading.changes.length === 0) return reading.body
  // Still changing after the last round: the sanitised tree, written whole (hast-util-to-html closes all it opens).
  return serialize(reading.tree)
}

/** Offsets in a rewrite to offsets in the body first read (`isEnd` for the end of a range). */
export type OffsetMap = (offset: number, isEnd: boolean) => number

/**
 * Rewrite a reading until writing it back gives the very text it was read
 * from (at most `maxRounds` times).
 *
 * @param first - A reading of the text as given (its tree is taken over by the next reading).
 * @param sanitize - The settings it was read with.
 * @param notice - Called with the first offset that a reading with no changes does not write back as read.
 * @param lineFeed - Written for every line feed of a rewrite (`'\r'` for a post that must not gain a `\n`).
 * @returns The last reading, and, when it is a rewrite, how its offsets map to the first reading's.
 * @example
 * const settings = {schema: defaultSchema, embedHosts: defaultEmbedHosts}
 * settle(readBody('<p>a</p></div>', settings), settings, () => {}).reading.body
 * //=> '<p>a</p>'
 */
export function settle(first: BodyReading, sanitize: SanitizeSettings, notice: (at: number) => void, lineFeed?: '\r'): {reading: BodyReading; map: OffsetMap | undefined} {
  let reading = first
  let map: OffsetMap | undefined
  for (let round = 0; round < maxRounds; round++) {
    // A clean reading whose gaps and items tile the body writes it back as read: no need to build the text.
    if (reading.changes.length === 0 && writesBack(reading)) break
    const rewrite = rewriteBody(reading)
    const {written} = rewrite
    // Same length, same parse: the input stream reads a CR as a line feed.
    const html = lineFeed ? rewrite.html.replaceAll('\n', lineFeed) : rewrite.html
    if (html === reading.body) break
    if (round === 0 && first.changes.length === 0) notice(commonPrefix(html, reading.body))
    const back = mapBack(written, reading.body.length)
    const before = map
    map = before ? (offset, isEnd) => before(back(offset, isEnd), isEnd) : back
    // Only what the rewrite changed is read again, where that gives what reading all of it gives (`reread.ts`).
    const again = reread(reading, rewrite.pieces, html, sanitize)
    reading = again ? fromTree(html, again) : readBody(html, sanitize)
  }
  return {reading, map}
}

/**
 * Whether a reading with no changes is written back as read: its gaps and
 * items follow each other from the body's start to its end, and every gap
 * closes with its own end tags. Then `rewriteBody` would give the body
 * itself (nothing is dirty, so every item and such a gap is a slice of it).
 */
function writesBack(reading: Pick<BodyReading, 'context' | 'flat'>): boolean {
  const {context, flat} = reading
  let cursor = 0
  for (let index = 0; index < flat.gaps.length; index++) {
    const gap = flat.gaps[index]!
    if (gap.start !== cursor || gap.end < gap.start || !closesWritten(context, gap)) return false
    cursor = gap.end
    const item = flat.items[index]
    if (!item) break
    if (item.start !== cursor || item.end < item.start) return false
    cursor = item.end
  }
  return flat.gaps.length === flat.items.length + 1 && cursor === context.body.length
}

function commonPrefix(a: string, b: string): number {
  let at = 0
  while (at < a.length && at < b.length && a.charCodeAt(at) === b.charCodeAt(at)) at++
  return at
}

/**
 * Map offsets in a rewrite to offsets in what was read: an item written as
 * it was read maps offset for offset, a rewritten one to its edges, a gap
 * from its start.
 *
 * @param written - Each item, in order: where it went (offsets into the rewrite) and where it came from.
 * @param sourceLength - The length of what was read.
 */
function mapBack(written: Written[], sourceLength: number): OffsetMap {
  return (at, isEnd) => {
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
    if (!item) return Math.min(at, next ? next.from : sourceLength)
    if (at <= item.end) return item.same ? item.from + (at - item.start) : isEnd ? item.to : item.from
    return Math.min(item.to + (at - item.end), next ? next.from : sourceLength)
  }
}

/**
 * Whether `html` is written as it is: reading it changes nothing.
 *
 * @param html - Any HTML fragment.
 * @param settings - Schema and embed hosts.
 * @returns True when `cleanHtml` would give it back unchanged.
 * @example
 * isClean('<p>a</p>', {schema: defaultSchema, embedHosts: defaultEmbedHosts})
 * //=> true
 */
export function isClean(html: string, settings: SanitizeSettings): boolean {
  return readBody(html, settings).changes.length === 0
}

/**
 * A body rewritten: items and gaps nothing touched kept as written, the
 * others written from their sanitised nodes.
 *
 * @returns The text, where each item went (offsets in `html` and in the body read), and every gap and item as a piece of both (with where a rewritten gap wrote each of its nodes), for `reread`.
 */
export function rewriteBody(reading: Pick<BodyReading, 'context' | 'flat'>): {html: string; written: Written[]; pieces: Piece[]} {
  const {context, flat} = reading
  const clean = keptItems(context, flat)
  const written: Written[] = []
  const pieces: Piece[] = []
  let html = ''
  // `closed` as for `gapHtml`.
  const addGap = (gap: Gap, closed = false) => {
    const start = html.length
    if (!closed && !isRewritten(context, gap)) {
      html += context.body.slice(gap.start, gap.end)
      pieces.push({from: gap.start, to: gap.end, start, end: html.length, kept: true})
    } else {
      const parts: NonNullable<Piece['parts']> = []
      html += serializeGap(context, gap, start, parts)
      pieces.push({from: gap.start, to: gap.end, start, end: html.length, kept: false, parts})
    }
  }
  addGap(flat.gaps[0]!)
  for (let index = 0; index < flat.items.length; index++) {
    const item = flat.items[index]!
    const kept = clean[index]!
    const text = kept ? context.body.slice(item.start, item.end) : serializeItem(item)
    written.push({start: html.length, end: html.length + text.length, from: item.start, to: item.end, same: kept})
    pieces.push({from: item.start, to: item.end, start: html.length, end: html.length + text.length, kept, closes: kept && closesItself(context, item)})
    html += text
    addGap(flat.gaps[index + 1]!, !kept && !closesItself(context, item))
  }
  return {html, written, pieces}
}

/**
 * An item written from its nodes. A run's first and last text nodes may
 * reach past its edges into white space that the gaps around it hold
 * already: written again, it would grow at every round trip.
 */
export function serializeItem(item: Item): string {
  const html = serialize(item.nodes)
  return item.kind === 'run' ? trimWhere(html, isSpace) : html
}

/** Where an item went in a rewrite: `[start, end)` there, `[from, to)` in what was read; `same` when written as read. */
export interface Written {
  start: number
  end: number
  from: number
  to: number
  same: boolean
}

/** Whether a gap is written from its parts, not as read. */
function isRewritten(context: Context, gap: Gap): boolean {
  return context.isDirty(gap.start, gap.end) || !closesWritten(context, gap)
}

/**
 * A gap's HTML as it will be written: as read when nothing touched it and its end tags are its own, else rewritten.
 * `closed`: the item before it is rewritten and was closed by what the gap holds (`<h2>a</h3>`): written from its
 * nodes it closes itself, and the tag that closed it would be a stray one.
 */
export function gapHtml(context: Context, gap: Gap, closed = false): string {
  if (!closed && !isRewritten(context, gap)) return context.body.slice(gap.start, gap.end)
  return serializeGap(context, gap)
}

/** Which items can be kept as written, decided first: a neighbour's decision can change an item's. */
export function keptItems(context: Context, flat: Flat): boolean[] {
  // An element that does not close itself is closed by what follows: when the gap after it is rewritten, so is it.
  const clean = flat.items.map((item, index) => !context.isDirty(item.start, item.end) && (closesItself(context, item) || !isRewritten(context, flat.gaps[index + 1]!)))
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
export function closesItself(context: Context, item: Flat['items'][number]): boolean {
  const node = item.nodes.at(-1)
  if (!node || node.type !== 'element' || item.kind === 'run') return true
  if (voidElements.has(node.tagName)) return true
  return node.position?.end.offset === item.end && endsWithOwnEndTag(node, context.body)
}

/**
 * Whether an item holds a formatting element the parser reopened or copied (it has no tags of its own): the
 * adoption agency's copies (`<a>` left open into a `<p>` that holds another `<a>`) have no place and no mark.
 */
function holdsReopened(item: Item): boolean {
  const stack: ElementContent[] = [...item.nodes]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type !== 'element') continue
    if (isReopened(node) || (!node.position && formattingElements.has(node.tagName))) return true
    for (const child of node.children) stack.push(child)
  }
  return false
}

/** Whether every element a gap closes is closed by an end tag in it (not by the end of the body). */
function closesWritten(context: Context, gap: Gap): boolean {
  for (const part of gap.parts) {
    if (part.type !== 'close') continue
    const end = part.node.position?.end.offset
    if (end === undefined || end <= gap.start || end > gap.end || context.body.charCodeAt(end - 1) !== 62 /* > */) return false
  }
  return true
}

/** A gap written from its parts: white space, comments, and the tags of layout containers (where each went, when `placed` is given, from `offset`). */
function serializeGap(context: Context, gap: Gap, offset = 0, placed?: NonNullable<Piece['parts']>): string {
  let html = ''
  for (const part of gap.parts) {
    const start = html.length
    if (part.type === 'open') {
      const tag = serialize({...part.node, children: []})
      html += tag.slice(0, tag.lastIndexOf('</'))
    } else if (part.type === 'close') {
      // Written even where the source had none: left open, a layout element would take in the page after the post.
      html += `</${part.node.tagName}>`
    }
    // Text and comments from their values: their source may hold what made the gap need rewriting.
    else html += serialize(part.node)
    placed?.push({node: part.node, type: part.type, start: offset + start, end: offset + html.length})
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
