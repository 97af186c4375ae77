import type {Element, ElementContent} from 'hast'
import type {ImageBlock, ParagraphBlock, SpacerBlock} from '../../types.ts'
import {innerHtml, serialize, textOf, type Context} from '../hast.ts'
import {loneImage} from './image.ts'
import {isArtifact, isReopened} from '../flatten.ts'

type Built = Omit<ParagraphBlock, 'position' | 'source'> | Omit<SpacerBlock, 'position' | 'source'> | Omit<ImageBlock, 'position' | 'source'>

/**
 * A `<p>` (or a `<div>` holding only inline content): an image when it holds
 * only an image, a spacer when it holds nothing but white space, `&nbsp;`
 * and `<br>`, a paragraph otherwise.
 */
export function paragraph(context: Context, node: Element): Built {
  const html = innerHtml(context, node)
  return inline(node.children, html, false)
}

/** A run of loose inline content (Blogger posts, Markdown-ish bodies). */
export function run(context: Context, nodes: ElementContent[], start: number, end: number): Built {
  const html = context.isDirty(start, end) ? serialize(nodes) : context.body.slice(start, end)
  return inline(nodes, html, true)
}

function inline(nodes: ElementContent[], html: string, implicit: boolean): Built {
  const image = loneImage(nodes)
  if (image) return {type: 'image', text: '', ...image}
  const text = textOf(nodes)
  if (isSpacer(nodes, text)) return {type: 'spacer', text: '', html}
  const block: Omit<ParagraphBlock, 'position' | 'source'> = {type: 'paragraph', text, html}
  if (implicit) block.implicit = true
  return block
}

// Inline wrappers that show nothing of their own.
const wrappers = new Set(['br', 'span', 'font', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'small', 'big', 'sub', 'sup', 'mark', 'tt'])

/** Nothing but white space, `&nbsp;`, `<br>` and empty inline wrappers (reopened ones included). */
function isSpacer(nodes: ElementContent[], text: string): boolean {
  if (/[^\s\u00a0\u200b\ufeff]/.test(text)) return false
  const stack = [...nodes]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type !== 'element' || isArtifact(node)) continue
    if (wrappers.has(node.tagName) || isReopened(node)) {
      stack.push(...node.children)
      continue
    }
    return false
  }
  return true
}
