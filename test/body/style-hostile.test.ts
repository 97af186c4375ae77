import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {isSafeStyle, sanitizeStyle} from '../../src/body/style.ts'

// Apart from the mirror test (`style.test.ts`) so that a mutation run of `src/body/style.ts` can leave
// these 1 MB values out: instrumented by Stryker, they are what made its dry run outlast 5 minutes.
describe('sanitizeStyle and isSafeStyle on hostile input', () => {
  it('should finish on 1 MB hostile values', () => {
    const size = 1 << 20
    const kept = 'color: red; '.repeat(size / 12)
    assert.equal(sanitizeStyle(kept).value, kept)
    for (const fragment of ['(', ')', '"', '/*', '*/', '\\', ';', '-', '#', '!', 'a', ':', '1', 'é', ' ']) {
      const hostile = 'width: ' + fragment.repeat(size / fragment.length)
      assert.equal(typeof sanitizeStyle(hostile).value, 'string')
      assert.equal(typeof isSafeStyle(hostile), 'boolean')
    }

    assert.equal(isSafeStyle('font-family: "' + 'a'.repeat(size) + '"'), true)
    assert.equal(isSafeStyle('width: calc(' + '('.repeat(size) + '1px' + ')'.repeat(size + 1)), true)
  })
})
