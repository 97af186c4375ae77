import type {Element, ElementContent, Nodes, Properties} from 'hast'
import {attributeName} from './attribute-name.ts'
import {toHtml} from 'hast-util-to-html'
import {isArtifact, isReopened} from './flatten.ts'
import {endsTagName, lastEndTagStart, tagEnd} from './tag-scanner.ts'
import type {Attributes} from '../types.ts'

export {textOf} from './text.ts'

/** What block builders need to know about the body. */
export interface Context {
  /** The body source. */
  body: string
  /** Whether anything was sanitised between these body offsets. */
  isDirty(start: number, end: number): boolean
}

/** Text with white space and no-break spaces collapsed, for headings and matching. */
export function cleanText(value: string): string {
  return value.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim()
}

/** Serialise nodes the way hast-util-to-html does, for content the sanitiser changed. */
export function serialize(nodes: Nodes | Nodes[]): string {
  const tree: Nodes = Array.isArray(nodes) ? {type: 'root', children: nodes as ElementContent[]} : nodes
  return toHtml(keepPreNewline(dropArtifacts(tree)))
}

/**
 * Leave out elements the parser made up: one that shows nothing (an empty
 * `<p>` for a stray `</p>`) would parse back as a real one, and a reopened
 * `<b>` has no tags in the source (a parser reopens it again): only its
 * content is written.
 */
function dropArtifacts(tree: Nodes): Nodes {
  let found = false
  const stack: Nodes[] = [tree]
  while (stack.length > 0 && !found) {
    const node = stack.pop()!
    if ('children' in node) for (const child of node.children) (isArtifact(child) || isReopened(child) ? (found = true) : stack.push(child))
  }
  if (!found) return tree
  const copy = JSON.parse(JSON.stringify(tree)) as Nodes
  const pending: Nodes[] = [copy]
  while (pending.length > 0) {
    const node = pending.pop()!
    if (!('children' in node)) continue
    const children: Nodes[] = []
    // A loop, so a reopened element inside a reopened one is unwrapped too.
    const queue: Nodes[] = [...node.children].reverse()
    while (queue.length > 0) {
      const child = queue.pop()!
      if (isArtifact(child as ElementContent)) continue
      if (child.type === 'element' && isReopened(child)) {
        for (let index = child.children.length - 1; index >= 0; index--) queue.push(child.children[index]!)
        continue
      }
      children.push(child)
    }
    node.children = children as typeof node.children
    for (const child of children) pending.push(child)
  }
  return copy
}

const newlineAfterStartTag = new Set(['pre', 'textarea', 'listing'])

/**
 * A parser drops one newline right after `<pre>`; hast-util-to-html does not
 * write it back, so a `<pre>` whose text starts with a newline would lose
 * one at every round trip. Returns a copy with the newline doubled, when needed.
 */
function keepPreNewline(tree: Nodes): Nodes {
  let found = false
  const stack: Nodes[] = [tree]
  while (stack.length > 0 && !found) {
    const node = stack.pop()!
    if (node.type === 'element' && newlineAfterStartTag.has(node.tagName) && startsWithNewline(node)) found = true
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
  if (!found) return tree
  const copy = JSON.parse(JSON.stringify(tree)) as Nodes
  const pending: Nodes[] = [copy]
  while (pending.length > 0) {
    const node = pending.pop()!
    if (node.type === 'element' && newlineAfterStartTag.has(node.tagName) && startsWithNewline(node)) {
      const first = node.children[0] as {value: string}
      first.value = '\n' + first.value
    }
    if ('children' in node) for (const child of node.children) pending.push(child)
  }
  return copy
}

function startsWithNewline(node: Element): boolean {
  const first = node.children[0]
  return first?.type === 'text' && first.value.charCodeAt(0) === 10
}

function range(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

/** The source of a node as written, or its serialisation when the sanitiser changed it. */
export function outerHtml(context: Context, node: Nodes): string {
  const place = range(node)
  if (!place || context.isDirty(place[0], place[1])) return serialize(node)
  return context.body.slice(place[0], place[1])
}

/** The inner source of an element as written, or the serialisation of its children when changed. */
export function innerHtml(context: Context, node: Element): string {
  const place = range(node)
  if (place && !context.isDirty(place[0], place[1])) {
    const inner = innerRange(context.body, node.tagName, place[0], place[1])
    if (inner) return context.body.slice(inner[0], inner[1])
  }
  return serialize(node.children)
}

/**
 * Where the content of an element is in the source: after its start tag
 * and before its end tag (if it has one).
 */
export function innerRange(body: string, tagName: string, start: number, end: number): [number, number] | undefined {
  // The start tag ends where a browser's tokenizer ends it (quotes, `=` and all).
  const open = tagEnd(body, start + 1)
  if (open === -1 || open > end) return undefined
  let close = end
  const at = lastEndTagStart(body, end - 1, open)
  if (at !== -1 && isEndTagOf(body, at + 2, end, tagName)) close = at
  return [open, close]
}

/**
 * Whether `body` from `from` to `end` is the rest of an end tag of `tagName`
 * (any case), read without copies: the name, then white space, attributes or
 * `/` up to its `>`, which a browser reads and ignores in an end tag.
 */
function isEndTagOf(body: string, from: number, end: number, tagName: string): boolean {
  let index = from
  for (let offset = 0; offset < tagName.length; offset++, index++) {
    // ASCII letters only fold; tag names here are lowercase.
    let code = body.charCodeAt(index)
    if (code >= 65 && code <= 90) code += 32
    if (code !== tagName.charCodeAt(offset)) return false
  }
  return endsTagName(body.charCodeAt(index)) && tagEnd(body, index) === end
}

/** Attributes of an element, by HTML attribute name, as strings. */
export function attributesOf(node: Element): Attributes | undefined {
  let result: Attributes | undefined
  for (const key of Object.keys(node.properties)) {
    const value = node.properties[key]
    if (value === undefined || value === null || value === false) continue
    const info = attributeName(key)
    result ??= {}
    result[info.attribute] = stringifyProperty(value, info.commaSeparated)
  }
  return result
}

/** A property value as an attribute string. */
export function stringifyProperty(value: Properties[string], commaSeparated = false): string {
  if (value === true) return ''
  if (Array.isArray(value)) return value.join(commaSeparated ? ', ' : ' ')
  return String(value ?? '')
}

/** A string property of an element, or undefined. */
export function stringProperty(node: Element, key: string): string | undefined {
  const value = node.properties[key]
  if (value === undefined || value === null || value === false) return undefined
  return stringifyProperty(value, key === 'srcSet')
}

/** Element children only (no text or comments). */
export function elementChildren(node: Element | {children: ElementContent[]}): Element[] {
  return node.children.filter((child): child is Element => child.type === 'element')
}

/** The first descendant element named `tagName` (breadth-first, iterative). */
export function findElement(node: Element, tagName: string): Element | undefined {
  const queue: Element[] = [node]
  for (let index = 0; index < queue.length; index++) {
    for (const child of queue[index]!.children) {
      if (child.type !== 'element') continue
      if (child.tagName === tagName) return child
      queue.push(child)
    }
  }
  return undefined
}
