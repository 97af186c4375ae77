import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import type {Element, ElementContent, Root} from 'hast'
import {toText} from 'hast-util-to-text'
import {inlineText} from '../../src/body/text.ts'
import {parseBody} from '../../src/body/parse.ts'

const corpus = new URL('../../../shared/corpus/', import.meta.url).pathname

// Texts made of what changes white-space handling: spaces, tabs, line feeds, CR, no-break and zero-width spaces, bidi controls.
const text = fc
  .array(fc.constantFrom('a', '한글', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u200b', '\u200e', '\u061c', '.', ''), {maxLength: 8})
  .map((parts): ElementContent => ({type: 'text', value: parts.join('')}))
const inlineNames = ['span', 'b', 'strong', 'a', 'em', 'font', 'code', 'img', 'br', 'wbr', 'u']
// Elements the fast path must skip (not rendered) or leave to hast-util-to-text (blocks, tables, pre).
const otherNames = ['script', 'template', 'p', 'div', 'li', 'td', 'tr', 'table', 'pre', 'textarea', 'nobr', 'dialog', 'h2']

function tree(names: string[]): fc.Arbitrary<ElementContent[]> {
  const {node} = fc.letrec<{node: ElementContent}>((tie) => ({
    node: fc.oneof(
      {weight: 3, arbitrary: text},
      {weight: 1, arbitrary: fc.constant<ElementContent>({type: 'comment', value: 'c'})},
      {
        weight: 2,
        arbitrary: fc.record({
          name: fc.constantFrom(...names),
          hidden: fc.boolean(),
          children: fc.array(tie('node'), {maxLength: 4})
        }).map(({name, hidden, children}): ElementContent => ({type: 'element', tagName: name, properties: hidden && name === 'span' ? {hidden: true} : {}, children: name === 'br' || name === 'img' ? [] : children}))
      }
    )
  }))
  return fc.array(node, {maxLength: 6})
}

const hiddenSpan = (children: ElementContent[]): Element => ({type: 'element', tagName: 'span', properties: {hidden: true}, children})

describe('inlineText', () => {
  it('should give hast-util-to-text’s text for inline content, read as a root', () => {
    fc.assert(
      fc.property(tree(inlineNames), (nodes) => {
        const actual = inlineText(nodes)
        assert.notEqual(actual, undefined, 'inline content takes the fast path')
        assert.equal(actual, toText({type: 'root', children: nodes}))
      }),
      {seed: 4242, numRuns: 3000}
    )
  })

  it('should give hast-util-to-text’s text for a heading or paragraph element', () => {
    fc.assert(
      fc.property(tree(inlineNames), fc.constantFrom('h2', 'h3', 'p', 'li', 'figcaption'), (children, tagName) => {
        const node: Element = {type: 'element', tagName, properties: {}, children}
        assert.equal(inlineText(node), toText(node))
      }),
      {seed: 4242, numRuns: 3000}
    )
  })

  it('should give the same text or leave it to hast-util-to-text for anything else', () => {
    let fallbacks = 0
    fc.assert(
      fc.property(tree([...inlineNames, ...otherNames]), (nodes) => {
        const actual = inlineText(nodes)
        if (actual === undefined) fallbacks++
        else assert.equal(actual, toText({type: 'root', children: nodes}))
      }),
      {seed: 4242, numRuns: 3000}
    )
    assert.ok(fallbacks > 0, 'blocks inside fall back')
  })

  it('should skip hidden and not-rendered elements, as hast-util-to-text does', () => {
    const nodes: ElementContent[] = [{type: 'text', value: 'a '}, hiddenSpan([{type: 'text', value: 'x'}]), {type: 'element', tagName: 'script', properties: {}, children: [{type: 'text', value: 'y'}]}, {type: 'text', value: ' b'}]
    assert.equal(inlineText(nodes), toText({type: 'root', children: nodes}))
    assert.equal(inlineText(nodes), 'a  b')
  })

  it('should leave preformatted and table content to hast-util-to-text', () => {
    assert.equal(inlineText({type: 'element', tagName: 'pre', properties: {}, children: [{type: 'text', value: 'a  b'}]}), undefined)
    assert.equal(inlineText({type: 'element', tagName: 'td', properties: {}, children: []}), undefined)
    assert.equal(inlineText([{type: 'element', tagName: 'div', properties: {}, children: []}]), undefined)
  })

  it('should match hast-util-to-text on every element of the corpus', {skip: !existsSync(corpus)}, () => {
    let fast = 0
    for (const name of readdirSync(corpus).sort()) {
      if (name === 'SOURCES.tsv') continue
      const {tree} = parseBody(readFileSync(join(corpus, name), 'utf8'))
      const stack: Array<Root | Element> = [tree]
      while (stack.length > 0) {
        const node = stack.pop()!
        const actual = inlineText(node.children as ElementContent[])
        if (actual !== undefined) {
          fast++
          assert.equal(actual, toText({type: 'root', children: node.children}), name)
        }
        if (node.type === 'element') {
          const own = inlineText(node)
          if (own !== undefined) assert.equal(own, toText(node), name)
        }
        for (const child of node.children) if (child.type === 'element') stack.push(child)
      }
    }
    assert.ok(fast > 1000)
  })
})
