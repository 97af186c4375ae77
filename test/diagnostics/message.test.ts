import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {catalogue, type RuleId} from '../../src/diagnostics/catalogue.ts'
import {frontMatterRules} from '../../src/diagnostics/front-matter-rules.ts'
import {LineIndex} from '../../src/diagnostics/line-index.ts'
import {createFrontMatterMessage, createMessage} from '../../src/diagnostics/message.ts'

const text = 'ab\ncdef\r\ng'
const lines = new LineIndex(text)

describe('createMessage', () => {
  it('places the message at its start, and its range from start to end', () => {
    const message = createMessage(lines, 'image-alt-missing', 'An image has no alt.', 4, 9)
    assert.deepEqual(message, {
      reason: 'An image has no alt.',
      line: 2,
      column: 2,
      place: {start: {line: 2, column: 2, offset: 4}, end: {line: 3, column: 1, offset: 9}},
      ruleId: 'image-alt-missing',
      source: 'article-kit',
      note: catalogue['image-alt-missing'].note,
      url: 'https://github.com/article-kit/article-kit/blob/main/docs/rules.md#image-alt-missing',
      fatal: false
    })
  })

  it('ends where it starts when no end is given, or when the end is before the start', () => {
    const point = {line: 2, column: 3, offset: 5}
    assert.deepEqual(createMessage(lines, 'heading-empty', 'x', 5).place, {start: point, end: point})
    assert.deepEqual(createMessage(lines, 'heading-empty', 'x', 5, 1).place, {start: point, end: point})
  })

  it('carries each rule\'s own fatal flag and note, and leaves fatal out for a rule without one', () => {
    for (const ruleId of Object.keys(catalogue) as RuleId[]) {
      const rule = catalogue[ruleId] as {fatal: boolean | undefined; note: string}
      const message = createMessage(lines, ruleId, 'r', 0)
      assert.equal(message.note, rule.note, ruleId)
      if (rule.fatal === undefined) assert.equal('fatal' in message, false, ruleId)
      else assert.equal(message.fatal, rule.fatal, ruleId)
    }
    assert.ok(Object.values(catalogue).some((rule) => rule.fatal === true), 'some rule is fatal')
  })
})

describe('createFrontMatterMessage', () => {
  it('reads the front matter rules, with the same fields as createMessage', () => {
    for (const ruleId of Object.keys(frontMatterRules) as Array<keyof typeof frontMatterRules>) {
      const message = createFrontMatterMessage(lines, ruleId, 'bad', 3, 8)
      assert.deepEqual(message, createMessage(lines, ruleId, 'bad', 3, 8), ruleId)
      assert.equal(message.note, frontMatterRules[ruleId].note)
      assert.equal(message.fatal, frontMatterRules[ruleId].fatal)
    }
    const fatal = createFrontMatterMessage(lines, 'front-matter-unclosed', 'open', 0)
    assert.equal(fatal.fatal, true)
    assert.deepEqual(fatal.place.end, {line: 1, column: 1, offset: 0})
  })
})
