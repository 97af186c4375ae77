import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element, Root} from 'hast'
import {parseBody} from '../../src/body/parse.ts'
import {voidElements} from '../../src/body/void-elements.ts'

/** The first element of `tree` (depth first) that holds the marker text, if any. */
function holderOf(tree: Root, marker: string): string | undefined {
  const stack: Array<Root | Element> = [tree]
  let holder: string | undefined
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const child of node.children) {
      if (child.type === 'text' && child.value.includes(marker) && node.type === 'element') holder = node.tagName
      if (child.type === 'element') stack.push(child)
    }
  }
  return holder
}

describe('voidElements', () => {
  it('should hold exactly the elements the parser never leaves open', () => {
    // The HTML standard's void elements, then the ones its parser treats as void for legacy content, then others.
    const standard = ['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']
    const legacy = ['basefont', 'bgsound', 'frame', 'image', 'keygen', 'param']
    const others = ['command', 'menuitem', 'p', 'span', 'div', 'a', 'b', 'figure', 'picture', 'video', 'audio', 'iframe', 'object', 'ul', 'template', 'noscript', '']
    const candidates = [...standard, ...legacy, ...others]
    // Listed independently of the set under test, so that a name missing from it is asked about too.
    assert.deepEqual([...voidElements].sort(), [...standard, ...legacy].sort())
    for (const name of candidates) {
      if (name === '') {
        assert.equal(voidElements.has(name), false)
        continue
      }
      const {tree} = parseBody(`<section><${name}>marker</section>`)
      // A void element cannot hold the text: it lands in its parent.
      const nested = holderOf(tree, 'marker') !== 'section'
      assert.equal(voidElements.has(name), !nested, name)
    }
  })
})
