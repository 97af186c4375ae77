import type {Root, RootContent} from 'mdast'
import type {Node} from 'unist'
import {fromMarkdown} from 'mdast-util-from-markdown'

/*
 * micromark's time grows faster than the length on documents with many
 * containers: each time a list or block quote ends, its document tokenizer
 * moves the container's exit events back before the line that ended it
 * with an `EditMap`, and `EditMap.consume` copies the whole event list of
 * the document so far to do so (micromark/lib/initialize/document.js; the
 * `SpliceBuffer` of micromark/micromark#171 fixed the same copying in
 * `subtokenize`, not there). So a long run is read in chunks, each parsed
 * alone, and its blocks' positions shifted by the chunk's start: the time
 * is then linear in the run's length.
 *
 * A chunk starts only before a line that is an ATX heading at column 0
 * (`#` to `######` and a space, tab or the line's end) and that is not in a
 * fenced code block or an HTML block open at the top level. Such a line
 * reads the same in the chunk as in the whole run, and so does all before
 * it:
 *
 * - a heading interrupts a paragraph, and is neither its lazy continuation
 *   nor a list item's continuation (which needs indentation) nor a block
 *   quote's (which needs `>`), so every block and container open before it
 *   ends at its line, and none of them goes on into the next chunk;
 * - a fenced code block or an HTML block is only open at the line if it is
 *   open at the top level (one in a container ends with the container).
 *   Those are followed line by line as a set of what may be open: a line
 *   that may open one (any `` ``` ``, `~~~` or `<` after white space, also
 *   inside a container or when it is not a valid opening) adds both "it
 *   opened" and "it did not" (for an indented fence: "it is in a list
 *   item", which a line indented as much closes, so that closing the fence
 *   leaves nothing open), and each possibility ends only where micromark
 *   ends it (a closing fence as long, a blank line, or the end marker of
 *   comments, `<script>`-like elements, `<?`, `<!X` and CDATA; both when
 *   it is unsure whether the opening line holds its own end). A cut needs
 *   "nothing open" to be the only possibility; a possibility too many only
 *   costs a cut;
 * - inline content never crosses a block, and setext headings and indented
 *   code are off (see `markdownOptions` in runs.ts), so no line reads back;
 * - link reference definitions are the one thing that reaches across the
 *   whole document, so a run that may hold one (`]:` anywhere) is not cut.
 */

/** The chunk size aimed at: a few KB, where micromark's time is still linear. */
const chunkLength = 4096

/**
 * The longest chunk read as Markdown: a run that has a longer stretch
 * without a place to cut is not read as Markdown at all (the caller reads
 * it as wpautop paragraphs). This bounds the worst case: one chunk of this
 * size takes about a second on a busy two-core machine.
 */
export const maxChunkLength = 16_384

const lineEnding = /\r\n|\r|\n/g
const atxHeading = /^#{1,6}(?:[ \t]|$)/
const fenceOpening = /^[ \t]*(`{3,}|~{3,})/
const htmlOpening = /^[ \t]*</
/** A list item or block quote whose first line may open a fence or an HTML block (`` - ``` ``, `> 1. <div>`). */
const itemOpening = /^(?:[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])|[ \t]*>)+[ \t]*(?:`{3,}|~{3,}|<)/
const blankLine = /^[ \t]*$/

/**
 * HTML blocks that end at a marker rather than at a blank line: their
 * opening, and their end marker. Whether the marker may overlap the opening
 * (`<!-->`, `<?>`) is left open: both are taken as possible.
 */
const htmlEnds: Array<[opening: RegExp, end: RegExp]> = [
  [/^[ \t]*<(?:script|pre|style|textarea)(?=[\t >]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^[ \t]*<!--/, /-->/],
  [/^[ \t]*<\?/, /\?>/],
  [/^[ \t]*<!\[CDATA\[/, /\]\]>/],
  [/^[ \t]*<![A-Za-z]/, />/]
]

/**
 * What may be open after a line, each as a key: `free` (nothing),
 * `fence <marker> <size>`, `inner <marker> <size> <column>` (a fence in a
 * list item, indented that far), `item` (a container that opened a fence
 * or HTML block on its first line, until a line at column 0), `html`
 * (ended by a blank line) or `html <index in htmlEnds>`. Only `free` alone
 * allows a cut: micromark ends a list item whose last block is still open
 * at a chunk's end one character later than where a heading ends it.
 */
type Open = Set<string>

/** More possibilities than this (fences of many sizes) and the run is cut no more: a bound on the work per line. */
const maxPossibilities = 32

/**
 * The offsets where a run can be cut into chunks that read alone as they
 * read in the whole run (see above); empty when it cannot be cut.
 *
 * @param source - The run's text.
 * @returns Increasing offsets, each the start of a line, none 0.
 */
export function cutPoints(source: string): number[] {
  if (source.includes(']:')) return []
  const cuts: number[] = []
  let open: Open = new Set(['free'])
  let start = 0
  while (open.size <= maxPossibilities) {
    lineEnding.lastIndex = start
    const match = lineEnding.exec(source)
    const end = match ? match.index : source.length
    const line = source.slice(start, end)
    if (start > 0 && open.size === 1 && open.has('free') && atxHeading.test(line)) cuts.push(start)
    const after: Open = new Set()
    for (const key of open) for (const next of afterLine(key, line)) after.add(next)
    open = after
    if (!match) break
    start = end + match[0].length
  }
  return cuts
}

/** What may be open after a line, given one thing that may be open before it. */
function afterLine(key: string, line: string): string[] {
  const [kind, first, second, third] = key.split(' ')
  if (kind === 'fence') return closesFence(first!, second!, line) ? ['free'] : [key]
  if (kind === 'inner') {
    if (blankLine.test(line)) return [key]
    const indent = indentOf(line)
    const inItem = closesFence(first!, second!, line) ? ['free'] : [key]
    // Indented as much as the fence, a line is in its list item; less, the item may have ended (surely, at column 0).
    if (indent >= Number(third)) return inItem
    return indent === 0 ? afterLine('free', line) : [...afterLine('free', line), ...inItem]
  }
  // A container opened a fence or HTML block on its marker's line: a chunk must not end while the container does.
  if (kind === 'item') return blankLine.test(line) || /^[ \t]/.test(line) ? [key] : afterLine('free', line)
  if (kind === 'html' && first === undefined) return blankLine.test(line) ? ['free'] : [key]
  if (kind === 'html') return htmlEnds[Number(first)]![1].test(line) ? ['free'] : [key]
  // micromark ends a list item whose last block is still open one character later at a document's end than where
  // a heading ends it: a chunk may not end in one.
  if (itemOpening.test(line)) return ['free', 'item']
  const fence = fenceOpening.exec(line)
  if (fence) {
    const marker = fence[1]!
    // An info string with a backtick makes a backtick line no fence.
    if (marker[0] === '`' && line.slice(fence[0].length).includes('`')) return ['free']
    const opened = `fence ${marker[0]} ${marker.length}`
    // At column 0 a fence is surely at the top level: a container would need `>` or indentation, and a paragraph is interrupted.
    if (fence[0].length === marker.length) return [opened]
    // Indented, it opens one at the top level or in a list item; in the item it may also close one its first line opened
    // (`- ```` is not seen as a fence), which counts as one it opened: either way nothing is open at the top level.
    return [opened, `inner ${marker[0]} ${marker.length} ${indentOf(line)}`]
  }
  if (!htmlOpening.test(line)) return ['free']
  const atColumn0 = line[0] === '<'
  for (const [index, [opening, end]] of htmlEnds.entries()) {
    const found = opening.exec(line)
    if (!found) continue
    // Surely ended on its own line only when the marker lies wholly after the opening; surely open when the line has no marker.
    if (end.test(line.slice(found[0].length))) return ['free']
    const next = end.test(line) ? ['free', `html ${index}`] : [`html ${index}`]
    // These openings interrupt a paragraph: at column 0 one is surely at the top level.
    return atColumn0 ? next : ['free', 'html', ...next]
  }
  // Whether the line opens an HTML block that a blank line ends depends on the tag and on what is before it: both may be.
  return ['free', 'html']
}

