import type {Element, ElementContent, Nodes as HastNodes, Text} from 'hast'
import type {Point} from 'unist'
import type {Nodes as MdastNodes, RootContent as MdastContent} from 'mdast'
import {toHast} from 'mdast-util-to-hast'
import {toHtml} from 'hast-util-to-html'
import type {Context} from './hast.ts'
import {isReopened, type Flat, type Gap, type GapPart, type Item} from './flatten.ts'
import {readMarkdown} from './markdown-chunks.ts'
import {markdownBudget, markdownCost} from './markdown-cost.ts'
import {maxDepth, parseBody} from './parse.ts'
import {sanitizeTree, type SanitizeSettings} from './sanitize.ts'
import {isSpaces} from './tag-scanner.ts'

/*
 * The top-level runs of loose inline content (text and inline elements
 * between block elements) are where bodies written for WordPress's wpautop
 * and Markdown-flavoured bodies keep their paragraphs, headings and lists.
 * A browser shows such a run as one line of text; the blog engine that
 * published it did not. So a run is read again, as that engine would:
 *
 * - Markdown (Jekyll `.md` posts, and `## ` lines between HTML blocks): when
 *   micromark finds a heading, fenced code, a list or a block quote in the
 *   run, each of its top-level Markdown blocks becomes an item of its own,
 *   built from the Markdown (through mdast-util-to-hast and the sanitiser)
 *   and kept as written (its source is the Markdown text).
 * - wpautop: otherwise, a run that holds blank lines becomes one paragraph
 *   per stretch between them, and a single newline in such a paragraph is
 *   a line break in its text, as wpautop's `<br />` makes it.
 *
 * Only runs the sanitiser left alone are read again, and a run is only cut
 * where its own text is (never inside an element), so the items and the
 * gaps between them still give the body back byte for byte.
 */

/** Markdown syntax that can start a block: what makes a run worth handing to micromark (after any line ending, a lone CR too, as micromark reads it). */
const markdownLine = /(?:^|[\r\n]) {0,3}(?:#{1,6}[ \t]|```|~~~|[-*+][ \t]+\S|\d{1,9}[.)][ \t]+\S|>)/

/**
 * Indented code would read any indented HTML text as code; setext headings
 * would read a line of text above `---` or `===` as a heading. Neither is
 * how the bodies we meet use them.
 */
const markdownOptions = {extensions: [{disable: {null: ['codeIndented', 'setextUnderline']}}]}

/** Block kinds that say a run is Markdown: paragraphs and raw HTML alone do not. */
const markdownBlocks = new Set(['heading', 'code', 'list', 'blockquote'])

/** Blank lines: a line break, then lines holding at most spaces and tabs (a CR before LF is not a line of its own). */
const blankLines = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)(?:[ \t]*(?:\r\n|\r(?!\n)|\n))*/g

/**
 * Markdown nested deeper than this (`> > > …`, `- - - …`, `**` inside
 * `**`) is not read as Markdown: mdast-util-to-hast and hast-util-to-html
 * recurse once per level, and each level may make two elements (a list and
 * its item) under the body's own cap (`maxDepth`).
 */
const maxMarkdownDepth = maxDepth / 2

/** One stretch of a run that becomes an item of its own. */
interface Segment {
  start: number
  end: number
  /** The element read from Markdown; undefined for a stretch of HTML. */
  node?: Element | undefined
}

/**
 * Read the runs of the flattened body again as wpautop or Markdown would
 * (see above), splitting them in place into several items.
 *
 * @param context - The body and what was sanitised.
 * @param flat - The flattened body (changed in place).
 * @param settings - The sanitiser's settings (for HTML made from Markdown).
 */
