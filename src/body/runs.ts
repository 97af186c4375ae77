import type {Element, ElementContent, Nodes as HastNodes, RootContent} from 'hast'
import type {Nodes as MdastNodes, RootContent as MdastContent} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {toHast} from 'mdast-util-to-hast'
import {toHtml} from 'hast-util-to-html'
import type {Context} from './hast.ts'
import {isReopened, type Flat, type Gap, type Item} from './flatten.ts'
import {parseBody} from './parse.ts'
import {sanitizeTree, type SanitizeSettings} from './sanitize.ts'

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

/** Markdown syntax that can start a block: what makes a run worth handing to micromark. */
const markdownLine = /(?:^|\n) {0,3}(?:#{1,6}[ \t]|```|~~~|[-*+][ \t]+\S|\d{1,9}[.)][ \t]+\S|>)/

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
  for (let index = flat.items.length - 1; index >= 0; index--) {
    const item = flat.items[index]!
    if (item.kind !== 'run' || context.isDirty(item.start, item.end) || item.nodes.some(isMadeUp)) continue
    const segments = markdownSegments(context.body, item, settings) ?? paragraphSegments(context.body, item)
    if (!segments) continue
    // A stretch of comments alone (`<!--more-->`) shows nothing: it joins the gap, as between blocks.
    const items = segments.map((segment) => toItem(context.body, segment)).filter((next) => next.kind !== 'run' || !next.nodes.every(isLayout))
    if (items.length === 0) continue
    const gaps: Gap[] = []
    for (let at = 1; at < items.length; at++) gaps.push(gapOf(context.body, items[at - 1]!.end, items[at]!.start))
    // What was dropped at the run's edges joins the gaps around it.
    const before = flat.gaps[index]!
    const after = flat.gaps[index + 1]!
    if (items[0]!.start > item.start) before.parts.push(...gapOf(context.body, item.start, items[0]!.start).parts)
    if (items.at(-1)!.end < item.end) after.parts.unshift(...gapOf(context.body, items.at(-1)!.end, item.end).parts)
    before.end = items[0]!.start
    after.start = items.at(-1)!.end
    flat.items.splice(index, 1, ...items)
    flat.gaps.splice(index + 1, 0, ...gaps)
  }
}

/** The run's Markdown blocks, when micromark finds any that HTML text would not have. */
function markdownSegments(body: string, item: Item, settings: SanitizeSettings): Segment[] | undefined {
  const source = body.slice(item.start, item.end)
  if (!markdownLine.test(source)) return undefined
  const tree = fromMarkdown(source, markdownOptions)
  if (!tree.children.some((node) => markdownBlocks.has(node.type))) return undefined
  // A fence the run does not close is closed in another run, past HTML blocks: the code is not in this run.
  if (tree.children.some((node) => node.type === 'code' && !isClosedFence(source.slice(node.position?.start.offset, node.position?.end.offset)))) return undefined
  const elements = elementRanges(item, source)
  const segments: Segment[] = []
  for (const node of tree.children) {
    const start = item.start + (node.position?.start.offset ?? 0)
    const end = item.start + (node.position?.end.offset ?? 0)
    // A Markdown block that cuts an element in two (`<b>` opened in one paragraph, closed in the next) is not one.
    if (cutsElement(elements, start) || cutsElement(elements, end)) return undefined
    segments.push({start, end, node: node.type === 'html' ? undefined : fromMarkdownNode(node, settings)})
  }
  return segments
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
 * One Markdown block as a sanitised element: mdast-util-to-hast writes it
 * (its HTML as raw HTML), and it is parsed and sanitised as any HTML is.
 * Positions are dropped: they point into that HTML, not the body.
 */
function fromMarkdownNode(node: MdastContent, settings: SanitizeSettings): Element | undefined {
  const hast = toHast(node as MdastNodes, {allowDangerousHtml: true})
  const html = toHtml(hast, {allowDangerousHtml: true})
  const {tree} = parseBody(html)
  sanitizeTree(tree, {...settings, source: html})
  const element = tree.children.find((child): child is Element => child.type === 'element')
  if (!element) return undefined
  dropPositions(element)
  return element
}

/** A segment as an item: a Markdown block, or a run read again from its slice of the body. */
function toItem(body: string, segment: Segment): Item {
  const {start, end, node} = segment
  if (node) return {kind: /^h[1-6]$/.test(node.tagName) ? 'heading' : 'block', nodes: [node], start, end}
  // The slice is the run's own source cut where only text is: parsed alone, it reads as it did in place.
  const {tree} = parseBody(body.slice(start, end))
  for (const child of tree.children) shiftPositions(child, start)
  return {kind: 'run', nodes: tree.children as ElementContent[], start, end, breaks: true}
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

/** The text between two items of a run, as a gap: its white space and comments. */
function gapOf(body: string, start: number, end: number): Gap {
  const {tree} = parseBody(body.slice(start, end))
  const parts: Gap['parts'] = []
  for (const node of tree.children) {
    if (node.type === 'comment') parts.push({type: 'comment', node})
    else if (node.type === 'text') parts.push({type: 'text', node})
  }
  return {start, end, parts}
}

function isLayout(node: RootContent): boolean {
  return node.type === 'comment' || (node.type === 'text' && /^[\t\n\f\r ]*$/.test(node.value))
}

const liquidHighlight = /\{%-?[ \t]*highlight\b[\s\S]*?\{%-?[ \t]*endhighlight[ \t]*-?%\}/g

/** Whether the source of a Markdown code block ends with a closing fence (its last line, after a first one). */
function isClosedFence(source: string): boolean {
  const lines = source.split(/\r\n|\r|\n/)
  return lines.length > 1 && closingFence.test(lines.at(-1)!)
}

const closingFence = /^ {0,3}(?:`{3,}|~{3,})[ \t]*$/

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

function dropPositions(node: HastNodes): void {
  const stack: HastNodes[] = [node]
  while (stack.length > 0) {
    const next = stack.pop()!
    delete next.position
    if ('children' in next) for (const child of next.children) stack.push(child)
  }
}

function shiftPositions(node: RootContent, by: number): void {
  const stack: HastNodes[] = [node]
  while (stack.length > 0) {
    const next = stack.pop()!
    if (next.position) {
      const {start, end} = next.position
      next.position = {start: {...start, offset: (start.offset ?? 0) + by}, end: {...end, offset: (end.offset ?? 0) + by}}
    }
    if ('children' in next) for (const child of next.children) stack.push(child)
  }
}
