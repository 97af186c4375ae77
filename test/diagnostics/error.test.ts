import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {ArticleError} from '../../src/diagnostics/error.ts'
import {LineIndex} from '../../src/diagnostics/line-index.ts'
import {createFrontMatterMessage, createMessage} from '../../src/diagnostics/message.ts'

const lines = new LineIndex('---\ntitle: "open\n---\n')
const fatal = createFrontMatterMessage(lines, 'front-matter-yaml', 'The YAML is broken.', 11, 16)
const other = createMessage(lines, 'body-empty', 'No body.', 20)

describe('ArticleError', () => {
  it('is an Error whose message says where and what, with the rule', () => {
    const error = new ArticleError(fatal, [other, fatal])
    assert.ok(error instanceof Error)
    assert.ok(error instanceof ArticleError)
    assert.equal(error.name, 'ArticleError')
    assert.equal(error.message, '2:8: The YAML is broken. [front-matter-yaml]')
    assert.match(String(error), /^ArticleError: 2:8: /)
  })

  it('carries the fatal message\'s fields and every message', () => {
    const messages = [other, fatal]
    const error = new ArticleError(fatal, messages)
    assert.equal(error.code, 'front-matter-yaml')
    assert.equal(error.ruleId, 'front-matter-yaml')
    assert.equal(error.reason, 'The YAML is broken.')
    assert.equal(error.line, 2)
    assert.equal(error.column, 8)
    assert.deepEqual(error.place, fatal.place)
    assert.equal(error.source, 'article-kit')
    assert.equal(error.fatal, true)
    assert.equal(error.note, fatal.note)
    assert.equal(error.url, fatal.url)
    assert.equal(error.messages, messages)
  })

  it('keeps the dependency error as its cause, and has no cause without one', () => {
    const cause = new SyntaxError('yaml')
    assert.equal(new ArticleError(fatal, [fatal], cause).cause, cause)
    const without = new ArticleError(fatal, [fatal])
    assert.equal('cause' in without, false)
    assert.equal(without.cause, undefined)
  })
})
