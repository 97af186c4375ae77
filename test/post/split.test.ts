import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {dominantLineEnding, splitPost} from '../../src/post/split.ts'

describe('splitPost', () => {
  it('should find the block, its content and the body', () => {
    assert.deepEqual(splitPost('---\ntitle: A\n---\n<p>b</p>'), {
      bom: false,
      eol: '\n',
      frontMatter: {start: 0, end: 17, contentStart: 4, contentEnd: 13},
      unclosed: false,
      bodyStart: 17
    })
  })

  it('should start after a byte order mark, and only a leading one', () => {
    const split = splitPost('\uFEFF---\na: 1\n---\nb')
    assert.equal(split.bom, true)
    assert.deepEqual(split.frontMatter, {start: 1, end: 14, contentStart: 5, contentEnd: 10})
    assert.equal(splitPost('\uFEFFb').bodyStart, 1)
    assert.equal(splitPost('a\uFEFF').bom, false)
    assert.equal(splitPost('b').bodyStart, 0)
  })

  it('should have no block when the first line is no fence', () => {
    for (const raw of ['', 'title: A\n---\n', ' ---\na: 1\n---\n', '--\na: 1\n---\n', '...\na: 1\n...\n', '---x\na: 1\n---\n', '----\na: 1\n---\n']) {
      const split = splitPost(raw)
      assert.equal(split.frontMatter, null, JSON.stringify(raw))
      assert.equal(split.unclosed, false, JSON.stringify(raw))
      assert.equal(split.bodyStart, 0, JSON.stringify(raw))
    }
  })

  it('should allow spaces and tabs after either fence, and nothing else', () => {
    assert.deepEqual(splitPost('--- \t\na: 1\n---\t \nb').frontMatter, {start: 0, end: 17, contentStart: 6, contentEnd: 11})
    assert.equal(splitPost('---\na: 1\n--- x\nb').unclosed, true)
    assert.equal(splitPost('---\na: 1\n---x\nb').unclosed, true)
    assert.equal(splitPost('---\na: 1\n ---\nb').unclosed, true)
  })

  it('should close on `...` but never open on it', () => {
    assert.deepEqual(splitPost('---\na: 1\n...\nb').frontMatter, {start: 0, end: 13, contentStart: 4, contentEnd: 9})
    assert.equal(splitPost('---\na: 1\n..\nb').unclosed, true)
  })

  it('should close at the first fence, so a later one is body', () => {
    const split = splitPost('---\na: 1\n---\n---\nb\n')
    assert.equal(split.bodyStart, 13)
    assert.equal(split.frontMatter!.contentEnd, 9)
  })

  it('should close on a fence that ends the post without a line break', () => {
    const split = splitPost('---\na: 1\n---')
    assert.deepEqual(split.frontMatter, {start: 0, end: 12, contentStart: 4, contentEnd: 9})
    assert.equal(split.bodyStart, 12)
  })

  it('should say unclosed when no fence closes the block', () => {
    for (const raw of ['---', '---\n', '---\na: 1', '---\na: 1\n', '--- \t']) {
      const split = splitPost(raw)
      assert.equal(split.unclosed, true, JSON.stringify(raw))
      assert.equal(split.frontMatter, null, JSON.stringify(raw))
      assert.equal(split.bodyStart, 0, JSON.stringify(raw))
    }
    // `---\n---`: an empty block that is closed.
    assert.deepEqual(splitPost('---\n---\n').frontMatter, {start: 0, end: 8, contentStart: 4, contentEnd: 4})
  })

  it('should keep the `\\r` of `\\r\\n` out of the fence line', () => {
    const split = splitPost('---\r\na: 1\r\n---\r\nb')
    assert.equal(split.eol, '\r\n')
    assert.deepEqual(split.frontMatter, {start: 0, end: 16, contentStart: 5, contentEnd: 11})
  })

  it('should end lines at a lone `\\r` only in a post with no `\\n`', () => {
    assert.deepEqual(splitPost('---\ra: 1\r---\rb').frontMatter, {start: 0, end: 13, contentStart: 4, contentEnd: 9})
    // With a `\n` somewhere, a lone `\r` is a character: `---\r` is no fence.
    assert.equal(splitPost('---\ra: 1\r---\rb\n').frontMatter, null)
    assert.equal(splitPost('---\na: 1\r---\rb\n').unclosed, true)
  })

  it('should never end a line at U+2028 or U+2029', () => {
    assert.equal(splitPost('---\na: 1\u2028---\u2029b\n').unclosed, true)
  })
})

describe('dominantLineEnding', () => {
  it('should give `\\n` for a text with no `\\r`', () => {
    assert.equal(dominantLineEnding(''), '\n')
    assert.equal(dominantLineEnding('a\nb'), '\n')
  })

  it('should give the line ending used most', () => {
    assert.equal(dominantLineEnding('a\r\nb\r\nc\n'), '\r\n')
    assert.equal(dominantLineEnding('a\r\nb\nc\n'), '\n')
    assert.equal(dominantLineEnding('a\rb\rc\n'), '\r')
    assert.equal(dominantLineEnding('a\rb\nc\n'), '\n')
    assert.equal(dominantLineEnding('a\rb\r\nc\r'), '\r')
    assert.equal(dominantLineEnding('a\r'), '\r')
    assert.equal(dominantLineEnding('a\r\n'), '\r\n')
  })

  it('should prefer `\\r\\n` on a tie, then `\\n` over `\\r`', () => {
    assert.equal(dominantLineEnding('a\r\nb\n'), '\r\n')
    assert.equal(dominantLineEnding('a\r\nb\r'), '\r\n')
    assert.equal(dominantLineEnding('a\r\nb\rc\n'), '\r\n')
    assert.equal(dominantLineEnding('a\rb\n'), '\n')
  })

  it('should count `\\r\\n` once, not as `\\r` and `\\n`', () => {
    assert.equal(dominantLineEnding('a\r\nb\r\nc\nd\r'), '\r\n')
    assert.equal(dominantLineEnding('a\r\nb\r\nc\r\nd\n\n'), '\r\n')
  })
})
