/**
 * Plain text of hast nodes, exactly as hast-util-to-text (4.x) gives it,
 * without its garbage.
 *
 * hast-util-to-text builds a list of strings and "required line break
 * counts" for every node, concatenating lists up the tree, and joins the
 * root's list at the end (empty strings dropped, breaks at either end
 * dropped, a run of breaks between two strings written as the largest:
 * `0` a space, `1` a line feed, `2` a blank line). The walk below makes the
 * same items in the same order but writes them straight into one string,
 * remembering only the largest break since the last string. Everything it
 * decides per element (not rendered, `hidden`, `<br>`, rows, cells, `<p>`,
 * block-level elements, `white-space` from `<pre>`, `<textarea>`, `nowrap`…)
 * follows hast-util-to-text's `collectElement` rule for rule; only nesting
 * deeper than `maxDepth` is left to hast-util-to-text itself.
 */
import type {Element, ElementContent} from 'hast'
import {toText} from 'hast-util-to-text'
import {isArtifact} from './flatten.ts'

// hast-util-to-text's `blockOrCaptionNames`: a line break before and after (two for `<p>`).
const blockOrCaption = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'dialog', 'dir', 'dl', 'dt', 'div',
  'figure', 'figcaption', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'section', 'ul', 'xmp'
])

// hast-util-to-text's `notRenderedNames`: they and their content show nothing.
const notRendered = new Set(['datalist', 'head', 'noembed', 'noframes', 'noscript', 'rp', 'script', 'style', 'template', 'title'])

// hast-util-to-text's `tablePartNames`: white space between them in a table, row group or row is not rendered.
const tableParts = new Set(['caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr'])

// Elements whose `white-space` is not `normal` (hast-util-to-text's `inferWhitespace`; `td` and `th` with `noWrap` too).
// Every value but `normal` keeps texts as they are, and nothing inside sets it back.
const preformatted = new Set(['listing', 'plaintext', 'xmp', 'nobr', 'pre', 'textarea'])

// Deeper than this, hast-util-to-text does the work (it recurses just the same; parseBody caps nesting at 512 anyway).
const maxDepth = 1024

// What needs more than slicing a text: a segment break, a tab, two spaces, or a bidi control (removed).
const needsWork = /[\t\n\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]| {2}/
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
const spacesAndTabs = /[\t ]+/g
const whitespaceOnly = /^[\t\n\f\r ]+$/
const blankLines = /^[\t ]*\n[\t\n ]*$/

/** The text being written, as hast-util-to-text's final join would write it. */
interface Writer {
  value: string
  /** `-2`: nothing written yet (breaks are dropped), `-1`: a string last, `0`–`2`: the largest break since. */
  state: number
}

/** A parent as the walk sees it: an element, or the root made of a run's nodes. */
type Parent = Element | {type: 'root'; tagName?: undefined; children: ElementContent[]}

/**
 * Plain text of nodes, as `innerText` would give it (hast-util-to-text),
 * trimmed. Given an array, elements the parser made up (`isArtifact`) are
 * left out: they show nothing, but would add line breaks between texts.
 *
 * @param nodes - An element, or the nodes of a run.
 * @returns The same string as hast-util-to-text's `toText`, trimmed.
 */
export function textOf(nodes: ElementContent | ElementContent[]): string {
  const writer: Writer = {value: '', state: -2}
  if (Array.isArray(nodes)) {
    const root: Parent = {type: 'root', children: withoutArtifacts(nodes)}
    if (!writeChildren(writer, root, false, false, false, undefined, 0)) return toText(root).trim()
  } else if (nodes.type === 'element') {
    // The root itself is never hidden or left out, and adds no breaks of its own; its kind still matters to its content.
    const tag = nodes.tagName
    const block = blockOrCaption.has(tag)
    const pre = preformatted.has(tag) || ((tag === 'td' || tag === 'th') && Boolean(nodes.properties?.noWrap))
    if (!writeChildren(writer, nodes, block, block, pre, undefined, 0)) return toText(nodes).trim()
  } else {
    // A text or comment alone: normal white space, with a break on either side.
    writeText(writer, nodes.value, true, true)
  }
  return writer.value.trim()
}

/** The nodes without parser artifacts; the same array when there are none (the usual case). */
function withoutArtifacts(nodes: ElementContent[]): ElementContent[] {
  for (const node of nodes) if (isArtifact(node)) return nodes.filter((child) => !isArtifact(child))
  return nodes
}

/**
 * Write the content of a parent (hast-util-to-text's loop over children).
 * `first` and `last`: whether a break is before its first child and after
 * its last; `pre`: white space is kept; `rowAfter`: whether a row follows
 * the parent in its table. Returns false to give up (too deep).
 */
function writeChildren(writer: Writer, parent: Parent, first: boolean, last: boolean, pre: boolean, rowAfter: boolean | undefined, depth: number): boolean {
  const children = parent.children
  if (!children) return true
  const tag = parent.tagName
  const isTable = tag === 'table'
  const isRowGroup = tag === 'tbody' || tag === 'thead' || tag === 'tfoot'
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    if (node.type === 'text') {
      const value = node.value
      // White space around table parts, in a table, row group or row, is not rendered.
      if ((isTable || isRowGroup || tag === 'tr') && whitespaceOnly.test(value) && isTablePartOrNone(children[index - 1]) && isTablePartOrNone(children[index + 1])) continue
      if (pre) {
        write(writer, value)
        continue
      }
      const next = children[index + 1]
      // A text's trailing white space goes when a `<br>` follows (any `<br>`, even a hidden one).
      const after = next === undefined ? last : next.type === 'element' && next.tagName === 'br'
      writeText(writer, value, index === 0 && first, after)
    } else if (node.type === 'element') {
      // Whether a row comes later in the nearest table: only tables and row groups pass it on.
      const childRowAfter = isTable ? hasLater(children, index, isRowOrGroupWithRow) : isRowGroup ? rowAfter : undefined
      if (!writeElement(writer, node, children, index, pre, childRowAfter, depth + 1)) return false
    }
    // Comments (and anything else) show nothing.
  }
  return true
}

