import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import GithubSlugger from 'github-slugger'
import {createSlugger} from '../../src/article/slug.ts'

/** The slugger as it was: github-slugger for every heading. */
function reference(): (text: string, existing?: string) => string {
  const slugger = new GithubSlugger()
  const used = new Set<string>()
  return (text, existing) => {
    if (existing && !used.has(existing)) {
      used.add(existing)
      return existing
    }
    let id = slugger.slug(text.normalize('NFC'))
    while (used.has(id) || id === '') id = slugger.slug(text.normalize('NFC') || 'section')
    used.add(id)
    return id
  }
}

describe('createSlugger', () => {
  it('should give github-slugger’s ids, repeats and explicit ids included', () => {
    const part = fc.constantFrom('a', 'B', 'z', '1', ' ', '-', '_', '한', '글', '·', '!', '.', 'É', '\u1112\u1161', '\u00a0', 'a-1', 'section', '')
    const heading = fc.array(part, {maxLength: 6}).map((parts) => parts.join(''))
    const call = fc.tuple(heading, fc.option(fc.constantFrom('a', 'a-1', 'section', 'b'), {nil: undefined}))
    fc.assert(
      fc.property(fc.array(call, {maxLength: 12}), (calls) => {
        const actual = createSlugger()
        const expected = reference()
        for (const [text, existing] of calls) assert.equal(actual(text, existing), expected(text, existing))
      }),
      {seed: 4242, numRuns: 3000}
    )
  })
})
