import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {emptyMeta} from '../../src/front-matter/normalize.ts'
import {parseFrontMatter} from '../../src/front-matter/parse.ts'
import {keepsBlock, renderFrontMatter} from '../../src/front-matter/render.ts'
import {splitPost} from '../../src/post/split.ts'
import type {Meta} from '../../src/types.ts'

const meta = (fields: Partial<Meta>): Meta => ({...emptyMeta(), ...fields})
const read = (block: string): Meta => parseFrontMatter(block).meta

describe('renderFrontMatter', () => {
  it('should write nothing for an empty Meta', () => {
    assert.equal(renderFrontMatter(emptyMeta()), '')
    assert.equal(renderFrontMatter(emptyMeta(), null), '')
    assert.equal(renderFrontMatter(meta({categories: [], tags: []})), '')
  })

  it('should write known keys in order by their YAML names, then extra', () => {
    const value = meta({
      layout: 'post', title: 'T', tags: ['a', 'b'], categories: ['c'], excerpt: 'E', featureText: 'F', image: 'i.png',
      date: '2024-07-18', dateIso: '2024-07-18', author: 'A', permalink: '/p', extra: [['zz', 1], ['aa', [true, null]]]
    })
    assert.equal(
      renderFrontMatter(value),
      '---\ntitle: T\ncategories:\n  - c\ntags:\n  - a\n  - b\nexcerpt: E\nfeature_text: F\nimage: i.png\ndate: 2024-07-18\nauthor: A\npermalink: /p\nlayout: post\nzz: 1\naa:\n  - true\n  - null\n---\n'
    )
  })

  it('should use `\\r\\n` when asked, and `\\n` for a lone `\\r`', () => {
    assert.equal(renderFrontMatter(meta({title: 'T', tags: ['a']}), undefined, '\r\n'), '---\r\ntitle: T\r\ntags:\r\n  - a\r\n---\r\n')
    assert.equal(renderFrontMatter(meta({title: 'T'}), undefined, '\r'), '---\ntitle: T\n---\n')
  })

  it('should let an extra entry for a known key win', () => {
    assert.equal(renderFrontMatter(meta({title: 'T', author: 'A', extra: [['author', {name: 'A', login: 'a'}]]})), '---\ntitle: T\nauthor:\n  name: A\n  login: a\n---\n')
  })

  it('should write any value as plain data', () => {
    const odd = meta({title: 5 as unknown as string, extra: [['n', Number.NaN], ['i', -Infinity], ['u', undefined as unknown as null], ['b', 10n as unknown as null], ['s', 'x']]})
    assert.equal(renderFrontMatter(odd), '---\ntitle: 5\nn: NaN\ni: -Infinity\nu: null\nb: "10"\ns: x\n---\n')
    let deep: unknown = 'end'
    for (let index = 0; index < 70; index++) deep = [deep]
    const written = renderFrontMatter(meta({extra: [['d', deep as null]]}))
    assert.match(written, /- end\n/)
    assert.ok(!written.includes('- end,'))
    let deeper: unknown = {a: 'end'}
    for (let index = 0; index < 66; index++) deeper = {a: deeper}
    assert.match(renderFrontMatter(meta({extra: [['d', deeper as null]]})), /a: "\[object Object\]"\n/)
  })

  it('should write nothing for an undefined field of a hand-built Meta', () => {
    assert.equal(renderFrontMatter({...emptyMeta(), title: undefined as unknown as null}), '')
  })

  it('should write a long value on one line', () => {
    const title = 'word '.repeat(40).trim()
    assert.equal(renderFrontMatter(meta({title})), `---\ntitle: ${title}\n---\n`)
  })

  it('should read back values with line breaks, separators and blank lines as they were', () => {
    for (const value of ['a\nb\u2028c', 'a\n\nb\u0085', ' \n', '\n\n', '\t\r\n ']) {
      assert.equal(read(renderFrontMatter(meta({title: value}))).title, value, JSON.stringify(value))
      assert.deepEqual(read(renderFrontMatter(meta({extra: [['l', ['x', value]], ['m', {[value]: 'k', v: value}]]}))).extra, [['l', ['x', value]], ['m', {[value]: 'k', v: value}]], JSON.stringify(value))
    }
  })

  it('should skip broken extra entries of a hand-built Meta', () => {
    const broken = {...meta({title: 'T'}), extra: [null, 'x', ['k', 'v']] as unknown as Meta['extra']}
    assert.equal(renderFrontMatter(broken), '---\ntitle: T\nk: v\n---\n')
    assert.equal(renderFrontMatter({...meta({title: 'T'}), extra: undefined as unknown as Meta['extra']}), '---\ntitle: T\n---\n')
  })

  it('should keep `__proto__` keys as data', () => {
    const value = meta({extra: [['__proto__', {polluted: 1}], ['o', JSON.parse('{"__proto__": {"p": 1}}')]]})
    const written = renderFrontMatter(value)
    assert.equal(written, '---\n__proto__:\n  polluted: 1\no:\n  __proto__:\n    p: 1\n---\n')
    assert.deepEqual(read(written).extra, value.extra)
  })

  it('should never write a fence line, whatever the values hold', () => {
    for (const title of ['a\n---\nb', '---', '...', 'a\r\n---\r\n', 'a\u2028---\u2029b', 'a\u0085---']) {
      const written = renderFrontMatter(meta({title}))
      const split = splitPost(written + 'body')
      assert.equal(split.bodyStart, written.length, JSON.stringify(title))
      assert.equal(read(written).title, title, JSON.stringify(title))
      assert.ok(!/[\u0085\u2028\u2029]/.test(written), JSON.stringify(title))
    }
  })

  it('should return the original block when the values are unchanged', () => {
    const original = "---\n# a comment\ntitle:   'T'\ntags: a b\nx: [1, 2]\n---\n"
    assert.equal(renderFrontMatter(read(original), original), original)
    const recovered = '---\ntitle: [속보] 뉴스\n---\n'
    assert.equal(renderFrontMatter(read(recovered), recovered), recovered)
    const crlf = '---\r\ntitle: T\r\n---\r\n'
    assert.equal(renderFrontMatter(read(crlf), crlf, '\r\n'), crlf)
  })

  it('should rewrite only the lines of changed keys', () => {
    const original = "---\n# a comment\ntitle:   'T'\ntags: a b # tags\nx: [1, 2]\n---\n"
    assert.equal(renderFrontMatter({...read(original), title: 'U'}, original), "---\n# a comment\ntitle: U\ntags: a b # tags\nx: [1, 2]\n---\n")
    assert.equal(renderFrontMatter({...read(original), tags: ['c']}, original), "---\n# a comment\ntitle:   'T'\ntags:\n  - c\nx: [1, 2]\n---\n")
  })

  it('should drop removed keys and append new ones', () => {
    const original = '---\ntitle: T\nx: 1\ny: 2\n---\n'
    const value = read(original)
    assert.equal(renderFrontMatter({...value, extra: [['y', 2]]}, original), '---\ntitle: T\ny: 2\n---\n')
    assert.equal(renderFrontMatter({...value, excerpt: 'E'}, original), '---\ntitle: T\nx: 1\ny: 2\nexcerpt: E\n---\n')
    assert.equal(renderFrontMatter(meta({title: 'T'}), '---\n---\n'), '---\ntitle: T\n---\n')
    // Kept comments show the block was patched, not written afresh.
    const commented = '---\n# c\ntitle: T\nx: 1\n---\n'
    assert.equal(renderFrontMatter({...read(commented), extra: []}, commented), '---\n# c\ntitle: T\n---\n')
    // A block with no mapping to patch is written afresh.
    assert.equal(renderFrontMatter(meta({title: 'T'}), '---\n# c\n---\n'), '---\ntitle: T\n---\n')
  })

  it('should keep the original line endings and write new lines with the one asked for', () => {
    const original = '---\r\ntitle: T\r\nx: 1\r\n---\r\n'
    assert.equal(renderFrontMatter({...read(original), title: 'U', excerpt: 'E'}, original, '\r\n'), '---\r\ntitle: U\r\nx: 1\r\nexcerpt: E\r\n---\r\n')
    const mac = '---\rtitle: T\rx: 1\r---\r'
    // A patch would bring a `\n` into a file read at lone `\r`s, so it is written afresh.
    assert.equal(renderFrontMatter({...read(mac), title: 'U'}, mac, '\r'), '---\ntitle: U\nx: 1\n---\n')
    assert.equal(renderFrontMatter(read(mac), mac, '\r'), mac)
  })

  it('should rewrite a block scalar whole, and keep one that did not change', () => {
    const original = '---\nexcerpt: >\n  folded\n  text\ntitle: T\n---\n'
    assert.equal(renderFrontMatter({...read(original), title: 'U'}, original), '---\nexcerpt: >\n  folded\n  text\ntitle: U\n---\n')
    assert.equal(renderFrontMatter({...read(original), excerpt: 'E'}, original), '---\nexcerpt: E\ntitle: T\n---\n')
    const last = '---\ntitle: T\nexcerpt: |\n  a\n---\n'
    assert.equal(renderFrontMatter({...read(last), title: 'U'}, last), '---\ntitle: U\nexcerpt: |\n  a\n---\n')
  })

  it('should patch a block that ends the post without a line break', () => {
    assert.equal(renderFrontMatter(meta({title: 'U'}), '---\ntitle: T\n---'), '---\ntitle: U\n---')
  })

  it('should append after a last line that has no line break of its own', () => {
    const original = '---\ntitle: T\n---\n'
    assert.equal(renderFrontMatter({...read(original), excerpt: 'E', title: 'U'}, original), '---\ntitle: U\nexcerpt: E\n---\n')
  })

  it('should write afresh when the original cannot be patched or reused', () => {
    const value = meta({title: 'U'})
    // Fatal YAML, not a mapping, not one whole block, a fence some readers see, a key that is no scalar.
    assert.equal(renderFrontMatter(value, '---\ntitle: "a\n---\n'), '---\ntitle: U\n---\n')
    assert.equal(renderFrontMatter(value, '---\n- a\n---\n'), '---\ntitle: U\n---\n')
    assert.equal(renderFrontMatter(value, '---\ntitle: T\n---\nbody'), '---\ntitle: U\n---\n')
    assert.equal(renderFrontMatter(value, 'title: T\n'), '---\ntitle: U\n---\n')
    const hidden = '---\ntitle: T\u2028---\u2028\n---\n'
    assert.equal(renderFrontMatter(read(hidden), hidden), '---\n"title": "T\\L---\\L"\n---\n')
    assert.equal(renderFrontMatter(value, '---\n? [a]\n: 1\ntitle: T\n---\n'), '---\ntitle: U\n---\n')
    // …but one that still says what the Meta says (the title read as text) is kept as written.
    const broken = '---\ntitle: "a\n---\n'
    assert.equal(renderFrontMatter(read(broken), broken), broken)
  })

  it('should reuse a block whose hidden separators are in its first or last line only', () => {
    const original = '---\ntitle: "a\u2028---"\n---\n'
    assert.equal(renderFrontMatter(read(original), original), original)
  })
})

