/** Hast nodes for the block mirror tests, read as the parser reads a body (a fragment, with positions). */
import assert from 'node:assert/strict'
import type {Element, ElementContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'

/** The top-level nodes of `body`. */
export function nodes(body: string): ElementContent[] {
  return fromHtml(body, {fragment: true}).children as ElementContent[]
}

/** The first top-level node of `body`, which must be an element. */
export function element(body: string): Element {
  const node = nodes(body)[0]
  assert.ok(node?.type === 'element', 'no element')
  return node
}
