import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element, ElementContent} from 'hast'
import {textOf} from '../../src/body/text.ts'

function element(tagName: string, children: ElementContent[], position?: Element['position']): Element {
  const node: Element = {type: 'element', tagName, properties: {}, children}
  if (position) node.position = position
  return node
}
const t = (value: string): ElementContent => ({type: 'text', value})
const placed = {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 8, offset: 7}}

describe('textOf', () => {
  it('should give innerText, trimmed, for an element (hast-util-to-text\'s white-space rules)', () => {
    const p = (...children: ElementContent[]) => element('p', children)
    const br = element('br', [])
    const cases: Array<[ElementContent, string]> = [
      [p(t('  a \t b  ')), 'a b'],
      [p(t('a '), element('b', [t(' b')])), 'a  b'],
      [p(t('a\n  b')), 'a b'],
      // The space after a `<br>` stays: only a block's first text has a break before it.
      [p(t('a '), br, t(' b')), 'a\n b'],
      [p(t('a'), element('div', [t('b')])), 'a\nb'],
      [element('ul', [element('li', [t('a')]), t('\n'), element('li', [t('b')])]), 'a\nb']
    ]
    for (const [node, expected] of cases) assert.equal(textOf(node), expected)
  })

  it('should read a run of nodes as siblings, leaving out elements the parser made up', () => {
    // An empty `<p>` without a place in the source (a stray `</p>`) shows nothing and adds no breaks.
    const artifact = element('p', [])
    assert.equal(textOf([t('a '), artifact, t('b')]), 'a b')
    // A written empty paragraph is a real one: it separates the texts around it.
    assert.equal(textOf([t('a'), element('p', [], placed), t('b')]), 'a\n\nb')
    assert.equal(textOf([]), '')
  })

  it('should trim what innerText leaves at the edges', () => {
    // innerText keeps one collapsed space at the edges of inline content: `textOf` drops it.
    assert.equal(textOf(element('span', [t('  a  b \n')])), 'a b')
    assert.equal(textOf([t('  a'), element('b', [t(' b  ')])]), 'a b')
    assert.equal(textOf([t(' \n '), element('p', [], placed), t('a\t')]), 'a')
    // With a made-up element in the run too.
    assert.equal(textOf([t(' a'), element('p', []), t(' b ')]), 'a b')
  })

  it('should read an element as one node even when it holds made-up elements', () => {
    // Only a run's own nodes are left out; inside an element, innerText reads everything.
    assert.equal(textOf(element('div', [t('a'), element('p', []), t('b')])), 'a\n\nb')
  })
})
