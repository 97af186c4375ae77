import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {digest, hasDigest} from '../../src/record/digest.ts'

/** The fingerprint as it is specified: the two-lane hash of the item's JSON without the omitted keys. */
function reference(item: object): string {
  const {position: _position, source: _source, blocks: _blocks, children: _children, ...own} = item as Record<string, unknown>
  const value = JSON.stringify(own)
  let a = 0x81_1c_9d_c5
  let b = 0x05_0c_5d_1f
  let index = 0
  for (; index + 1 < value.length; index += 2) {
    const word = value.charCodeAt(index) | (value.charCodeAt(index + 1) << 16)
    a = Math.imul(a ^ word, 0x01_00_01_93)
    b = Math.imul(b ^ word, 0x5b_d1_e9_95)
    b = (b << 13) | (b >>> 19)
  }
  if (index < value.length) {
    const word = value.charCodeAt(index)
    a = Math.imul(a ^ word, 0x01_00_01_93)
    b = Math.imul(b ^ word, 0x5b_d1_e9_95)
  }
  a = Math.imul(a ^ value.length, 0x01_00_01_93)
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

const text = fc.oneof(
  fc.string(),
  fc.string({unit: 'binary'}),
  fc.string({unit: 'grapheme'}),
  fc.constantFrom('', '"', '\\', '\n', '\r\n\t\b\f', '\u0000', '\u001f', '\ud800', 'a\udc00', '\ud83d\ude00', '\ud83d', '\u2028', '북한 "x" \\ y')
)
const leaf = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(-0), fc.constant(() => 1))
const key = fc.oneof(text, fc.constantFrom('position', 'source', 'blocks', 'children', 'type', 'html', '0', '12'))
const value = fc.letrec((tie) => ({
  value: fc.oneof({depthSize: 'small'}, leaf, fc.array(tie('value')), fc.dictionary(key, tie('value')))
})).value

describe('digest', () => {
  it('should fingerprint the JSON of the item’s own fields, without writing it', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value), (item) => {
        const expected = reference(item)
        assert.equal(digest(item), expected)
        assert.equal(hasDigest(item, expected), true)
      }),
      {numRuns: 3000}
    )
  })

  it('should agree with JSON.stringify on values the walk leaves to it', () => {
    const items: object[] = [
      {a: new Date(0)},
      {a: [new Date(0)]},
      {a: new Number(3)},
      {a: Object.create({inherited: 1})},
      {toJSON: () => 'x'},
      {a: {toJSON: () => 5}},
      {a: [1, , 3]},
      {a: Object.create(null)},
      {a: 'x'.repeat(10_001)},
      {type: 'paragraph', text: 'a', html: 'a', position: {start: 1}, source: {index: 0, html: '', digest: ''}, blocks: [1], children: [2]}
    ]
    for (const item of items) assert.equal(digest(item), reference(item))
    assert.throws(() => digest({a: 1n}), TypeError)
    const cycle: Record<string, unknown> = {}
    cycle['self'] = cycle
    assert.throws(() => digest({a: cycle}), TypeError)
  })

  it('should leave out position, source, nested blocks and children', () => {
    const item = {type: 'paragraph', text: 'a', html: 'a'}
    assert.equal(digest({...item, position: {}, source: {index: 1}, blocks: [item], children: []}), digest(item))
  })

  it('should match only the exact fingerprint', () => {
    const item = {type: 'paragraph', text: 'a', html: 'a'}
    const expected = digest(item)
    assert.equal(hasDigest(item, expected), true)
    for (const other of [expected.toUpperCase(), expected + '0', expected.slice(1), ' ' + expected.slice(1), '+' + expected.slice(1), digest({...item, text: 'b'}), undefined, null, 0, {toString: () => expected}]) {
      assert.equal(hasDigest(item, other), false, String(other))
    }
  })
})
