import type {Element, Root} from 'hast'
import type {DefaultTreeAdapterMap} from 'parse5'
import {fromParse5Fragment} from './from-parse5.ts'
import {limitNesting} from './limit-nesting.ts'
import {locatingParser} from './locations.ts'
import {joinTextRuns, readRunsWhole} from './text-runs.ts'

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
 * `parseFragment(html, {sourceCodeLocationInfo: true})`, with cheaper
 * locations (see locations.ts), and text runs and attribute values taken
 * whole (see text-runs.ts): the same result.
 *
 * @param html - An HTML fragment.
 * @returns parse5's fragment, with source locations.
 * @example
 * parseLocated('<p>Hi</p>').childNodes[0].sourceCodeLocation.endOffset
 * //=> 9
 */
export function parseLocated(html: string): DefaultTreeAdapterMap['documentFragment'] {
  const parser = locatingParser()
  joinTextRuns(parser)
  readRunsWhole(parser)
  parser.tokenizer.write(html, true)
  return parser.getFragment()
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
