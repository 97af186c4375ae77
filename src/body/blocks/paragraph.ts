import type {Element, ElementContent} from 'hast'
import {toText} from 'hast-util-to-text'
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

/**
 * A run of loose inline content (Blogger posts, Markdown-ish bodies). With
 * `breaks` (a paragraph written for wpautop), each newline in the run's own
 * text is a line break in the block's text, as wpautop's `<br />` makes it.
 */
export function run(context: Context, nodes: ElementContent[], start: number, end: number, breaks = false): Built {
  const html = context.isDirty(start, end) ? serialize(nodes) : context.body.slice(start, end)
  return inline(nodes, html, true, breaks)
}

function inline(nodes: ElementContent[], html: string, implicit: boolean, breaks = false): Built {
  const image = loneImage(nodes)
  if (image) return {type: 'image', text: '', ...image}
  const text = breaks ? toText({type: 'root', children: withBreaks(nodes)}).trim() : textOf(nodes)
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

const lineBreak: ElementContent = {type: 'element', tagName: 'br', properties: {}, children: []}

/**
 * The nodes with each newline of their own text read as `<br>` (not one
 * right after a `<br>`: wpautop adds none there), for the text only, and
 * without the elements the parser made up (as `textOf` leaves them out).
 */
function withBreaks(nodes: ElementContent[]): ElementContent[] {
  const result: ElementContent[] = []
  for (const node of nodes) {
    if (isArtifact(node)) continue
    if (node.type !== 'text' || !node.value.includes('\n')) {
      result.push(node)
      continue
    }
    const lines = node.value.split(/[ \t]*\n[ \t]*/)
    for (let index = 0; index < lines.length; index++) {
      const previous = result.at(-1)
      if (index > 0 && !(lines[index - 1] === '' && previous !== lineBreak && previous?.type === 'element' && previous.tagName === 'br')) result.push(lineBreak)
      if (lines[index] !== '') result.push({type: 'text', value: lines[index]!})
    }
  }
  return result
}
