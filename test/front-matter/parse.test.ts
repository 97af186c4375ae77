import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {maxAliasCount, parseFrontMatter} from '../../src/front-matter/parse.ts'
import {emptyMeta} from '../../src/front-matter/normalize.ts'

/** The messages as [ruleId, start offset, end offset, fatal]. */
function messages(raw: string): Array<[string, number, number, boolean | undefined]> {
  return parseFrontMatter(raw).messages.map((message) => [message.ruleId!, message.place.start.offset, message.place.end.offset, message.fatal])
}

describe('parseFrontMatter', () => {
  it('should read the known keys and keep the others in extra, in order', () => {
    const result = parseFrontMatter('---\ntitle: Hi\ntags: a b\nfoo: 1\nbar: [x]\n---\n<p>b</p>')
    assert.equal(result.meta.title, 'Hi')
    assert.deepEqual(result.meta.tags, ['a', 'b'])
    assert.deepEqual(result.meta.extra, [['foo', 1], ['bar', ['x']]])
    assert.deepEqual(result.messages, [])
    assert.equal(result.bodyStart, 44)
    assert.deepEqual(result.block, {start: 0, end: 44, contentStart: 4, contentEnd: 40})
    assert.equal('cause' in result, false)
  })

  it('should report a missing front matter at the start of the body', () => {
    const result = parseFrontMatter('\uFEFF<p>b</p>')
    assert.deepEqual(messages('\uFEFF<p>b</p>'), [['front-matter-missing', 1, 1, false]])
    assert.equal(result.block, null)
    assert.equal(result.bodyStart, 1)
    assert.deepEqual(result.meta, emptyMeta())
  })

  it('should report an unclosed front matter on its opening fence', () => {
    assert.deepEqual(messages('---\ntitle: a\n'), [['front-matter-unclosed', 0, 3, true]])
    assert.deepEqual(parseFrontMatter('---\ntitle: a\n').meta, emptyMeta())
  })

  it('should read an empty block, or one of comments only, as no values', () => {
    for (const raw of ['---\n---\n', '---\n# only a comment\n---\n', '---\n~\n---\n']) {
      const result = parseFrontMatter(raw)
      assert.deepEqual(result.messages, [], raw)
      assert.deepEqual(result.meta, emptyMeta(), raw)
    }
  })

  it('should report a front matter that is not a mapping, over its content', () => {
    assert.deepEqual(messages('---\n- a\n---\n'), [['front-matter-not-mapping', 4, 8, true]])
    assert.deepEqual(messages('---\njust text\n---\n'), [['front-matter-not-mapping', 4, 14, true]])
    assert.deepEqual(messages('---\n42\n---\n'), [['front-matter-not-mapping', 4, 7, true]])
  })

  it('should report a duplicate key on the second key and keep the last value', () => {
    const result = parseFrontMatter('---\na: 1\na: 2\n---\n')
    assert.deepEqual(messages('---\na: 1\na: 2\n---\n'), [['front-matter-duplicate-key', 9, 10, false]])
    assert.deepEqual(result.meta.extra, [['a', 2]])
    assert.equal(result.cause, undefined)
  })

  it('should report invalid YAML in place, fatal, with the error as its cause', () => {
    const raw = '---\ntitle: a\n  b: c\n---\n'
    const result = parseFrontMatter(raw)
    assert.ok(result.messages.length > 0)
    for (const message of result.messages) {
      assert.equal(message.ruleId, 'front-matter-yaml')
      assert.equal(message.fatal, true)
      assert.ok(message.place.start.offset >= 4 && message.place.end.offset <= 20)
      assert.ok(!/ at line \d+/.test(message.reason), message.reason)
    }
    assert.ok(result.cause instanceof Error)
    // The first line reads on its own; the line indented under it belongs to the broken value.
    assert.deepEqual(result.meta, {...emptyMeta(), title: 'a'})
  })

  it('should place an error at the end of the YAML on its last character, not the closing fence', () => {
    const raw = '---\r\ntitle: "a\r\n---\r\n'
    assert.deepEqual(messages(raw), [['front-matter-yaml', 15, 15, true]])
    assert.deepEqual(messages('---\ntitle: [a\nx: "\n---\n').at(-1), ['front-matter-yaml', 18, 18, true])
  })

  it('should read a value YAML reserves as text, and still report the error as an error', () => {
    const raw = '---\ntitle: [속보] 뉴스\ntags: a\n---\n'
    const result = parseFrontMatter(raw)
    assert.equal(result.meta.title, '[속보] 뉴스')
    assert.deepEqual(result.meta.tags, ['a'])
    // Other tools cannot read this YAML: an error, whatever was recovered.
    assert.deepEqual(messages(raw), [['front-matter-yaml', 16, 18, true]])
    assert.match(result.messages[0]!.reason, /`title` was read as text/)
    assert.ok(result.cause instanceof Error)
  })

  it('should recover each reserved value, quotes and all, and keep valid ones as they are', () => {
    const result = parseFrontMatter("---\ntitle: @a 'b'\nexcerpt: [x] it's\nimage: [a.png]\nlayout: post\n---\n")
    assert.equal(result.meta.title, "@a 'b'")
    assert.equal(result.meta.excerpt, "[x] it's")
    assert.equal(result.meta.image, null)
    assert.deepEqual(result.meta.extra, [['image', ['a.png']]])
    assert.equal(result.meta.layout, 'post')
    assert.deepEqual(
      result.messages.map((message) => [message.ruleId, message.fatal]),
      [['front-matter-yaml', true], ['front-matter-yaml', true], ['front-matter-type', false]]
    )
  })

  it('should keep a duplicate key a duplicate key after a recovery', () => {
    const raw = '---\ntitle: [a] b\na: 1\na: 2\n---\n'
    const result = parseFrontMatter(raw)
    assert.equal(result.meta.title, '[a] b')
    assert.deepEqual(result.meta.extra, [['a', 2]])
    assert.deepEqual(
      result.messages.map((message) => [message.ruleId, message.fatal]),
      [['front-matter-yaml', true], ['front-matter-duplicate-key', false]]
    )
  })

  it('should keep every key after a title broken over two lines', () => {
    const result = parseFrontMatter('---\ntitle: 한국 블록체인\n뉴스 속보\ncategories:\n  - News\nexcerpt: hi\nimage: a.png\n---\n')
    assert.deepEqual(
      {title: result.meta.title, categories: result.meta.categories, excerpt: result.meta.excerpt, image: result.meta.image},
      {title: '한국 블록체인', categories: ['News'], excerpt: 'hi', image: 'a.png'}
    )
    assert.deepEqual(messages('---\ntitle: 한국 블록체인\n뉴스 속보\ncategories:\n  - News\n---\n').map(([ruleId, start, , fatal]) => [ruleId, start, fatal]), [['front-matter-yaml', 19, true]])
  })

  it('should keep the keys after a value that swallows them (an unclosed quote, a `key: a: b`)', () => {
    for (const title of ["'never closed", '"never closed', 'a: b', '{a']) {
      const result = parseFrontMatter(`---\ntitle: ${title}\ntags: [a, b]\nimage: a.png\n---\n`)
      assert.equal(result.meta.title, title, title)
      assert.deepEqual(result.meta.tags, ['a', 'b'], title)
      assert.equal(result.meta.image, 'a.png', title)
      assert.ok(result.messages.some((message) => message.ruleId === 'front-matter-yaml' && message.fatal === true), title)
    }
  })

  it('should read the value after the spaces and tabs that follow the key', () => {
    assert.equal(parseFrontMatter('---\ntitle:  \t[a] b\n---\n').meta.title, '[a] b')
  })

  it('should not take a nested key for a top-level one', () => {
    const nested = parseFrontMatter('---\ntitle: [a] b\nx:\n  y: @z\n---\n')
    assert.equal(nested.meta.title, '[a] b')
    assert.deepEqual(nested.meta.extra, [['x', null]])
    assert.ok(nested.cause)
  })

  it('should leave out a line with no key, and read on', () => {
    const result = parseFrontMatter('---\n[기획] 제목\ntitle: x\n---\n')
    assert.equal(result.meta.title, 'x')
    assert.equal(result.messages[0]!.ruleId, 'front-matter-yaml')
  })

  it('should stop recovering when a hostile front matter would be parsed too often', () => {
    // Every value swallows the lines after it: read line by line, each rest would be parsed again.
    const lines = Array.from({length: 2000}, (_, index) => `k${index}: a: b`)
    const result = parseFrontMatter('---\n' + lines.join('\n') + '\n---\n')
    assert.ok(result.meta.extra.length > 0)
    assert.ok(result.meta.extra.length < lines.length)
    assert.equal(result.messages[0]!.fatal, true)
  })

  it('should leave out, and report, a key whose alias names no anchor before it', () => {
    const result = parseFrontMatter('---\nb: *y\ntitle: T\n---\n')
    assert.equal(result.meta.title, 'T')
    assert.deepEqual(result.meta.extra, [])
    assert.deepEqual(messages('---\nb: *y\ntitle: T\n---\n'), [['front-matter-yaml', 7, 9, true]])
    // The anchor was in a line that could not be read.
    const lost = parseFrontMatter('---\na: &x [1] junk\nb: *x\ntitle: T\n---\n')
    assert.equal(lost.meta.title, 'T')
    assert.deepEqual(lost.meta.extra, [['a', '[1] junk']])
  })

  it('should leave out, and report, a value that contains itself through an alias', () => {
    for (const raw of ['---\nk: &a [*a]\ntitle: T\n---\n', '---\nc: &y {k: {j: *y}}\ntitle: T\n---\n']) {
      const result = parseFrontMatter(raw)
      assert.equal(result.meta.title, 'T', raw)
      assert.deepEqual(result.meta.extra, [], raw)
      assert.deepEqual(result.messages.map((message) => [message.ruleId, message.fatal]), [['front-matter-yaml', true]], raw)
      assert.match(result.messages[0]!.reason, /contain itself/)
    }
    // An alias of an anchor set before, beside it, is no recursion.
    assert.deepEqual(parseFrontMatter('---\nk: [&a 1, *a]\n---\n').meta.extra, [['k', [1, 1]]])
  })

  it('should report a front matter `!!set` as not a mapping', () => {
    assert.deepEqual(messages('---\n!!set\n? title\n? tags\n---\n'), [['front-matter-not-mapping', 4, 25, true]])
  })

  it('should give the first error that is not a duplicate key as the cause', () => {
    const result = parseFrontMatter('---\na: 1\na: 2\nx: "\n---\n')
    assert.ok(result.cause)
    assert.notEqual((result.cause as {code?: string}).code, 'DUPLICATE_KEY')
  })

  it('should read a key written without a value as null', () => {
    const result = parseFrontMatter('---\n? title\nx: 1\n---\n')
    assert.deepEqual(result.messages, [])
    assert.equal(result.meta.title, null)
    assert.deepEqual(result.meta.extra, [['x', 1]])
  })

  it('should give booleans and -0 as plain values, and mappings that can be changed', () => {
    const result = parseFrontMatter('---\nb: true\nz: -0\nm: {a: 1}\n---\n')
    const [[, b], [, z], [, m]] = result.meta.extra as [[string, unknown], [string, unknown], [string, Record<string, unknown>]]
    assert.equal(b, true)
    assert.ok(Object.is(z, 0))
    m['a'] = 2
    delete m['a']
    assert.deepEqual(m, {})
  })

  it('should refuse an alias bomb over the whole block', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let index = 0; index < 12; index++) lines.push(`${String.fromCharCode(98 + index)}: &${String.fromCharCode(98 + index)} [${Array(10).fill('*' + String.fromCharCode(97 + index)).join(', ')}]`)
    const raw = '---\n' + lines.join('\n') + '\n---\nbody'
    const result = parseFrontMatter(raw)
    assert.deepEqual(messages(raw), [['front-matter-alias-limit', 0, raw.length - 4, true]])
    assert.match(result.messages[0]!.reason, new RegExp(String(maxAliasCount)))
    assert.ok(result.cause instanceof ReferenceError)
    assert.equal(maxAliasCount, 100)
  })

  it('should allow up to the alias limit', () => {
    const raw = '---\na: &a 1\nb: [' + Array(maxAliasCount - 1).fill('*a').join(', ') + ']\n---\n'
    const result = parseFrontMatter(raw)
    assert.deepEqual(result.messages, [])
    assert.equal((result.meta.extra[1]![1] as unknown[]).length, maxAliasCount - 1)
  })

  it('should read a file with lone `\\r` line endings', () => {
    const result = parseFrontMatter('---\rtitle: A\rtags: a b\r---\rbody')
    assert.equal(result.meta.title, 'A')
    assert.deepEqual(result.meta.tags, ['a', 'b'])
  })

  it('should read a lone `\\r` as a line break in a file with `\\n` too, as YAML does', () => {
    const result = parseFrontMatter('---\ntitle: A\rtags: [b]\r\ncategories: [c]\n---\n')
    assert.deepEqual([result.meta.title, result.meta.tags, result.meta.categories], ['A', ['b'], ['c']])
    assert.deepEqual(result.messages, [])
    // `B` starts a line of its own: a key without a value, as YAML reads it.
    assert.deepEqual(messages('---\ntitle: A\rB\n---\n').map(([ruleId, start]) => [ruleId, start]), [['front-matter-yaml', 13]])
  })

  it('should keep numbers as written in known keys', () => {
    const result = parseFrontMatter('---\ntitle: 1.10\nexcerpt: 0x1F\nlayout: true\n---\n')
    assert.equal(result.meta.title, '1.10')
    assert.equal(result.meta.excerpt, '0x1F')
    assert.equal(result.meta.layout, 'true')
  })

  it('should place a problem with a known key on that key', () => {
    assert.deepEqual(messages('---\na: 1\ndate: soon\n---\n'), [['front-matter-date', 9, 13, false]])
    assert.deepEqual(messages('---\ntitle: [a, b]\n---\n'), [['front-matter-type', 4, 9, false]])
    assert.deepEqual(messages('---\n"title": {a: b}\n---\n'), [['front-matter-type', 4, 11, false]])
  })

  it('should place a problem with a key it cannot find on the opening fence', () => {
    // A key written as an alias is no scalar in the document: it has no place of its own.
    assert.deepEqual(messages('---\nx: &k title\n*k : [a]\n---\n'), [['front-matter-type', 0, 3, false]])
  })

  it('should make values JSON-safe', () => {
    const raw = '---\nf: .nan\ng: -.inf\nh: .inf\ni: 1e400\nn: ~\ns: !!set {x, y}\nb: !!binary aGk=\nt: !!timestamp 2001-12-14\no: !!omap [x: 1, y: [.nan]]\nl: [.inf, {k: .nan}]\n---\n'
    assert.deepEqual(parseFrontMatter(raw).meta.extra, [
      ['f', '.nan'], ['g', '-.inf'], ['h', '.inf'], ['i', '.inf'], ['n', null], ['s', ['x', 'y']],
      ['b', '104,105'], ['t', '2001-12-14T00:00:00.000Z'], ['o', {x: 1, y: ['.nan']}], ['l', ['.inf', {k: '.nan'}]]
    ])
  })

  it('should keep `__proto__` keys as plain data', () => {
    const result = parseFrontMatter('---\n__proto__: {polluted: 1}\nx: {__proto__: {p: 2}}\no: !!omap [__proto__: 3]\n---\n')
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined)
    const [[key, value], [, nested], [, omap]] = result.meta.extra as [[string, Record<string, unknown>], [string, Record<string, unknown>], [string, Record<string, unknown>]]
    assert.equal(key, '__proto__')
    assert.deepEqual(Object.keys(value), ['polluted'])
    assert.equal(Object.getPrototypeOf(value), Object.prototype)
    assert.ok(Object.hasOwn(nested, '__proto__'))
    assert.deepEqual(nested['__proto__'], {p: 2})
    assert.equal(Object.getPrototypeOf(nested), Object.prototype)
    assert.ok(Object.hasOwn(omap, '__proto__'))
    assert.equal(Object.getPrototypeOf(omap), Object.prototype)
  })
})