describe('keepsBlock', () => {
  it('should keep a whole block with no hidden fence whose line breaks read as in the post', () => {
    assert.equal(keepsBlock('---\ntitle: T\n---\n', true), true)
    assert.equal(keepsBlock('---\ntitle: T\n---\n', false), false)
    assert.equal(keepsBlock('---\rtitle: T\r---\r', false), true)
    assert.equal(keepsBlock('---\rtitle: T\r---\r', true), false)
    assert.equal(keepsBlock('---\ntitle: T\n---\nbody', true), false)
    assert.equal(keepsBlock('x---\ntitle: T\n---\n', true), false)
    assert.equal(keepsBlock('---\ntitle: T\r---\r\n---\n', true), false)
    assert.equal(keepsBlock('---\ntitle: T\u2029...\u2029\n---\n', true), false)
    assert.equal(keepsBlock('---\ntitle: T\u0085--- \n---\n', true), false)
    assert.equal(keepsBlock('---\ntitle: T\u2028---x\n---\n', true), true)
  })

  it('should find a fence line in any line between the fences, whatever ends the lines', () => {
    // The model: a whole block none of whose lines but the first and the closing fence is `---` or `...`, where any of these breaks ends a line.
    const model = (block: string) => {
      const split = splitPost(block)
      const whole = split.frontMatter !== null && split.frontMatter.start === 0 && split.frontMatter.end === block.length
      const lines = block.split(/\r\n|[\n\r\u0085\u2028\u2029]/)
      return whole && !lines.slice(1, -2).some((line) => /^(?:---|\.\.\.)[ \t]*$/.test(line)) && block.includes('\n')
    }
    const part = fc.constantFrom('---', '...', '-', '.', '--', '\n', '\r', '\r\n', '\u2028', '\u0085', 'a: b', ' ', '\t')
    const block = fc.tuple(fc.array(part, {maxLength: 8}), fc.constantFrom('---', '...', '--- ')).map(([parts, fence]) => `---\n${parts.join('')}\n${fence}\n`)
    fc.assert(fc.property(block, (value) => keepsBlock(value, true) === model(value)), {seed: 20, numRuns: 3000})
  })
})
