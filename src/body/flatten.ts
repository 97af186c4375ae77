import type {Comment, Element, ElementContent, Nodes, Root, RootContent, Text} from 'hast'
import {isSpace, isSpaces, lastEndTagStart, tagEnd} from './tag-scanner.ts'

/** A top-level piece of the body: a heading, a block element, or a run of loose inline content. */
export interface Item {
  kind: 'heading' | 'block' | 'run'
  /** One element, or the nodes of a run. */
  nodes: ElementContent[]
  /** Body offsets. */
  start: number
  end: number
  /** A run read as wpautop reads it: a newline in its text is a line break (see `readRuns`). */
  breaks?: boolean
}

/** What lies between two items: white space, comments, and the tags of layout containers. */
export interface Gap {
  start: number
  end: number
  parts: GapPart[]
}

/** One piece of a gap. */
export type GapPart =
  | {type: 'text'; node: Text}
  | {type: 'comment'; node: Comment}
  | {type: 'open'; node: Element}
  | {type: 'close'; node: Element}

/** The body as a flat sequence: `gaps[i]` comes before `items[i]`, and `gaps[items.length]` ends it. */
export interface Flat {
  items: Item[]
  gaps: Gap[]
}

const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

// Containers that only lay out or format their content: when they hold blocks, they are see-through.
// Inline ones are here because misnested tags (`<b>` never closed) make parsers wrap whole posts in them.
const containers = new Set([
  'div', 'section', 'article', 'main', 'header', 'footer', 'center', 'aside', 'nav', 'hgroup', 'address',
  'font', 'span', 'a', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'del', 'ins', 'small', 'big', 'mark', 'sub', 'sup', 'tt', 'code', 'cite', 'q', 'abbr', 'dfn', 'kbd', 'samp', 'var', 'time'
])

const blockLevel = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'table', 'ul', 'ol', 'dl', 'blockquote', 'pre', 'figure', 'hr',
  'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address', 'center', 'details', 'hgroup',
  'iframe', 'video', 'audio', 'picture'
])

/** Whether an element starts a block of its own (rather than joining a run of inline content). */
export function isBlockLevel(node: ElementContent | RootContent): boolean {
  return node.type === 'element' && blockLevel.has(node.tagName)
}

/**
 * Whether a layout container should be looked through: it holds blocks (not
 * counting parser artifacts), directly or inside containers of its own
 * (`<div><font><p>`, or the `<b><b>` a parser reopens around a whole post).
 */
export function isTransparent(node: Element): boolean {
  if (!containers.has(node.tagName)) return false
  const stack: Element[] = [node]
  while (stack.length > 0) {
    for (const child of stack.pop()!.children) {
      if (child.type !== 'element') continue
      if (isBlockLevel(child) && !isArtifact(child)) return true
      if (containers.has(child.tagName)) stack.push(child)
    }
  }
  return false
}

/** A formatting element the parser reopened (see `parseBody`): it has no tags in the source. */
export function isReopened(node: Nodes): boolean {
  return node.type === 'element' && node.data?.reopened === true
}

/**
 * An element the parser made up that shows nothing (`<p></p>` for a stray
 * `</p>`, a reopened empty `<b>`) and holds no element that was written.
 */
export function isArtifact(node: ElementContent | RootContent): boolean {
  return node.type === 'element' && !node.position && isBlank(node)
}

/**
 * Flatten the sanitised body into items and the gaps between them.
 *
 * Layout containers (the Tistory wrapper, Blogger's and WordPress's divs)
 * are looked through, so headings inside them still make sections; their
 * tags go into the gaps, where the renderer finds them again. Where the
 * parser moved a node into another's source (foster parenting, the adoption
 * agency), one item takes in all that overlaps, with the gaps and the
 * containers between: nothing read is dropped. Iterative.
 *
 * @param tree - The sanitised body.
 * @param body - The body source (runs are trimmed of white space by it).
 * @returns The items and gaps.
 */