describe('parseFrontMatter (line breaks that are a lone CR)', () => {
  // YAML 1.2 reads `\r` alone as a line break (<https://yaml.org/spec/1.2.2/#54-line-break-characters>): a post whose
  // lines all end in `\r` reads as the same post with `\n`, values, messages and their places alike.
  const read = (post: string) => {
    const {meta, messages} = parseFrontMatter(post)
    return {meta, messages: messages.map((message) => [message.ruleId, message.reason, message.line, message.column, message.place])}
  }

  it('should fold a quoted or folded value over CR-only lines as over LF ones', () => {
    assert.equal(parseFrontMatter('---\rtitle: "a\r  b"\r---\r<p>x</p>').meta.title, 'a b')
    assert.equal(parseFrontMatter('---\rtitle: >\r  a\r  b\rtags: [x]\r---\r').meta.title, 'a b\n')
    // A continuation line at the key's indent ends the value in YAML 1.2 whatever the line break: an error either way.
    assert.deepEqual(read('---\rtitle: "a\rb"\r---\r'), read('---\ntitle: "a\nb"\n---\n'))
    assert.equal(read('---\rtitle: "a\rb"\r---\r').messages[0]![0], 'front-matter-yaml')
  })

  it('should read any front matter with CR-only lines as with LF lines', () => {
    const line = fc.constantFrom('title: "a', '  b"', "title: 'a", "  b'", 'title: >', 'title: |', '  a', '  b', 'tags:', '  - x', 'tags: [x,', '  y]', 'x: 1', '# c', '', ' ', 'x: "', 'k: &a [1]', 'v: *a', '- 1', 'date: 2024-01-02')
    fc.assert(
      fc.property(fc.array(line, {maxLength: 8}), (lines) => {
        const yaml = lines.map((text) => text + '\n').join('')
        assert.deepEqual(read('---\r' + yaml.replaceAll('\n', '\r') + '---\r<p>x</p>'), read('---\n' + yaml + '---\n<p>x</p>'))
      }),
      {seed: 20261208, numRuns: 300}
    )
  })
})
