import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {parseFragment, type DefaultTreeAdapterMap} from 'parse5'
import {scanTag, tagEnd} from '../../src/body/tag-scanner.ts'
import {innerRange} from '../../src/body/hast.ts'

type Element = DefaultTreeAdapterMap['element']

// Pieces a tag's text is made of, tricky ones included: quotes, `=`, `/`, `<`, `>`, white space.
const piece = fc.constantFrom('a', 'B', 'x-y', '=', '"', "'", ' ', '\t', '\n', '/', '<', '>', 'v', '&amp;', '', '``')
const tagText = fc.tuple(fc.constantFrom('p', 'div', 'span', 'b', 'A'), fc.array(piece, {maxLength: 14})).map(([name, rest]) => `<${name}${rest.length > 0 ? ' ' : ''}${rest.join('')}`)

describe('tag scanner', () => {
  it('ends a start tag where parse5 ends it', () => {
    fc.assert(
      fc.property(tagText, (tag) => {
        const html = `${tag}>text`
        const element = parseFragment(html, {sourceCodeLocationInfo: true}).childNodes[0] as Element | undefined
        const expected = element?.sourceCodeLocation?.startTag?.endOffset
        // Only tags parse5 turned into an element at offset 0 have an end to compare.
        fc.pre(element?.nodeName !== undefined && element.sourceCodeLocation?.startOffset === 0 && expected !== undefined)
        assert.equal(tagEnd(html, 1), expected)
        assert.equal(scanTag(html, 1)?.end, expected)
      }),
      {numRuns: 3000}
    )
  })

  it('tagEnd is scanTag without the building', () => {
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 24}), (pieces) => {
        const html = pieces.join('')
        for (let from = 0; from <= html.length; from++) assert.equal(tagEnd(html, from), scanTag(html, from)?.end ?? -1)
      }),
      {numRuns: 2000}
    )
  })

  it('reads names and values as a browser does', () => {
    const tag = '<P Class = "a>b" data-x=1 hidden/>'
    assert.deepEqual(scanTag(tag + 'text', 1), {
      name: 'p',
      attributes: [
        ['class', 'a>b'],
        ['data-x', '1'],
        ['hidden', undefined]
      ],
      end: tag.length
    })
    assert.equal(tagEnd('<p title="unclosed', 1), -1)
    assert.equal(tagEnd('<p a=', 1), -1)
  })
})

describe('innerRange', () => {
  it('finds the content between the start tag and an end tag in any case', () => {
    const html = '<p class="a>b">inner</P \n>'
    assert.deepEqual(innerRange(html, 'p', 0, html.length), [15, 20])
  })

  it('keeps everything after the start tag when the element has no end tag of its name', () => {
    const html = '<p>inner</pre>'
    assert.deepEqual(innerRange(html, 'p', 0, html.length), [3, html.length])
    // Only ASCII letters fold, as in a browser: U+212A (Kelvin sign) is not `k`.
    const kelvin = '<link>a</lin\u212A>'
    assert.deepEqual(innerRange(kelvin, 'link', 0, kelvin.length), [6, kelvin.length])
  })
})