export function flatten(tree: Root, body: string): Flat {
  const length = body.length
  const items: Item[] = []
  const gaps: Gap[] = []
  let gap: Gap = {start: 0, end: 0, parts: []}
  let run: Item | undefined
  let cursor = 0

  // Whether the last item pushed took in a container still being walked (see `pushItem`): its frames are gone.
  const closeRun = (): boolean => {
    if (!run) return false
    // Trailing white space of a run belongs to the next gap.
    while (run.nodes.length > 1 && isWhitespace(run.nodes.at(-1)!)) {
      const node = run.nodes.pop() as Text
      gapParts.unshift({type: 'text', node})
    }
    // The last node that has a place in the source ends the run (made-up nodes have none).
    run.end = run.start
    for (const node of run.nodes) run.end = Math.max(run.end, endOf(node, run.end))
    // White space at the run's edges is layout, wherever text nodes happen to split; so are stray
    // end tags that a text node's source swallowed (`text</div>` with no open `<div>`).
    const real = run.nodes.filter((node) => !isArtifact(node))
    const textFirst = real[0]?.type === 'text'
    const textLast = real.at(-1)?.type === 'text'
    for (let changed = true; changed; ) {
      changed = false
      while (run.start < run.end && isSpace(body.charCodeAt(run.start))) run.start++
      while (run.end > run.start && isSpace(body.charCodeAt(run.end - 1))) run.end--
      const head = textFirst ? strayEndTag.exec(body.slice(run.start, Math.min(run.end, run.start + 256))) : null
      if (head) {
        run.start += head[0].length
        changed = true
      }
      if (textLast && body.charCodeAt(run.end - 1) === 62 /* > */) {
        // The end tag that ends exactly here, read as a browser reads it (its "attributes" may hold `<`).
        for (let open = lastEndTagStart(body, run.end - 1, run.start), tries = 0; open !== -1 && tries < 8; open = lastEndTagStart(body, open - 1, run.start), tries++) {
          if (!/[a-zA-Z]/.test(body.charAt(open + 2))) continue
          if (tagEnd(body, open + 2) === run.end) {
            run.end = open
            changed = true
            break
          }
        }
      }
    }
    const item = run
    const trailing = gapParts
    gapParts = []
    run = undefined
    // Taken in whole, a container holds the trailing white space too.
    const took = pushItem(item)
    if (!took) for (const part of trailing) gap.parts.push(part)
    return took
  }
  let gapParts: GapPart[] = []

  /**
   * Add an item. One that starts before the cursor lies in the source of items before it (the parser moved it
   * there: foster parenting, the adoption agency): it joins every item its source reaches back into, with the
   * gaps between them, so that nothing read is lost and the item's source is one slice of the body. A container
   * whose end tag falls in the join is taken in whole, from its start tag on; one still being walked is taken in
   * whole too, and its walk ends (what is left of it is inside it).
   */
  const pushItem = (item: Item): boolean => {
    if (items.length === 0 || item.start >= cursor) {
      gap.end = Math.max(gap.start, item.start)
      gaps.push(gap)
      items.push(item)
      cursor = Math.max(cursor, item.end)
      gap = {start: cursor, end: cursor, parts: []}
      return false
    }
    let first = items.length - 1
    let start = Math.min(items[first]!.start, item.start)
    while (first > 0 && items[first - 1]!.end > start) start = Math.min(start, items[--first]!.start)
    const joined: Array<GapPart | {type: 'node'; node: ElementContent}> = []
    for (let index = first; index < items.length; index++) {
      if (index > first) joined.push(...gaps[index]!.parts)
      for (const node of items[index]!.nodes) joined.push({type: 'node', node})
    }
    joined.push(...gap.parts)
    for (const node of item.nodes) joined.push({type: 'node', node})
    // A container closed in the join but opened before it: the join reaches back to its start tag.
    for (let orphan = orphanClose(joined); orphan; orphan = orphanClose(joined)) {
      let from = first
      let at = -1
      while (from >= 0 && (at = gaps[from]!.parts.findIndex((part) => part.type === 'open' && part.node === orphan)) < 0) from--
      // Every close part follows its open part (they are written as the walk enters and leaves the container).
      const before: typeof joined = [...gaps[from]!.parts.slice(at)]
      for (let index = from; index < first; index++) {
        for (const node of items[index]!.nodes) before.push({type: 'node', node})
        before.push(...gaps[index + 1]!.parts)
      }
      gaps[from]!.parts.length = at
      joined.unshift(...before)
      first = from
      start = Math.min(start, items[first]!.start, startOf(orphan, start))
    }
    let end = item.end
    for (let index = first; index < items.length; index++) end = Math.max(end, items[index]!.end)
    // Containers opened in the join become nodes, whole; one left open is still being walked.
    const nodes: ElementContent[] = []
    const opens: number[] = []
    let took: Element | undefined
    for (const part of joined) {
      if (part.type === 'open') {
        opens.push(nodes.length)
        nodes.push(part.node)
      } else if (part.type === 'close') {
        nodes.length = opens.pop()! + 1
        end = Math.max(end, endOf(part.node, end))
      } else nodes.push(part.node)
    }
    if (opens.length > 0) {
      took = nodes[opens[0]!] as Element
      nodes.length = opens[0]! + 1
      end = Math.max(end, endOf(took, end))
      // Its frame and those inside it: what they have left to walk is in it.
      while (stack.length > 0 && stack.pop()!.container !== took) continue
    }
    items.length = first
    gaps.length = first + 1
    const before = gaps[first]!
    before.end = Math.max(before.start, Math.min(before.end, start))
    items.push({kind: 'block', nodes, start, end})
    cursor = Math.max(cursor, end)
    gap = {start: cursor, end: cursor, parts: []}
    return took !== undefined
  }

  const addGap = (part: GapPart) => {
    if (run) gapParts.push(part)
    else gap.parts.push(part)
  }

  // Frames: the children being walked, where we are, and the container they are in.
  const stack: Array<{children: RootContent[]; index: number; container?: Element}> = [{children: tree.children, index: 0}]
  while (stack.length > 0) {
    const frame = stack.at(-1)!
    if (frame.index >= frame.children.length) {
      if (frame.container && !isReopened(frame.container)) {
        if (closeRun()) continue
        gap.parts.push({type: 'close', node: frame.container})
        cursor = Math.max(cursor, endOf(frame.container, cursor))
      }
      stack.pop()
      continue
    }
    const node = frame.children[frame.index++]!
    if (node.type === 'doctype') continue
    if (node.type === 'comment') {
      if (run) {
        run.nodes.push(node)
        continue
      }
      addGap({type: 'comment', node})
      continue
    }
    if (node.type === 'text' && isWhitespace(node)) {
      if (run) run.nodes.push(node)
      else addGap({type: 'text', node})
      continue
    }
    if (isArtifact(node)) {
      // An element the parser made up (a reopened `<b>` around blank lines, `<p>` for a stray `</p>`):
      // its source, if any, is layout text, read as it is.
      if (run) run.nodes.push(node)
      else addGap({type: 'text', node: {type: 'text', value: ''}})
      continue
    }
    if (node.type === 'element' && isTransparent(node)) {
      // A reopened copy has no tags in the source: a run goes on through its edges, as it does once a rewrite closed it.
      if (!isReopened(node)) {
        if (closeRun()) continue
        const start = node.position?.start.offset
        if (start !== undefined && start < cursor) {
          // Its start tag lies inside the item before (the adoption agency split an element open around it,
          // `<a><div><p>a</p><a>b</a></div>`): its tags cannot sit in a gap there, so it joins that item whole.
          pushItem({kind: 'block', nodes: [node], start, end: endOf(node, start)})
          continue
        }
        gap.parts.push({type: 'open', node})
      }
      stack.push({children: node.children, index: 0, container: node})
      continue
    }
    if (node.type === 'element' && isBlockLevel(node)) {
      if (closeRun()) continue
      const start = startOf(node, cursor)
      pushItem({kind: headings.has(node.tagName) ? 'heading' : 'block', nodes: [node], start, end: endOf(node, start)})
      continue
    }
    // Loose inline content: text, links, bold, images, line breaks.
    if (run && gapParts.length > 0) {
      // White space or comments waited to see whether the run goes on: it does.
      for (const part of gapParts) run.nodes.push(part.node)
      gapParts = []
    }
    if (!run) {
      const start = startOf(node, cursor)
      run = {kind: 'run', nodes: [], start, end: start}
    }
    run.nodes.push(node as ElementContent)
  }
  closeRun()
  gap.end = Math.max(length, gap.start)
  gaps.push(gap)
  return {items, gaps}
}

