import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {punctuationClass, punctuationRanges} from '../../src/article/punctuation.ts'

// The blocks the module documents: Latin-1 punctuation and symbols (U+00A0–U+00BF), general punctuation
// (U+2010–U+205E), CJK symbols and punctuation (U+3001–U+303F), written out here from the Unicode charts.
const blocks: Array<[number, number]> = [[0xa0, 0xbf], [0x20_10, 0x20_5e], [0x30_01, 0x30_3f]]
const inBlocks = (code: number) => blocks.some(([from, to]) => code >= from && code <= to)

/** Every code point the class matches, from U+0000 to U+FFFF. */
function matched(body: string): number[] {
  const expression = new RegExp('^[' + body + ']$')
  const codes: number[] = []
  for (let code = 0; code <= 0xff_ff; code++) if (expression.test(String.fromCharCode(code))) codes.push(code)
  return codes
}

describe('punctuationClass', () => {
  it('should look in the Latin-1, general and CJK punctuation blocks, both ends included', () => {
    assert.deepEqual(punctuationRanges, blocks)
    for (const form of ['NFC', 'NFKC'] as const) {
      const all: number[] = []
      for (let code = 0; code <= 0xff_ff; code++) if (inBlocks(code)) all.push(code)
      // None of these characters composes with a letter before it, under either form.
      assert.deepEqual(matched(punctuationClass(form, () => true)), all, form)
    }
  })

  it('should keep exactly what `keep` accepts, each as a four-digit `\\u` escape, in order', () => {
    const ends = [0x9f, 0xa0, 0xbf, 0xc0, 0x20_0f, 0x20_10, 0x20_5e, 0x20_5f, 0x30_00, 0x30_01, 0x30_3f, 0x30_40]
    const asked: number[] = []
    const body = punctuationClass('NFKC', (character) => {
      asked.push(character.charCodeAt(0))
      return ends.includes(character.charCodeAt(0))
    })
    assert.equal(body, '\\u00a0\\u00bf\\u2010\\u205e\\u3001\\u303f')
    // Asked once per character of the blocks, in order, and of no other.
    assert.deepEqual(asked, blocks.flatMap(([from, to]) => Array.from({length: to - from + 1}, (_, index) => from + index)))
    assert.equal(punctuationClass('NFC', (character) => character === '·'), '\\u00b7')
    assert.equal(punctuationClass('NFC', () => false), '')
  })

  it('should make a class that matches a kept character between letters and syllables', () => {
    const body = punctuationClass('NFKC', (character) => character === '·' || character === '…')
    assert.match('군사·외교…', new RegExp('^[가-힣' + body + ']*$'))
    assert.doesNotMatch('군사–외교', new RegExp('^[가-힣' + body + ']*$'))
  })
})
