import type {Comment, Element, ElementContent, Nodes, Root, RootContent, Text} from 'hast'
import {isSpace, tagEnd} from './tag-scanner.ts'

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
 * tags go into the gaps, where the renderer finds them again. Iterative.
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

  const closeRun = () => {
    if (!run) return
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
        for (let open = body.lastIndexOf('</', run.end - 1), tries = 0; open >= run.start && tries < 8; open = body.lastIndexOf('</', open - 1), tries++) {
          if (!/[a-zA-Z]/.test(body.charAt(open + 2))) continue
          if (tagEnd(body, open + 2) === run.end) {
            run.end = open
            changed = true
            break
          }
        }
      }
    }
    pushItem(run)
    const trailing = gapParts
    gapParts = []
    for (const part of trailing) gap.parts.push(part)
    run = undefined
  }
  let gapParts: GapPart[] = []

  const pushItem = (item: Item) => {
    const previous = items.at(-1)
    if (previous && item.start < cursor) {
      // parse5 moved a node into another's source (foster parenting): one item covers both, as HTML.
      previous.kind = 'block'
      for (const node of item.nodes) previous.nodes.push(node)
      previous.start = Math.min(previous.start, item.start)
      previous.end = Math.max(previous.end, item.end)
      // The grown item may now reach back into earlier ones: they join too.
      while (items.length > 1 && items.at(-2)!.end > items.at(-1)!.start) {
        const last = items.pop()!
        gaps.pop()
        const joined = items.at(-1)!
        joined.kind = 'block'
        for (const node of last.nodes) joined.nodes.push(node)
        joined.start = Math.min(joined.start, last.start)
        joined.end = Math.max(joined.end, last.end)
      }
      // Its gap must stop where it now starts.
      const before = gaps.at(-1)!
      before.end = Math.max(before.start, Math.min(before.end, items.at(-1)!.start))
      cursor = Math.max(cursor, item.end)
      gap = {start: cursor, end: cursor, parts: []}
      return
    }
    gap.end = Math.max(gap.start, item.start)
    gaps.push(gap)
    items.push(item)
    cursor = Math.max(cursor, item.end)
    gap = {start: cursor, end: cursor, parts: []}
  }

  const addGap = (part: GapPart) => {
    if (run) gapParts.push(part)
    else gap.parts.push(part)
  }

  // Frames: the children being walked, where we are, and (once asked) the earliest start after each child.
  const stack: Array<{children: RootContent[]; index: number; container?: Element; later?: number[]}> = [{children: tree.children, index: 0}]
  while (stack.length > 0) {
    const frame = stack.at(-1)!
    if (frame.index >= frame.children.length) {
      stack.pop()
      if (frame.container && !isReopened(frame.container)) {
        closeRun()
        gap.parts.push({type: 'close', node: frame.container})
        cursor = Math.max(cursor, endOf(frame.container, cursor))
      }
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
    // A container the parser moved out of a table (foster parenting) starts after the table does: not looked through, it
    // joins the table's item whole, as its tags cannot sit in a gap inside the table's source.
    if (node.type === 'element' && isTransparent(node) && !startsAfterLater(frame, node)) {
      // A reopened copy has no tags in the source: a run goes on through its edges, as it does once a rewrite closed it.
      if (!isReopened(node)) {
        closeRun()
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
      closeRun()
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

/** Whether a sibling after the frame's current child starts before it in the source (the parser moved the child there). */
function startsAfterLater(frame: {children: RootContent[]; index: number; later?: number[]}, node: Element): boolean {
  const start = node.position?.start.offset
  if (start === undefined) return false
  if (!frame.later) {
    // The earliest start among the siblings after each child, built once per frame.
    const later: number[] = []
    let earliest = Infinity
    for (let index = frame.children.length - 1; index >= 0; index--) {
      later[index] = earliest
      earliest = Math.min(earliest, frame.children[index]!.position?.start.offset ?? Infinity)
    }
    frame.later = later
  }
  return frame.later[frame.index - 1]! < start
}


function isWhitespace(node: RootContent | ElementContent): boolean {
  return node.type === 'text' && !/[^ \t\n\f\r]/.test(node.value)
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