/** Whether a line closes a fence of that marker and size: the marker at least as long, then only white space. */
export function closesFence(marker: string, size: string, line: string): boolean {
  return new RegExp(`^[ \\t]*${marker === '`' ? '`' : '~'}{${size},}[ \\t]*$`).test(line)
}

/** A line's indentation in columns (a tab to the next multiple of 4, as CommonMark counts it). */
export function indentOf(line: string): number {
  let column = 0
  for (const character of line) {
    if (character === ' ') column++
    else if (character === '\t') column += 4 - (column % 4)
    else break
  }
  return column
}

/**
 * Read a run as Markdown, in chunks of about `size` characters cut where
 * they read alone as in the whole run (see above), each chunk's nodes
 * shifted to their place in the run.
 *
 * @param source - The run's text.
 * @param options - micromark's options (the same for every chunk).
 * @param size - The chunk size aimed at (smaller only in tests).
 * @returns The top-level Markdown nodes, or undefined when a stretch without a place to cut is longer than `maxChunkLength`.
 */
export function readMarkdown(source: string, options: Parameters<typeof fromMarkdown>[1], size = chunkLength): RootContent[] | undefined {
  const cuts = cutPoints(source)
  const chunks: number[] = [0]
  for (const [index, cut] of cuts.entries()) {
    // Taken at the size, or short of it when the chunk would reach past the cap before the next place to cut.
    const next = cuts[index + 1] ?? source.length
    if (cut - chunks.at(-1)! >= size || next - chunks.at(-1)! > maxChunkLength) chunks.push(cut)
  }
  chunks.push(source.length)
  const nodes: RootContent[] = []
  let line = 0
  let counted = 0
  for (let index = 0; index + 1 < chunks.length; index++) {
    const start = chunks[index]!
    const end = chunks[index + 1]!
    if (end - start > maxChunkLength) return undefined
    line += lineCount(source, counted, start)
    counted = start
    const tree: Root = fromMarkdown(source.slice(start, end), options)
    for (const node of tree.children) {
      if (start > 0) shift(node, start, line)
      nodes.push(node)
    }
  }
  return nodes
}

/** How many line endings lie between two offsets (a CR before LF is one with it). */
function lineCount(source: string, from: number, to: number): number {
  let count = 0
  for (let at = from; at < to; at++) {
    const code = source.charCodeAt(at)
    if (code === 10 || (code === 13 && source.charCodeAt(at + 1) !== 10)) count++
  }
  return count
}

/** Move a node and all below it by an offset and a count of lines (columns stay: a chunk starts at a line's start). */
function shift(node: Node, offset: number, lines: number): void {
  const stack: Node[] = [node]
  while (stack.length > 0) {
    const next = stack.pop()!
    const position = next.position
    if (position) {
      position.start = {...position.start, line: position.start.line + lines, offset: (position.start.offset ?? 0) + offset}
      position.end = {...position.end, line: position.end.line + lines, offset: (position.end.offset ?? 0) + offset}
    }
    if ('children' in next && Array.isArray(next.children)) stack.push(...(next.children as Node[]))
  }
}