export function readRuns(context: Context, flat: Flat, settings: SanitizeSettings): void {
  const markdown = withinBudget(context, flat.items)
  for (let index = flat.items.length - 1; index >= 0; index--) {
    const item = flat.items[index]!
    if (!isReadable(context, item)) continue
    const segments = (markdown.has(item) ? markdownSegments(context.body, item, settings) : undefined) ?? paragraphSegments(context.body, item)
    if (!segments) continue
    const parts = partition(context.body, item, segments)
    if (!parts) continue
    // A stretch of comments alone (`<!--more-->`) shows nothing: it joins the gap, as between blocks.
    const kept: number[] = []
    segments.forEach((segment, at) => {
      if (segment.node || !parts.inside[at]!.every(isLayout)) kept.push(at)
    })
    if (kept.length === 0) continue
    const items = kept.map((at) => toItem(segments[at]!, parts.inside[at]!))
    const gapParts = (from: number, to: number) => {
      const between: GapPart[] = []
      for (let at = from; at < to; at++) {
        between.push(...parts.between[at]!)
        if (at + 1 < to) for (const node of parts.inside[at]!) between.push(node.type === 'comment' ? {type: 'comment', node} : {type: 'text', node: node as Text})
      }
      return between
    }
    const gaps: Gap[] = []
    for (let at = 1; at < kept.length; at++) gaps.push({start: items[at - 1]!.end, end: items[at]!.start, parts: gapParts(kept[at - 1]! + 1, kept[at]! + 1)})
    // What lies at the run's edges, outside its first and last items, joins the gaps around it.
    const before = flat.gaps[index]!
    const after = flat.gaps[index + 1]!
    before.parts.push(...gapParts(0, kept[0]! + 1))
    after.parts.unshift(...gapParts(kept.at(-1)! + 1, segments.length + 1))
    before.end = items[0]!.start
    after.start = items.at(-1)!.end
    flat.items.splice(index, 1, ...items)
    flat.gaps.splice(index + 1, 0, ...gaps)
  }
}

/** A run the sanitiser left alone, with no element the parser made up: what is read again. */
function isReadable(context: Context, item: Item): boolean {
  return item.kind === 'run' && !context.isDirty(item.start, item.end) && !item.nodes.some(isMadeUp)
}

/** The runs that look like Markdown and fit in `markdownBudget` (see markdown-cost.ts), the first ones first. */
function withinBudget(context: Context, items: Item[]): Set<Item> {
  const chosen = new Set<Item>()
  let left = markdownBudget
  for (const item of items) {
    if (!isReadable(context, item)) continue
    const source = context.body.slice(item.start, item.end)
    if (!markdownLine.test(source)) continue
    const cost = markdownCost(source)
    if (cost > left) continue
    left -= cost
    chosen.add(item)
  }
  return chosen
}

/** The run's Markdown blocks, when micromark finds any that HTML text would not have. */
function markdownSegments(body: string, item: Item, settings: SanitizeSettings): Segment[] | undefined {
  const source = body.slice(item.start, item.end)
  // Read in chunks, so the time stays linear in the run's length (see markdown-chunks.ts); undefined when a chunk would be too long.
  const children = readMarkdown(source, markdownOptions)
  if (!children?.some((node) => markdownBlocks.has(node.type))) return undefined
  if (children.some((node) => depthOf(node) > maxMarkdownDepth)) return undefined
  // A fence the run does not close is closed in another run, past HTML blocks: the code is not in this run.
  if (children.some((node) => node.type === 'code' && !isClosedFence(source.slice(node.position?.start.offset, node.position?.end.offset)))) return undefined
  const elements = elementRanges(item, source)
  for (const node of children) {
    // A Markdown block that cuts an element in two (`<b>` opened in one paragraph, closed in the next) is not one.
    if (cutsElement(elements, item.start + (node.position?.start.offset ?? 0)) || cutsElement(elements, item.start + (node.position?.end.offset ?? 0))) return undefined
  }
  const converted = children.filter((node) => expectedTag(node) !== undefined)
  const made = fromMarkdownNodes(converted, settings)
  if (!made) return undefined
  return children.map((node) => ({
    start: item.start + (node.position?.start.offset ?? 0),
    end: item.start + (node.position?.end.offset ?? 0),
    node: made.get(node)
  }))
}

/** The element mdast-util-to-hast makes of a Markdown block, by tag name; undefined for raw HTML and definitions (read as HTML). */
function expectedTag(node: MdastContent): string | undefined {
  if (node.type === 'heading') return `h${node.depth}`
  if (node.type === 'list') return node.ordered ? 'ol' : 'ul'
  return blockTags[node.type]
}

const blockTags: Record<string, string> = {paragraph: 'p', code: 'pre', blockquote: 'blockquote', thematicBreak: 'hr'}

/**
 * Markdown blocks as sanitised elements, read together (one parse and one
 * sanitising for the run): when the elements do not come out one per block
 * with the expected names (raw HTML in a block closed or opened more), each
 * block is read alone.
 */
