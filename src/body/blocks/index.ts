import type {Element} from 'hast'
import type {Block} from '../../types.ts'
import {attributesOf, serialize, textOf, type Context} from '../hast.ts'
import type {Item} from '../flatten.ts'
import {figure} from './figure.ts'
import {list} from './list.ts'
import {paragraph, run} from './paragraph.ts'
import {table} from './table.ts'
import {code} from './code.ts'
import {embed, html, quote, rule} from './other.ts'

/** A block without the fields the article builder adds. */
export type BareBlock = Block extends infer B ? (B extends Block ? Omit<B, 'position' | 'source'> : never) : never

type Handler = (context: Context, node: Element) => BareBlock

/** One handler per element that has a block type of its own; anything else becomes an `html` block. */
const handlers: Record<string, Handler> = {
  p: paragraph,
  figure,
  ul: list,
  ol: list,
  table,
  blockquote: quote,
  pre: code,
  hr: rule,
  iframe: embed
}

/**
 * Turn one item of the flattened body into a block. Unknown elements become
 * `html` blocks: lossless, never dropped, never a throw.
 *
 * @param context - The body and what was sanitised.
 * @param item - A `block` or `run` item.
 * @returns The block, with its outer element's attributes.
 */
export function toBlock(context: Context, item: Item): BareBlock {
  if (item.kind === 'run') return run(context, item.nodes, item.start, item.end, item.breaks === true)
  // Nodes the parser moved into each other's source (foster parenting) stay together, as HTML.
  if (item.nodes.length > 1) return {type: 'html', text: textOf(item.nodes), html: context.isDirty(item.start, item.end) ? serialize(item.nodes) : context.body.slice(item.start, item.end)}
  const node = item.nodes[0] as Element
  const handler = handlers[node.tagName] ?? (isInlineOnly(node) ? paragraph : html)
  const block = handler(context, node)
  const attributes = attributesOf(node)
  if (attributes && block.type !== 'html') block.attributes = attributes
  return block
}

// A `<div>` of inline content is a paragraph in Blogger's and WordPress's markup.
function isInlineOnly(node: Element): boolean {
  if (node.tagName !== 'div') return false
  for (const child of node.children) {
    if (child.type === 'element' && !inline.has(child.tagName)) return false
  }
  return true
}

const inline = new Set([
  'a', 'abbr', 'b', 'big', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i', 'img', 'ins', 'kbd', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr'
])
