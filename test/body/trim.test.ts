import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {trimWhere} from '../../src/body/trim.ts'

const space = (code: number) => code <= 0x20

describe('trimWhere', () => {
  it('should trim both ends and keep what is inside, long inner runs included', () => {
    assert.equal(trimWhere('  a \t b  ', space), 'a \t b')
    assert.equal(trimWhere('a' + ' '.repeat(100_000) + 'b', space).length, 100_002)
    assert.equal(trimWhere(' \n\t ', space), '')
    assert.equal(trimWhere('', space), '')
  })

  it('should return the string itself when nothing is trimmed', () => {
    const value = 'abc'
    assert.equal(trimWhere(value, space), value)
  })

  it('should ask `drop` only about the string’s own code units', () => {
    // A predicate may say anything of `NaN` (what `charCodeAt` gives past the end): it must never be asked.
    for (const value of ['', '   ', ' a ', 'ab', '\t\n']) {
      const asked: number[] = []
      const result = trimWhere(value, (code) => {
        asked.push(code)
        return !(code > 0x20)
      })
      assert.equal(result, value.trim(), JSON.stringify(value))
      assert.ok(asked.every((code) => Number.isInteger(code) && value.includes(String.fromCharCode(code))), `${JSON.stringify(value)}: asked ${asked}`)
    }
  })

  it('should agree with the regular expression it replaces', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '\f', '\u0000', '\u0020', '\u00a0')
    fc.assert(
      fc.property(fc.string({unit, maxLength: 40}), (value) => trimWhere(value, space) === value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')),
      {numRuns: 2000}
    )
  })
})
