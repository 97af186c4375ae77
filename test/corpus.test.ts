import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {archiveFolder, corpusFolder, postsIn, roundTrip} from './support/round-trip.ts'

// Real posts, read in place from ../shared (a missing or empty folder fails the test).
for (const [name, folder] of [
  ['corpus', corpusFolder],
  ['archive', archiveFolder]
] as const) {
  describe(`${name}: every post in ${folder}`, () => {
    const posts = postsIn(folder)

    it('should parse, keep all body text, reach the fixpoint, and round-trip byte for byte when nothing was sanitised', () => {
      const failures: string[] = []
      const tally = {posts: posts.length, sanitized: 0, identical: 0}
      for (const {name: file, raw} of posts) {
        let result
        try {
          result = roundTrip(raw)
        } catch (error) {
          failures.push(`${file}: threw ${String(error)}`)
          continue
        }
        if (result.sanitized) tally.sanitized++
        if (result.identical) tally.identical++
        if (!result.sanitized && !result.identical) failures.push(`${file}: not byte-identical, though nothing was sanitised`)
        if (!result.fixpoint) failures.push(`${file}: parsePost(renderPost(a)) differs from a`)
        if (!result.textKept) failures.push(`${file}: body text lost`)
        if (!result.json) failures.push(`${file}: not JSON-serialisable`)
      }
      console.log(`${name}: ${tally.posts} posts, ${tally.identical} byte-identical, ${tally.sanitized} sanitised (and reported), ${failures.length} failures`)
      assert.deepEqual(failures, [])
    })
  })
}