function fromMarkdownNodes(nodes: MdastContent[], settings: SanitizeSettings): Map<MdastContent, Element> | undefined {
  const made = new Map<MdastContent, Element>()
  const elements = toElements({type: 'root', children: nodes}, settings)
  if (elements && elements.length === nodes.length && elements.every((element, index) => element.tagName === expectedTag(nodes[index]!))) {
    nodes.forEach((node, index) => made.set(node, elements[index]!))
    return made
  }
  for (const node of nodes) {
    const alone = toElements(node, settings)
    // A block whose HTML reads as more than one element (`x </p> y`) cannot be one item: the run is not read as Markdown.
    if (!alone || alone.length > 1) return undefined
    if (alone[0]) made.set(node, alone[0])
  }
  return made
}

/** The run's stretches between blank lines, when it has any (in its own text, not inside an element). */
function paragraphSegments(body: string, item: Item): Segment[] | undefined {
  const source = body.slice(item.start, item.end)
  const elements = elementRanges(item, source)
  const segments: Segment[] = []
  let start = item.start
  for (const match of source.matchAll(blankLines)) {
    const end = item.start + match.index
    if (cutsElement(elements, end)) continue
    segments.push({start, end})
    start = end + match[0].length
  }
  if (segments.length === 0) return undefined
  segments.push({start, end: item.end})
  return segments
}

/**
 * Markdown as sanitised elements: mdast-util-to-hast writes it (its HTML as
 * raw HTML), and it is parsed and sanitised as any HTML is. Positions are
 * dropped: they point into that HTML, not the body. Undefined when the HTML
 * reads as anything but elements and white space.
 */
function toElements(node: MdastNodes, settings: SanitizeSettings): Element[] | undefined {
  const hast = toHast(node, {allowDangerousHtml: true})
  const html = toHtml(hast, {allowDangerousHtml: true})
  const {tree} = parseBody(html)
  sanitizeTree(tree, {...settings, source: html})
  const elements: Element[] = []
  for (const child of tree.children) {
    if (child.type === 'element') elements.push(child)
    // Text or a comment beside the elements is raw HTML that closed its block early: no element holds it.
    else if (child.type !== 'text' || !isSpaces(child.value)) return undefined
  }
  for (const element of elements) dropPositions(element)
  return elements
}

/** A segment as an item: a Markdown block, or the run's own nodes that lie in it. */
function toItem(segment: Segment, nodes: ElementContent[]): Item {
  const {start, end, node} = segment
  if (node) return {kind: /^h[1-6]$/.test(node.tagName) ? 'heading' : 'block', nodes: [node], start, end}
  return {kind: 'run', nodes, start, end, breaks: true}
}

/** The run's nodes, cut where the segments start and end. */
interface Parts {
  /** The nodes in each segment. */
  inside: ElementContent[][]
  /** What lies before each segment (after the one before it), and after the last: `segments.length + 1` lists. */
  between: GapPart[][]
}

/**
 * Share the run's nodes out among its segments and the stretches between
 * them, without parsing again: elements and comments are never cut (a cut
 * inside one is refused before), and a text node is cut at the offsets,
 * through its source when that is its value (no character references, no
 * CR), else by reading each piece of source alone.
 *
 * @returns The parts, or undefined when a node has no place in the source.
 */
function partition(body: string, item: Item, segments: Segment[]): Parts | undefined {
  const inside: ElementContent[][] = segments.map(() => [])
  const between: GapPart[][] = [[], ...segments.map(() => [])]
  // Region 2k + 1 is segment k; region 2k is what comes before it; edges[r] is where region r ends.
  const edges: number[] = []
  for (const segment of segments) edges.push(segment.start, segment.end)
  edges.push(Number.POSITIVE_INFINITY)
  const add = (region: number, node: ElementContent) => {
    if (region % 2 === 1) inside[(region - 1) / 2]!.push(node)
    else if (node.type === 'comment' || node.type === 'text') between[region / 2]!.push(node.type === 'comment' ? {type: 'comment', node} : {type: 'text', node})
    else return false
    return true
  }
  let region = 0
  for (const node of item.nodes) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return undefined
    while (start >= edges[region]!) region++
    if (node.type !== 'text') {
      if (!add(region, node)) return undefined
      continue
    }
    const same = body.slice(start, end) === node.value
    // White space of the run's edge text that lies outside the run is the gaps' already.
    const last = Math.min(end, item.end)
    for (let from = Math.max(start, item.start); from < last; ) {
      while (from >= edges[region]!) region++
      const to = Math.min(last, edges[region]!)
      const value = same ? node.value.slice(from - start, to - start) : textIn(body.slice(from, to))
      add(region, {type: 'text', value, position: {start: pointAt(node, from, 'start'), end: pointAt(node, to, 'end')}})
      from = to
    }
  }
  return {inside, between}
}

