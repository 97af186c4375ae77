import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {defaultSchema, parsePost, renderHtml, renderPost, type Article} from '../../src/index.ts'
import {apply, edit, hasScript} from '../support/edits.ts'
import {corpusFolder, postsIn} from '../support/round-trip.ts'

// What parsePost recorded, over real posts (the mirror, `provenance.test.ts`, reads only the sample).
const sample = readFileSync(new URL('../../examples/sample.txt', import.meta.url), 'utf8')
const posts = [{name: 'sample', raw: sample}, ...postsIn(corpusFolder).filter((_, index) => index % 16 === 0)]

describe('rendering what parsePost checked', () => {
  it('should give what a copy of the same Article gives, after any edits in place', () => {
    const parsed = posts.map((post) => post.raw)
    fc.assert(
      fc.property(fc.nat({max: parsed.length - 1}), fc.array(edit, {minLength: 0, maxLength: 4}), (which, edits) => {
        const article = parsePost(parsed[which]!)
        // The other post is parsed only for a `foreign` edit, and once: most runs have none.
        let other: Article | undefined
        const otherArticle = () => (other ??= parsePost(parsed[(which + 1) % parsed.length]!))
        for (const one of edits) apply(article, one, otherArticle)
        const html = renderHtml(article)
        assert.equal(html, renderHtml(structuredClone(article)))
        assert.equal(hasScript(html), false)
        assert.equal(renderPost(article), renderPost(structuredClone(article)))
      }),
      {seed: Number(process.env['FUZZ_SEED'] ?? 6), numRuns: Number(process.env['FUZZ_RUNS'] ?? 400)}
    )
  })

  it('should give what a copy gives under another policy', () => {
    const strict = {...defaultSchema, tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'img' && name !== 'b')}
    for (const post of posts) {
      const article = parsePost(post.raw)
      const html = renderHtml(article, {schema: strict})
      assert.equal(html, renderHtml(structuredClone(article), {schema: strict}), post.name)
      assert.doesNotMatch(html, /<img|<b>/i, post.name)
    }
  })

  it('should render every corpus post as a copy of it renders', () => {
    for (const post of postsIn(corpusFolder)) {
      const article = parsePost(post.raw)
      const copy = structuredClone(article)
      assert.equal(renderHtml(article), renderHtml(copy), post.name)
      assert.equal(renderPost(article), renderPost(copy), post.name)
    }
  })
})
