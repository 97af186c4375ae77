import type {Element} from 'hast'
import type {ListBlock} from '../../types.ts'
import {elementChildren, innerHtml, textOf, type Context} from '../hast.ts'

/** `<ul>` / `<ol>`: its items' text and inner HTML (nested lists stay inside their item). */
export function list(context: Context, node: Element): Omit<ListBlock, 'position' | 'source'> {
  return {
    type: 'list',
    ordered: node.tagName === 'ol',
    text: textOf(node),
    items: elementChildren(node)
      .filter((child) => child.tagName === 'li')
      .map((item) => ({text: textOf(item), html: innerHtml(context, item)}))
  }
}
