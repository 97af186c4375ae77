import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {checkProperty, type CheckMemo} from '../../src/body/sanitize.ts'
import type {Schema} from '../../src/body/schema.ts'

describe('checkProperty', () => {
  const schema: Schema = {attributes: {a: ['href', ['target', '_blank']], '*': ['title', 'data*']}, protocols: {href: ['https']}}

  it('should read an element’s own definitions before the shared ones, with or without a memo', () => {
    const memo: CheckMemo = {definitions: new Map()}
    for (const withMemo of [undefined, memo, memo]) {
      assert.equal(checkProperty(schema, 'a', 'href', 'https://a.example/', withMemo).ok, true)
      // The same property on another element: `a`'s definition does not carry over.
      assert.equal(checkProperty(schema, 'p', 'href', 'https://a.example/', withMemo).ok, false)
      assert.equal(checkProperty(schema, 'a', 'target', '_top', withMemo).ok, false)
      assert.equal(checkProperty(schema, 'p', 'title', 'x', withMemo).ok, true)
      assert.equal(checkProperty(schema, 'p', 'dataX', 'x', withMemo).ok, true)
      assert.equal(checkProperty(schema, 'p', 'hidden', true, withMemo).ok, false)
    }
    assert.deepEqual([...memo.definitions!.keys()].sort(), ['a', 'p'])
  })
})
