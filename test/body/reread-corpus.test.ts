import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {splitPost} from '../../src/post/split.ts'
import {corpusFolder, postsIn} from '../support/shared.ts'
import {compareRereading} from '../support/reread.ts'

// Apart from the mirror (`reread.test.ts`): this one reads `../shared`, which the mutation sandbox does not have.
describe('reread on the corpus', () => {
  it('should read a rewrite as reading it whole does on every corpus post', () => {
    let read = 0
    for (const post of postsIn(corpusFolder)) {
      if (compareRereading(post.raw.slice(splitPost(post.raw).bodyStart), post.raw.includes('\n') ? undefined : '\r')) read++
    }
    assert.ok(read >= 30, `read ${read}`)
  })
})
