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

/** Text that `JSON.stringify` escapes, around its edges, and surrogates paired and not. */
const specials = ['"', '\\', '/', '\n', '\b', '\t', '\f', '\r', '\v', '\u0000', '\u0001', '\u001f', ' ', '\u007f', '\ud7ff', '\ud800', '\udbff', '\udc00', '\udfff', '\ue000', '\ud83d\ude00', '\udbff\udfff', '\ud800\udc00', '\ud800\ud800', '\udc00\ud800', '\ud800\ue000', '\ud800\udbff', '\ud800"', '"\udfff', '\udc00\udc00', '\udfff\udfff', '\udc00\udfff']
/** Every special unit at both parities of the stream, in values and keys, first or after others. */
function specialItems(): object[] {
  const items: object[] = []
  for (const special of specials) {
    for (const before of ['', 'a', 'ab', 'abc']) {
      for (const after of ['', 'z', 'yz']) {
        const text = before + special + after
        items.push({t: text}, {[text]: 1}, {a: [text, text + 'q']}, {type: 'x', [text]: {[text]: text}})
      }
    }
  }
  return items
}

class Subclass<T> extends Array<T> {}
class Written<T> extends Array<T> {
  toJSON(): string {
    return 'written'
  }
}
class Box {
  value = 1
  toJSON(): string {
    return 'box'
  }
}
const nest = (depth: number): unknown => (depth === 0 ? 'x' : [nest(depth - 1)])
const ownJson = Object.assign([1, 2], {toJSON: () => 'own'})
const getter = Object.defineProperty({}, 'g', {enumerable: true, get: () => 'got'})

/** Items of every kind of value, each read against `JSON.stringify`'s own text. */
const valueItems: object[] = [
  {},
  {a: ''},
  {a: 0, b: -0, c: 1, d: -1.5, e: 1e21, f: 1e-7, g: 2 ** 53, h: 0.1},
  {a: Number.NaN, b: Number.POSITIVE_INFINITY, c: Number.NEGATIVE_INFINITY},
  {a: true, b: false, c: null},
  {a: undefined},
  {a: undefined, b: 1},
  {a: () => 1, b: Symbol('s'), c: 2},
  {a: 1, b: undefined, c: () => 1, d: Symbol('s')},
  {a: [undefined, () => 1, Symbol('s'), null, 1]},
  {a: [], b: {}, c: [[]], d: [{}], e: {x: {}}},
  {a: [1, [2, [3, {b: [4]}]]]},
  {blocks: [1], children: [2], position: 3, source: 4, type: 'kept'},
  {a: {blocks: [1], children: [2], position: 3, source: 4}},
  {a: [{source: 1}]},
  {toJSON: () => 'x'},
  {a: 1, toJSON: () => 'x'},
  {a: {toJSON: () => 5}},
  {a: {b: 1, toJSON: () => 5}},
  {a: ownJson},
  {a: Subclass.of(1, 2)},
  {a: Written.of(1, 2)},
  {a: new Box()},
  {a: new Date(0)},
  {a: new Map([[1, 2]])},
  {a: Object.assign(Object.create(null), {b: 1})},
  {a: Object.create({inherited: 1})},
  {a: getter},
  {a: [1, , 3]},
  {a: new Number(3), b: new String('s'), c: new Boolean(false)},
  {a: nest(62)},
  {a: nest(63)},
  {a: nest(64)},
  {a: nest(100)},
  {a: [nest(70), 'after']}
]