/** Write an element (hast-util-to-text's `collectElement`). */
function writeElement(writer: Writer, node: Element, siblings: ElementContent[], position: number, pre: boolean, rowAfter: boolean | undefined, depth: number): boolean {
  const tag = node.tagName
  const properties = node.properties
  // Checked before anything else: such an element and its content show nothing.
  if (notRendered.has(tag) || properties?.hidden || (tag === 'dialog' && !properties?.open)) return true
  if (depth > maxDepth) return false
  const isCell = tag === 'td' || tag === 'th'
  const kept = pre || preformatted.has(tag) || (isCell && Boolean(properties?.noWrap))
  // A break before and after: a line feed string after a `<br>` or a row with rows after it, 2 around `<p>`, 1 around blocks.
  let breaks = 0
  let lineFeed = false
  if (tag === 'br' || (tag === 'tr' && (rowAfter || hasLater(siblings, position, isRow)))) lineFeed = true
  else if (tag === 'p') breaks = 2
  else if (blockOrCaption.has(tag)) breaks = 1
  if (breaks > 0) writeBreak(writer, breaks)
  if (!writeChildren(writer, node, breaks > 0, breaks > 0 || lineFeed, kept, rowAfter, depth)) return false
  // A tab after a cell that is not the last of its row.
  if (isCell && hasLater(siblings, position, isCellElement)) write(writer, '\t')
  if (breaks > 0) writeBreak(writer, breaks)
  else if (lineFeed) write(writer, '\n')
  return true
}

function isTablePartOrNone(node: ElementContent | undefined): boolean {
  return node === undefined || (node.type === 'element' && tableParts.has(node.tagName))
}

/** Whether an element after `index` passes `test`. */
function hasLater(nodes: ElementContent[], index: number, test: (node: Element) => boolean): boolean {
  for (let at = index + 1; at < nodes.length; at++) {
    const node = nodes[at]!
    if (node.type === 'element' && test(node)) return true
  }
  return false
}

function isRow(node: Element): boolean {
  return node.tagName === 'tr'
}

function isCellElement(node: Element): boolean {
  return node.tagName === 'td' || node.tagName === 'th'
}

function isRowOrGroupWithRow(node: Element): boolean {
  const tag = node.tagName
  if (tag === 'tr') return true
  if (tag !== 'tbody' && tag !== 'thead' && tag !== 'tfoot') return false
  for (const child of node.children) if (child.type === 'element' && child.tagName === 'tr') return true
  return false
}

/** Append a string item; the empty string is no item at all. */
function write(writer: Writer, value: string): void {
  if (value === '') return
  const state = writer.state
  if (state >= 0) writer.value += state === 0 ? ' ' : state === 1 ? '\n' : '\n\n'
  writer.value += value
  writer.state = -1
}

/** Append a break item (`0` a space, `1` a line feed, `2` a blank line): only the largest between two strings counts. */
function writeBreak(writer: Writer, count: number): void {
  if (writer.state !== -2 && count > writer.state) writer.state = count
}

/**
 * Write a text with normal white space, as hast-util-to-text's `collectText`:
 * split at line feeds, each line's spaces and tabs collapsed (and trimmed at
 * a break), lines joined by a break unless a zero-width space touches it,
 * empty first and last lines a break.
 */
function writeText(writer: Writer, value: string, before: boolean, after: boolean): void {
  if (!needsWork.test(value)) {
    // One line, single spaces only: at most a space to drop at either end.
    let start = 0
    let end = value.length
    if (before && end > 0 && value.charCodeAt(0) === 32) start = 1
    if (after && end > start && value.charCodeAt(end - 1) === 32) end--
    const line = start === 0 && end === value.length ? value : value.slice(start, end)
    if (line === '') writeBreak(writer, 0)
    else write(writer, line)
    return
  }

  // Spaces and tabs around line feeds (between block tags, mostly): every line is empty, which is one break.
  if (blankLines.test(value)) {
    writeBreak(writer, 0)
    return
  }

  // `join`: whether a break goes before the next non-empty line.
  let join = false
  let start = 0
  let feed = value.indexOf('\n')
  let line = collapse(value.slice(0, feed === -1 ? value.length : feed), before, feed === -1 ? after : true)
  for (let index = 0; ; index++) {
    const isLast = feed === -1
    let next: string | undefined
    if (!isLast) {
      start = feed + 1
      feed = value.indexOf('\n', start)
      next = collapse(value.slice(start, feed === -1 ? value.length : feed), true, feed === -1 ? after : true)
    }
    if (line.charCodeAt(line.length - 1) === 0x20_0b || (next !== undefined && next.charCodeAt(0) === 0x20_0b)) {
      // A zero-width space next to a segment break removes it.
      write(writer, line)
      join = false
    } else if (line !== '') {
      if (join) writeBreak(writer, 0)
      write(writer, line)
      join = true
    } else if (index === 0 || isLast) {
      writeBreak(writer, 0)
    }
    if (next === undefined) return
    line = next
  }
}

/** One line: bidi controls removed, runs of spaces and tabs to one space, dropped next to a break. */
function collapse(line: string, before: boolean, after: boolean): string {
  let value = line.replace(bidiControls, '').replace(spacesAndTabs, ' ')
  if (before && value.charCodeAt(0) === 32) value = value.slice(1)
  if (after && value.charCodeAt(value.length - 1) === 32) value = value.slice(0, -1)
  return value
}
