import type {Element, Root} from 'hast'
import {defaultTreeAdapter, Parser, type DefaultTreeAdapterMap, type Token} from 'parse5'
import {fromParse5Fragment} from './from-parse5.ts'
import {limitNesting} from './limit-nesting.ts'
import {joinTextRuns} from './text-runs.ts'

type ParentNode = DefaultTreeAdapterMap['parentNode']
type ChildNode = DefaultTreeAdapterMap['childNode']

/** How deep elements may nest: Chromium's HTML parser stops at 512. */
export const maxDepth = 512

/** The body, parsed. */
export interface ParsedBody {
  tree: Root
  /** Offsets (into the body) of the elements whose content was moved up because it nested too deeply. */
  flattened: number[]
}

/**
 * Parse an HTML body into a hast tree with positions, as rehype-parse does,
 * but with nesting capped at `maxDepth` the way browsers cap it.
 *
 * parse5 copes with any depth, but turning its tree into hast recurses, so
 * deeper content is moved up (in order) before the conversion: that keeps
 * every later walk, ours or a dependency's, far from the stack limit.
 *
 * @param html - The body (positions are offsets into it).
 * @returns The tree, and where nesting was capped.
 * @example
 * parseBody('<p>Hi</p>').tree.children[0].tagName
 * //=> 'p'
 */
export function parseBody(html: string): ParsedBody {
  const limited = limitNesting(html, maxDepth)
  const fragment = parseLocated(limited.html)
  const flattened = [...limited.cut, ...capDepth(fragment)]
  const tree = fromParse5Fragment(fragment, html)
  forgetReopenedElements(tree)
  return {tree, flattened}
}

/**
 * A formatting element the parser reopened (`<b>` again after `<p><b></p>`)
 * has no tag of its own in the source: parse5 gives it the original's start.
 * Such copies lose their position, so they count as made up, like an implied
 * `<tbody>`: they are looked through, and never written out as tags (a parser
 * reading the same source reopens them again).
 */
declare module 'hast' {
  interface Data {
    /** A formatting element the parser reopened: it has no tags in the source. */
    reopened?: boolean
  }
}

function forgetReopenedElements(tree: Root): void {
  const starts = new Set<number>()
  const stack: Array<Root | Element> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (let index = node.children.length - 1; index >= 0; index--) {
      const child = node.children[index]!
      if (child.type === 'element') stack.push(child)
    }
    if (node.type !== 'element' || !node.position) continue
    const start = node.position.start.offset!
    if (starts.has(start)) {
      delete node.position
      node.data = {...node.data, reopened: true} as Element['data']
    } else starts.add(start)
  }
}

/**
 * `parseFragment(html, {sourceCodeLocationInfo: true})`, with cheaper end
 * locations and text runs kept whole (same result).
 *
 * @param html - An HTML fragment.
 * @returns parse5's fragment, with source locations.
 * @example
 * parseLocated('<p>Hi</p>').childNodes[0].sourceCodeLocation.endOffset
 * //=> 9
 */
export function parseLocated(html: string): DefaultTreeAdapterMap['documentFragment'] {
  // parse5's `parseFragment`, with a parser of our own to adjust.
  const parser = Parser.getFragmentParser(null, {sourceCodeLocationInfo: true, treeAdapter})
  joinTextRuns(parser)
  attachWithoutCopy(parser)
  parser.tokenizer.write(html, true)
  return parser.getFragment()
}

/**
 * parse5's default tree, with locations of one shape. parse5 hands nodes
 * locations of several shapes (a token's, a spread copy with `startTag`
 * and per-attribute `attrs`) and replaces them with a spread copy at every
 * end update (each text run, each element end): the property accesses on
 * them go megamorphic, and the copies were the largest single cost of a
 * parse. Here every node gets a fresh object with the fields the hast
 * conversion reads, always in the same order, and ends are written into it.
 */
