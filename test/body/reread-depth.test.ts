import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {maxDepth} from '../../src/body/parse.ts'
import {compareRereading} from '../support/reread.ts'

// Apart from the mirror (`reread.test.ts`): comparing trees 500 levels deep takes seconds, which each mutant of a
// mutation run would pay.

/** `depth` nested `<div>`s around `inner`, and a line feed after them. */
const nested = (depth: number, inner: string) => `${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}\n`

describe('reread and the nesting cap', () => {
  it('should read alone a rewritten item nested as deep as the cap allows (each `<div>`, the `<p>` and its text a level)', () => {
    assert.equal(compareRereading(nested(maxDepth - 4, '<p onclick=1>x</p>')), true)
  })

  it('should leave to the whole reading one nested as deep as the cap, and a body the first reading capped', () => {
    assert.equal(compareRereading(nested(maxDepth - 3, '<p onclick=1>x</p>')), false)
    assert.equal(compareRereading(nested(maxDepth, '<p onclick=1>x</p>')), false)
  })
})

describe('reread: the depth of a rewritten item read alone', () => {
  it('should leave to the whole reading a rewritten item whose elements, where it stands, come within two levels of the nesting cap', () => {
    /** A rewritten `<p>` holding `spans` nested `<span>`s (`spans + 1` elements deep), inside a kept `<div>` when `outer`. */
    const deep = (spans: number, outer: boolean) => {
      const item = '<p onclick=1>' + '<span>'.repeat(spans) + 'x' + '</span>'.repeat(spans) + '</p>\n<p>y</p>\n'
      return outer ? `<div>\n${item}</div>\n` : item
    }
    // Refused when the depth where it stands, plus its own, plus two reaches `maxDepth` (512).
    const edge = maxDepth - 2 - 1
    assert.equal(compareRereading(deep(edge - 1, false)), true)
    assert.equal(compareRereading(deep(edge, false)), false)
    assert.equal(compareRereading(deep(edge - 2, true)), true)
    assert.equal(compareRereading(deep(edge - 1, true)), false)
  })
})
