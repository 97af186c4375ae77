import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {LineIndex} from '../../src/diagnostics/line-index.ts'

/** Lines and columns counted one character at a time: `\r\n`, `\r` and `\n` each end a line; a BOM is not a column. */
function reference(value: string, offset: number): {line: number; column: number; offset: number} {
  const clamped = Math.max(0, Math.min(offset, value.length))
  let line = 1
  let start = value.charCodeAt(0) === 0xfe_ff ? 1 : 0
  for (let index = 0; index < clamped; index++) {
    const code = value.charCodeAt(index)
    if (code === 10 || (code === 13 && value.charCodeAt(index + 1) !== 10)) {
      line++
      start = index + 1
    }
  }
  return {line, column: Math.max(1, clamped - start + 1), offset: clamped}
}

describe('LineIndex', () => {
  it('should count lines as the spec reads line breaks, at every offset', () => {
    const text = fc.array(fc.constantFrom('a', '한', '\n', '\r', '\r\n', '\ufeff', ' '), {maxLength: 40}).map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, (value) => {
        const lines = new LineIndex(value)
        for (let offset = -1; offset <= value.length + 1; offset++) assert.deepEqual(lines.point(offset), reference(value, offset))
      }),
      {seed: 4242, numRuns: 2000}
    )
  })

  it('should read a lone CR, CRLF and LF as one line break each', () => {
    const lines = new LineIndex('a\rb\r\nc\nd')
    assert.deepEqual([2, 5, 7].map((offset) => lines.point(offset).line), [2, 3, 4])
    assert.deepEqual(lines.point(4), {line: 2, column: 3, offset: 4})
  })
})
