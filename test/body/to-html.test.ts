import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import type {ElementContent, Properties, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {writeHtml} from '../../src/body/to-html.ts'
import {parseBody} from '../../src/body/parse.ts'
import {sanitizeTree} from '../../src/body/sanitize.ts'
import {defaultEmbedHosts, defaultSchema} from '../../src/body/schema.ts'
import {corpusFolder, postsIn} from '../support/shared.ts'


/** Random trees: the elements, properties and text the renderer and the parser make, and things only hast-util-to-html writes. */
const text = fc.string({unit: fc.constantFrom('a', ' ', '<', '>', '&', '"', "'", '`', '\0', '\n', '한', '\u00a0', '😀'), maxLength: 12})
const value = fc.oneof(
  text,
  fc.constantFrom('', 'true', 'hidden', 'allowFullScreen', 'download'),
  fc.integer({min: -2, max: 3}),
  fc.constant(Number.NaN),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(text, fc.integer({min: 0, max: 9})), {maxLength: 3})
)
const key = fc.constantFrom('className', 'id', 'href', 'src', 'alt', 'title', 'style', 'hidden', 'download', 'allowFullScreen', 'allowfullscreen', 'class', 'colSpan', 'srcSet', 'accept', 'coords', 'dataKeSize', 'data-og-url', 'dataFoo', 'ariaHidden', 'unknownThing', 'a"b', 'x y', 'on=x', 'checked', 'open')
const properties = fc.dictionary(key, value, {maxKeys: 4}) as fc.Arbitrary<Properties>
const tagName = fc.constantFrom('p', 'a', 'b', 'img', 'br', 'hr', 'div', 'table', 'td', 'pre', 'iframe', 'span', 'h2', 'IMG', 'script', 'style', 'svg', 'template', 'input')
const {node} = fc.letrec<{node: ElementContent}>((tie) => ({
  node: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    fc.record({type: fc.constant('text' as const), value: text}),
    fc.record({type: fc.constant('raw' as const), value: text}) as unknown as fc.Arbitrary<ElementContent>,
    fc.record({type: fc.constant('comment' as const), value: text}),
    fc.record({type: fc.constant('element' as const), tagName, properties, children: fc.array(tie('node'), {maxLength: 4})})
  )
}))
const tree = fc.array(node, {maxLength: 5}).map((children): Root => ({type: 'root', children}))

describe('writeHtml', () => {
  it('should write what hast-util-to-html writes, with and without raw HTML', () => {
    fc.assert(
      fc.property(tree, fc.boolean(), (root, allowDangerousHtml) => {
        assert.equal(writeHtml(root, allowDangerousHtml), toHtml(root, {allowDangerousHtml}))
      }),
      {seed: 20_261_205, numRuns: 3000}
    )
  })

  it('should write void elements with and without content as hast-util-to-html does', () => {
    const empty: Root = {type: 'root', children: [{type: 'element', tagName: 'br', properties: {}, children: [{type: 'text', value: ''}]}]}
    const full: Root = {type: 'root', children: [{type: 'element', tagName: 'img', properties: {alt: 'a'}, children: [{type: 'text', value: 'x'}]}]}
    assert.equal(writeHtml(empty, false), '<br>')
    assert.equal(writeHtml(full, false), toHtml(full))
  })

  it('should write every corpus body, parsed and sanitised, as hast-util-to-html does', () => {
    for (const {name, raw} of postsIn(corpusFolder)) {
      const {tree} = parseBody(raw)
      assert.equal(writeHtml(tree, false), toHtml(tree), name)
      sanitizeTree(tree, {schema: defaultSchema, embedHosts: defaultEmbedHosts})
      assert.equal(writeHtml(tree, true), toHtml(tree, {allowDangerousHtml: true}), name)
    }
  })
})
