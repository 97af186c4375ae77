import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {parseFragment, type DefaultTreeAdapterMap} from 'parse5'
import {endsTagName, isSpaces, lastEndTagStart, scanTag, tagEnd} from '../../src/body/tag-scanner.ts'
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

  it('reads the same names and values as parse5', () => {
    // No `&`: parse5 decodes character references in values, the scanner leaves them as written.
    const plain = fc.constantFrom('a', 'B', 'x-y', '=', '"', "'", ' ', '\t', '\n', '\f', '\r', '/', '<', '>', 'v', '', '``', 'Z')
    const text = fc.tuple(fc.constantFrom('p', 'div', 'sPan', 'b', 'A'), fc.array(plain, {maxLength: 14})).map(([name, rest]) => `<${name}${rest.length > 0 ? ' ' : ''}${rest.join('')}`)
    fc.assert(
      fc.property(text, (tag) => {
        const html = `${tag}>text`
        const element = parseFragment(html, {sourceCodeLocationInfo: true}).childNodes[0] as Element | undefined
        fc.pre(element?.nodeName !== undefined && element.sourceCodeLocation?.startOffset === 0 && element.sourceCodeLocation.startTag !== undefined)
        const scanned = scanTag(html, 1)
        assert.ok(scanned)
        assert.equal(scanned.name, element!.tagName)
        // parse5 keeps the first of attributes with the same name, and reads a bare name as an empty value.
        const seen = new Set<string>()
        const first = scanned.attributes.filter(([name]) => !seen.has(name) && seen.add(name))
        // The scanner reads the source as written; parse5 reads it after the input stream turns CR and CR LF into LF.
        assert.deepEqual(
          first.map(([name, value]) => ({name, value: (value ?? '').replace(/\r\n?/g, '\n')})),
          element!.attrs.map(({name, value}) => ({name, value}))
        )
      }),
      {numRuns: Number(process.env['FUZZ_RUNS'] ?? 3000)}
    )
  })

  it('reads white space of every kind between and around attributes', () => {
    for (const space of ['\t', '\n', '\f', '\r', ' ']) {
      const tag = `<p${space}a${space}=${space}1${space}b${space}c=2${space}>`
      assert.deepEqual(scanTag(tag, 1), {name: 'p', attributes: [['a', '1'], ['b', undefined], ['c', '2']], end: tag.length}, JSON.stringify(space))
      assert.equal(tagEnd(tag, 1), tag.length)
    }
    // A tag name ends at white space, `/` or `>`; anything else is part of it.
    assert.equal(scanTag('<ab>', 1)?.name, 'ab')
    assert.equal(scanTag('<x/y>', 1)?.name, 'x')
    assert.deepEqual(scanTag('<x/y>', 1)?.attributes, [['y', undefined]])
  })

  it('ends at the end of input wherever a tag is cut', () => {
    const tag = '<p a = "1" b=\'2\' c=3 d / >'
    for (let cut = 1; cut < tag.length; cut++) {
      assert.equal(tagEnd(tag.slice(0, cut), 1), -1, tag.slice(0, cut))
      assert.equal(scanTag(tag.slice(0, cut), 1), undefined, tag.slice(0, cut))
    }
    assert.equal(tagEnd(tag, 1), tag.length)
    assert.equal(tagEnd('<p a>', 5), -1)
    assert.equal(tagEnd('', 0), -1)
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

describe('endsTagName', () => {
  it('should end a tag name where parse5 does: HTML white space, `/` or `>`, not a vertical tab', () => {
    for (let code = 0; code < 128; code++) {
      // parse5's reading of `</b` + the character + `>` inside `<b>`: the `<b>` is closed only when the character ends the name.
      const fragment = parseFragment(`<b>x</b${String.fromCharCode(code)}>y`)
      const closed = fragment.childNodes.length === 2
      // NUL becomes U+FFFD in a tag name; it ends nothing.
      assert.equal(endsTagName(code), closed, `code ${code}`)
    }
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

describe('isSpaces', () => {
  it('should take HTML white space only (tab, LF, FF, CR, space), nothing else', () => {
    for (let code = 0; code < 0x3001; code++) {
      const character = String.fromCharCode(code)
      assert.equal(isSpaces(character), '\t\n\f\r '.includes(character), `U+${code.toString(16)}`)
    }
    // Not a vertical tab, not a no-break space: a browser's inter-element white space is these five.
    assert.equal(isSpaces('\v'), false)
    assert.equal(isSpaces('\u00a0'), false)
  })

  it('should read the whole text, or only from start to end, and take an empty one', () => {
    assert.equal(isSpaces(''), true)
    assert.equal(isSpaces(' \n\t\r\f'), true)
    assert.equal(isSpaces(' \nx '), false)
    assert.equal(isSpaces('x  y', 1, 3), true)
    assert.equal(isSpaces('x  y', 0, 3), false)
    assert.equal(isSpaces('x  y', 1, 4), false)
    assert.equal(isSpaces('x', 1, 1), true)
  })
})

describe('lastEndTagStart', () => {
  it('is lastIndexOf(\'</\', from), not looking back past min', () => {
    fc.assert(
      fc.property(fc.string({unit: fc.constantFrom('<', '/', 'a', '>', ' ')}), fc.nat(40), fc.nat(40), (text, from, min) => {
        const found = text.lastIndexOf('</', from)
        assert.equal(lastEndTagStart(text, from, min), found >= min ? found : -1)
      }),
      {seed: 2026, numRuns: 2000}
    )
  })

  it('finds an end tag at the very end, and none in a string too short for one', () => {
    assert.equal(lastEndTagStart('<p>a</p>', 7, 0), 4)
    assert.equal(lastEndTagStart('a</', 100, 0), 1)
    assert.equal(lastEndTagStart('<', 0, 0), -1)
    assert.equal(lastEndTagStart('', 0, 0), -1)
  })
})