const strayEndTag = /^<\/[a-zA-Z][^<>]*>/

/** The first container closed in a join whose start tag is not in it. */
function orphanClose(joined: Array<GapPart | {type: 'node'}>): Element | undefined {
  const opened = new Set<Element>()
  for (const part of joined) {
    if (part.type === 'open') opened.add(part.node)
    else if (part.type === 'close' && !opened.has(part.node)) return part.node
  }
  return undefined
}

function isWhitespace(node: RootContent | ElementContent): boolean {
  return node.type === 'text' && isSpaces(node.value)
}

/** Where a node starts; an element the parser made up starts where its first positioned descendant does. */
function startOf(node: RootContent | ElementContent, fallback: number): number {
  return edgeOf(node, 'start', fallback)
}

/** Where a node ends; for a made-up element, where its last positioned descendant does. */
function endOf(node: RootContent | ElementContent, fallback: number): number {
  return edgeOf(node, 'end', fallback)
}

/** The first (`start`) or last (`end`) offset a node or its descendants have in the source. */
function edgeOf(node: RootContent | ElementContent, edge: 'start' | 'end', fallback: number): number {
  const stack: Array<RootContent | ElementContent> = [node]
  while (stack.length > 0) {
    const next = stack.pop()!
    const offset = next.position?.[edge].offset
    if (offset !== undefined) return offset
    if (next.type !== 'element') continue
    // Pushed so that the child nearest the edge is popped first.
    const children = next.children
    if (edge === 'start') for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!)
    else for (const child of children) stack.push(child)
  }
  return fallback
}

/** No text but white space, no element that shows anything (images, rules, embeds), and none that was written. */
function isBlank(node: Element): boolean {
  const stack: ElementContent[] = [...node.children]
  while (stack.length > 0) {
    const next = stack.pop()!
    if (next.type === 'text' && !isWhitespace(next)) return false
    if (next.type === 'element') {
      if (next.position) return false
      if (next.tagName === 'img' || next.tagName === 'hr' || next.tagName === 'iframe' || next.tagName === 'br') return false
      stack.push(...next.children)
    }
  }
  return true
}