/** The point at an offset inside a text node: its own start or end point there, else one that has only the offset. */
function pointAt(node: ElementContent, offset: number, edge: 'start' | 'end'): Point {
  const own = node.position![edge]
  return own.offset === offset ? own : {line: 0, column: 0, offset}
}

/** The text a piece of a text node's source reads as (character references decoded, line endings normalised). */
function textIn(source: string): string {
  const {tree} = parseBody(source)
  let value = ''
  for (const child of tree.children) if (child.type === 'text') value += child.value
  return value
}

/**
 * Body ranges that must not be cut: the run's elements and comments (a cut
 * would split their source), and Liquid's `{% highlight %}` blocks, which
 * Jekyll turns into code before any Markdown or wpautop reads the text.
 */
function elementRanges(item: Item, source: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const match of source.matchAll(liquidHighlight)) ranges.push([item.start + match.index, item.start + match.index + match[0].length])
  for (const node of item.nodes) {
    if (node.type === 'text') continue
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined) ranges.push([start, end])
  }
  // Sorted and merged, so each cut is a binary search: a long run may hold many elements and many blank lines.
  ranges.sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const range of ranges) {
    const last = merged.at(-1)
    if (last && range[0] < last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}

function isLayout(node: ElementContent): boolean {
  return node.type === 'comment' || (node.type === 'text' && isSpaces(node.value))
}

const liquidHighlight = /\{%-?[ \t]*highlight\b[\s\S]*?\{%-?[ \t]*endhighlight[ \t]*-?%\}/g

/**
 * Whether the source of a Markdown code block ends with a closing fence: its
 * last line, after the first, of the opening fence's character and at least
 * as long (CommonMark's rule; a shorter fence or the other character is code).
 */
function isClosedFence(source: string): boolean {
  const lines = source.split(/\r\n|\r|\n/)
  const opening = openingFence.exec(lines[0]!)?.[1]
  const closing = closingFence.exec(lines.at(-1)!)?.[1]
  return lines.length > 1 && opening !== undefined && closing !== undefined && closing[0] === opening[0] && closing.length >= opening.length
}

const openingFence = /^ {0,3}(`{3,}|~{3,})/
const closingFence = /^ {0,3}(`{3,}|~{3,})[ \t]*$/

/** Whether an offset falls strictly inside one of the sorted, disjoint ranges. */
function cutsElement(ranges: Array<[number, number]>, offset: number): boolean {
  let low = 0
  let high = ranges.length
  // The first range that starts at or after the offset; the one before it is the only candidate.
  while (low < high) {
    const middle = (low + high) >> 1
    if (ranges[middle]![0] < offset) low = middle + 1
    else high = middle
  }
  const range = ranges[low - 1]
  return range !== undefined && offset < range[1]
}

/** An element the parser made up or reopened has no source of its own to cut around: such runs are left as they are. */
function isMadeUp(node: ElementContent): boolean {
  return node.type === 'element' && (!node.position || isReopened(node))
}

/** How deep a Markdown tree nests (a leaf is 1), without recursion. */
function depthOf(node: MdastNodes): number {
  let deepest = 0
  const stack: Array<[MdastNodes, number]> = [[node, 1]]
  while (stack.length > 0) {
    const [next, depth] = stack.pop()!
    if (depth > deepest) deepest = depth
    if ('children' in next) for (const child of next.children) stack.push([child, depth + 1])
  }
  return deepest
}

function dropPositions(node: HastNodes): void {
  const stack: HastNodes[] = [node]
  while (stack.length > 0) {
    const next = stack.pop()!
    delete next.position
    if ('children' in next) for (const child of next.children) stack.push(child)
  }
}
