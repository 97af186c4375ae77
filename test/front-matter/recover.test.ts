import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {isNode, isScalar, parseDocument, type ParsedNode} from 'yaml'
import {recoverPairs} from '../../src/front-matter/recover.ts'

const options = {prettyErrors: false, uniqueKeys: true, logLevel: 'silent'} as const

/**
 * Recover the pairs of `yaml`: each as [key, value, asText], after checking
 * that its key's range, moved by its base, points at the key in the YAML.
 */
function recover(yaml: string): Array<[unknown, unknown, [number, number] | null]> {
  return recoverPairs(yaml, parseDocument(yaml, options), {options}).map(({pair, base, asText}) => {
    const key = pair.key as ParsedNode | null
    if (key && isScalar(key) && key.range && key.range[1] > key.range[0]) assert.equal(yaml.slice(base + key.range[0], base + key.range[1]), String(key.value), `${yaml}: the place of ${String(key.value)}`)
    return [isNode(key) ? key.toJSON() : key, isNode(pair.value) ? pair.value.toJSON() : pair.value, asText]
  })
}

describe('recoverPairs', () => {
  it('should take every pair yaml read when nothing is damaged', () => {
    assert.deepEqual(recover('title: a\ntags:\n  - b\n'), [['title', 'a', null], ['tags', ['b'], null]])
    // A duplicate key damages nothing: both stay, the last one wins later.
    assert.deepEqual(recover('a: 1\na: 2\n'), [['a', 1, null], ['a', 2, null]])
    assert.deepEqual(recover(''), [])
  })

  it('should read a value YAML reserves as text, up to its line’s end, and say where that text is', () => {
    const line = 'title: [a] b\n'
    assert.deepEqual(recover(line + 'tags: a\n'), [['title', '[a] b', [0, line.length]], ['tags', 'a', null]])
    assert.deepEqual(recover('x: 1\ntitle: @a \'b\'\ny: 2\n'), [['x', 1, null], ['title', "@a 'b'", [5, 19]], ['y', 2, null]])
    // After the spaces and tabs that follow the key.
    assert.deepEqual(recover('title:  \t[a] b'), [['title', '[a] b', [0, 14]]])
    // Duplicates before it stay duplicates.
    assert.deepEqual(recover('a: 1\na: 2\nt: [a] b\n'), [['a', 1, null], ['a', 2, null], ['t', '[a] b', [10, 19]]])
  })

  it('should read the first line of an entry on its own when the lines under it break it', () => {
    assert.deepEqual(recover('title: a\n  b: c\nx: 1\n'), [['title', 'a', null], ['x', 1, null]])
  })

  it('should keep an entry with the lines indented under it when it reads on its own', () => {
    // The unclosed `{` after it damages only its own line.
    assert.deepEqual(recover('tags:\n  - a\n  - b\n\n  - c\nx: {a\n'), [['tags', ['a', 'b', 'c'], null], ['x', '{a', [25, 31]]])
    assert.deepEqual(recover('x: {a\ntags:\n  - a\ny: 1\n'), [['x', '{a', [0, 6]], ['tags', ['a'], null], ['y', 1, null]])
  })

  it('should keep the keys after a value that swallows them', () => {
    const yaml = 'x: "u\ntags:\n  - a\n'
    assert.deepEqual(recover(yaml), [['x', '"u', [0, yaml.length]], ['tags', ['a'], null]])
    assert.deepEqual(recover("t: 'never closed\nimage: a.png\n").map(([key, value]) => [key, value]), [['t', "'never closed"], ['image', 'a.png']])
    assert.deepEqual(recover('t: a: b\nimage: a.png\n').map(([key, value]) => [key, value]), [['t', 'a: b'], ['image', 'a.png']])
  })

  it('should keep a pair without a key as yaml read it, beside a damaged one', () => {
    assert.deepEqual(recover(': x\nt: [a] b\n'), [[null, 'x', null], ['t', '[a] b', [4, 13]]])
  })

  it('should take pairs yaml starts in the middle of a broken line as that line’s', () => {
    assert.deepEqual(recover('a: 1\nb: 2\nc: d: e\nf: 1\n').map(([key, value]) => [key, value]), [['a', 1], ['b', 2], ['c', 'd: e'], ['f', 1]])
    assert.deepEqual(recover('foo\ntitle: x\n').map(([key, value]) => [key, value]), [['title', 'x']])
    assert.deepEqual(recover('x\n  y\ntitle: [a] b\n').map(([key, value]) => [key, value]), [['title', '[a] b']])
  })

  it('should read a long front matter after a broken first line whole: the budget grows with the YAML', () => {
    const lines = Array.from({length: 3000}, (_, index) => `k${index}: v`)
    assert.deepEqual(recover('- x\n' + lines.join('\n') + '\n').map(([key]) => key), lines.map((line) => line.slice(0, line.indexOf(':'))))
  })

  it('should leave out a line with no key, and read on', () => {
    assert.deepEqual(recover('[k] t\ntitle: x\n'), [['title', 'x', null]])
    assert.deepEqual(recover('- a\n- [b\n'), [])
    // `: x` is a null key to yaml, not a key written on its line.
    assert.deepEqual(recover('t: [a] b\n: [x] y\nz: 1\n').map(([key]) => key), ['t', 'z'])
  })

  it('should stop recovering when a hostile front matter would be parsed too often', () => {
    const lines = Array.from({length: 400}, (_, index) => `k${index}: a: b`)
    const pairs = recover(lines.join('\n') + '\n')
    assert.ok(pairs.length > 0)
    assert.ok(pairs.length < lines.length)
    // What was read is read in order, from the start.
    assert.deepEqual(pairs.map(([key]) => key), lines.slice(0, pairs.length).map((line) => line.slice(0, line.indexOf(':'))))
  })
  it('should read the pairs of a top-level flow mapping, which share its line, once each', () => {
    // `{a: 1, b: 2}` is one line holding two pairs; the `c` line after it is damaged.
    assert.deepEqual(recover('{a: 1, b: 2}\nc: 3\n'), [['a', 1, null], ['b', 2, null], ['c', 3, null]])
    // Each line of an unclosed flow mapping is a group of its own.
    assert.deepEqual(recover('{a: 1,\n b: 2,\n c: 3\n').map(([key, value]) => [key, value]), [['a', 1], ['b', 2], ['c', 3]])
  })

  it('should read on past a damaged mapping with no pairs, or a line that is one', () => {
    assert.deepEqual(recover('{\n'), [])
    // A stray `}` before the first key.
    assert.deepEqual(recover('}\n  a: 1\ntitle: x\n').map(([key, value]) => [key, value]), [['a', 1], ['title', 'x']])
    // `{` on its own line, read again alone, is an unclosed mapping without pairs.
    assert.deepEqual(recover('a: 1\n{\nb: 2\n').map(([key, value]) => [key, value]), [['a', 1], ['b', 2]])
  })

  it('should keep a damaged line’s key with no value as null, and leave out a key that is not a scalar', () => {
    // Two anchors are an error; after them the value is empty.
    const line = 't: &a &b\n'
    assert.deepEqual(recover(line + 'u: 1\n'), [['t', null, [0, line.length]], ['u', 1, null]])
    assert.deepEqual(recover('[a]: [b] c\nz: 1\n'), [['z', 1, null]])
    assert.deepEqual(recover('x: 1\n[a, b]: @c\nz: 1\n'), [['x', 1, null], ['z', 1, null]])
  })
  it('should read the lines before the line of yaml’s first pair when the damage is there', () => {
    // An anchor before `?` is out of order: yaml's first pair is the key mapping `x k: v`, from the second line.
    assert.deepEqual(recover('&a ? x\n k: v\n')[0], ['x', null, [0, 7]])
    // Damage after it too: the first line is still read, then the rest as yaml reads it again.
    assert.deepEqual(recover('&a ? x\n k: v\nt: [a] b\n'), [['x', null, [0, 7]], ['k', 'v', null], ['t', '[a] b', [13, 22]]])
  })
  it('should stop cleanly wherever the budget runs out: reading a front matter again or one of its lines', () => {
    // Between 50 and 70 lines the budget runs out at each of the parses in turn.
    for (let length = 50; length <= 70; length++) {
      const lines = Array.from({length}, (_, index) => `k${index}: a: b`)
      const keys = recover(lines.join('\n') + '\n').map(([key]) => key)
      assert.ok(keys.length > 0 && keys.length < length, `${length} lines: ${keys.length} read`)
      assert.deepEqual(keys, lines.slice(0, keys.length).map((line) => line.slice(0, line.indexOf(':'))))
    }
  })
})