describe('digest', () => {
  it('should fingerprint every special unit at both parities, in keys and values', () => {
    for (const item of specialItems()) {
      const expected = reference(item)
      assert.equal(digest(item), expected, JSON.stringify(item))
      assert.equal(hasDigest(item, expected), true, JSON.stringify(item))
    }
  })

  it('should fingerprint every kind of value as JSON.stringify writes it', () => {
    for (const item of valueItems) {
      const expected = reference(item)
      assert.equal(digest(item), expected, String(JSON.stringify(item)))
      assert.equal(hasDigest(item, expected), true, String(JSON.stringify(item)))
    }
  })

  it('should refuse a digest off by any one digit, or longer, for the walk and for JSON.stringify', () => {
    for (const item of [{type: 'paragraph', text: 'a', html: 'a'}, {toJSON: () => 'x'}, {a: new Date(0)}]) {
      const expected = digest(item)
      assert.equal(hasDigest(item, expected), true)
      for (let index = 0; index < 16; index++) {
        const digit = expected[index] === '0' ? '1' : '0'
        const other = expected.slice(0, index) + digit + expected.slice(index + 1)
        assert.equal(hasDigest(item, other), false, other)
      }
      for (const other of [expected + 'g', expected + ' ', 'g' + expected, expected + '\n']) assert.equal(hasDigest(item, other), false, other)
    }
  })

  it('should throw as JSON.stringify does on bigints and cycles, with no stack overflow', () => {
    const cycle: Record<string, unknown> = {}
    cycle['self'] = cycle
    const listCycle: unknown[] = []
    listCycle.push(listCycle)
    for (const item of [{a: 1n}, {a: [1n]}, {a: {b: 1n}}, {a: cycle}, {a: listCycle}, cycle]) {
      assert.throws(() => digest(item), TypeError)
      assert.throws(() => hasDigest(item, '0123456789abcdef'), TypeError)
    }
  })

  it('should fingerprint the JSON of the item’s own fields, without writing it', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value), (item) => {
        const expected = reference(item)
        assert.equal(digest(item), expected)
        assert.equal(hasDigest(item, expected), true)
      }),
      {seed: Number(process.env['FUZZ_SEED'] ?? 21), numRuns: Number(process.env['FUZZ_RUNS'] ?? 3000)}
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

  it('should walk plain data itself: no object is asked for a `toJSON` (JSON.stringify, the fallback, asks each one)', () => {
    const asked: string[] = []
    const watch = (value: unknown, path: string): unknown => {
      if (value === null || typeof value !== 'object') return value
      return new Proxy(value, {
        get(target, key, receiver) {
          if (key === 'toJSON') asked.push(path)
          return watch(Reflect.get(target, key, receiver), `${path}.${String(key)}`)
        }
      })
    }
    const plain = [
      {type: 'paragraph', text: 'a "b" \\ \n \ud800', html: 'a', n: 1.5, m: -0, big: 1e21, nan: Number.NaN, yes: true, no: false, none: null},
      {a: undefined, b: () => 1, c: Symbol('s'), d: 1},
      {a: [1, 'x', true, null, undefined, () => 1, Symbol('s'), [], {}], b: {c: {d: [{e: 'f'}]}}, e: Object.create(null)},
      {position: {start: {line: 1}}, source: {index: 0}, blocks: [{type: 'x'}], children: [{type: 'y'}], kept: [[[]]]},
      {}
    ]
    for (const item of plain) {
      const expected = reference(item)
      const watched = watch(item, 'item') as object
      assert.equal(digest(watched), expected)
      assert.equal(hasDigest(watched, expected), true)
      assert.equal(hasDigest(watched, expected.replace(/^./, (digit) => (digit === '0' ? '1' : '0'))), false)
    }
    assert.deepEqual(asked, [])
    // The watch itself sees JSON.stringify ask.
    JSON.stringify(watch({a: {b: [{}]}}, 'item'))
    assert.deepEqual(asked, ['item', 'item.a', 'item.a.b', 'item.a.b.0'])
  })

  it('should fingerprint what is not an object as JSON.stringify writes its own fields, and throw on null as it does', () => {
    for (const item of ['ab', '', 5, true, Object.assign(() => 1, {a: 1})]) {
      const expected = reference(item as object)
      assert.equal(digest(item as object), expected, String(item))
      assert.equal(hasDigest(item as object, expected), true, String(item))
    }
    for (const item of [null, undefined]) {
      assert.throws(() => reference(item as unknown as object), TypeError)
      assert.throws(() => digest(item as unknown as object), TypeError)
    }
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