const treeAdapter: typeof defaultTreeAdapter = {
  ...defaultTreeAdapter,
  setNodeSourceCodeLocation(node, location) {
    node.sourceCodeLocation = location ? locationOf(location, (location as Partial<Token.ElementLocation>).startTag) : location
  },
  updateNodeSourceCodeLocation(node, end) {
    const location = node.sourceCodeLocation as Located | null | undefined
    if (!location) {
      node.sourceCodeLocation = {...end} as Token.ElementLocation
      return
    }
    location.endLine = end.endLine!
    location.endCol = end.endCol!
    location.endOffset = end.endOffset!
    if (end.endTag) location.endTag = end.endTag
  }
}

/** The parts of parse5's parser `attachWithoutCopy` replaces and calls (not in its public types). */
interface Attaching {
  treeAdapter: typeof treeAdapter
  _attachElementToTree?: (element: ChildNode, location: Token.Location | null, at: {parent: ParentNode; beforeElement?: ChildNode}) => void
}

/**
 * parse5 hands each new element a spread copy of its start tag's location
 * (`{...location, startTag: location}`), which the tree adapter then copies
 * into its own shape: one object too many per element, and a slow spread.
 * This gives the adapter's shape straight from the tag's location. A parse5
 * without the method is left as it is.
 */
function attachWithoutCopy(parser: Parser<DefaultTreeAdapterMap>): void {
  const internals = parser as unknown as Attaching
  if (typeof internals._attachElementToTree !== 'function') return
  const adapter = internals.treeAdapter
  internals._attachElementToTree = (element, location, at) => {
    element.sourceCodeLocation = location ? locationOf(location, location) : null
    if (at.beforeElement) adapter.insertBefore(at.parent, element, at.beforeElement)
    else adapter.appendChild(at.parent, element)
  }
}

/** A node's location as the hast conversion reads it (no per-attribute locations). */
interface Located {
  startLine: number
  startCol: number
  startOffset: number
  endLine: number
  endCol: number
  endOffset: number
  startTag: Token.Location | undefined
  endTag: Token.Location | undefined
}

function locationOf(location: Token.Location, startTag: Token.Location | undefined): Token.ElementLocation {
  const result: Located = {
    startLine: location.startLine,
    startCol: location.startCol,
    startOffset: location.startOffset,
    endLine: location.endLine,
    endCol: location.endCol,
    endOffset: location.endOffset,
    startTag,
    endTag: undefined
  }
  return result as Token.ElementLocation
}

function childrenOf(node: ParentNode): ChildNode[] {
  // A `<template>`'s children live in its content fragment.
  return 'content' in node && node.content ? (node.content.childNodes as ChildNode[]) : node.childNodes
}

/** Move content deeper than `maxDepth` up, iteratively; returns where. */
function capDepth(root: ParentNode): number[] {
  const flattened: number[] = []
  const stack: Array<[ParentNode, number]> = [[root, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    const children = childrenOf(node)
    if (depth < maxDepth) {
      for (const child of children) {
        if ('childNodes' in child) stack.push([child as ParentNode, depth + 1])
      }
      continue
    }
    if (!children.some((child) => 'childNodes' in child && childrenOf(child as ParentNode).length > 0)) continue
    // At the cap: every descendant becomes a child of this node, in document order.
    const flat: ChildNode[] = []
    const pending: ChildNode[] = [...children].reverse()
    while (pending.length > 0) {
      const child = pending.pop()!
      flat.push(child)
      if ('childNodes' in child) {
        const grandchildren = childrenOf(child as ParentNode)
        for (let index = grandchildren.length - 1; index >= 0; index--) pending.push(grandchildren[index]!)
        grandchildren.length = 0
      }
    }
    for (const child of flat) child.parentNode = node as never
    children.length = 0
    // A loop, not push(...flat): spreading 100,000 arguments overflows the stack.
    for (const child of flat) children.push(child)
    const location = (node as {sourceCodeLocation?: {startOffset: number} | null}).sourceCodeLocation
    flattened.push(location ? location.startOffset : 0)
  }
  return flattened
}
