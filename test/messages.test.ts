import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'
import {catalogue, checkPost, parsePost} from '../src/index.ts'

// One folder per rule: input.txt and the messages of that rule it must give
// (id, place, severity, and the count and places of the others when grouped;
// not the wording). `npm run messages` regenerates them.
const root = new URL('messages/', import.meta.url).pathname
const rules = Object.keys(catalogue).sort()

describe('messages', () => {
  it('should have a test folder for every rule in the catalogue, and no other', () => {
    assert.deepEqual(readdirSync(root).sort(), rules)
  })

  it('should document every rule in the README’s rule table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    for (const rule of rules) assert.match(readme, new RegExp(`^\\| \`${rule}\` \\|`, 'm'), rule)
  })

  for (const rule of rules) {
    it(`should report \`${rule}\` where it happens`, () => {
      const folder = join(root, rule)
      assert.ok(existsSync(join(folder, 'input.txt')), 'input.txt')
      const raw = readFileSync(join(folder, 'input.txt'), 'utf8')
      const expected = JSON.parse(readFileSync(join(folder, 'messages.json'), 'utf8'))
      const messages = checkPost(raw).filter((message) => message.ruleId === rule)
      assert.ok(messages.length > 0, 'the rule fires')
      // Through JSON, as the expected file was written: an informational message has no `fatal`.
      const found = messages.map(({ruleId, place, fatal, count, repeats}) => ({ruleId, place, fatal, count, repeats: repeats?.map((repeat) => repeat.place)}))
      assert.deepEqual(JSON.parse(JSON.stringify(found)), expected)
      for (const message of messages) {
        assert.equal(message.source, 'article-kit')
        assert.equal(message.line, message.place.start.line)
        assert.equal(message.column, message.place.start.column)
        assert.equal(message.note, catalogue[rule as keyof typeof catalogue].note)
        assert.ok(message.reason.length > 0)
      }
    })
  }

  it('should report every rule of a post that is also sanitised, where it happens', () => {
    // A sanitised post's messages about its content come from its rewrite, filtered by rule:
    // a rule left out of that filter would vanish here.
    for (const rule of rules) {
      const raw = readFileSync(join(root, rule, 'input.txt'), 'utf8')
      // Only messages about the post as it was: not the one about the paragraph added below.
      const placed = (text: string) =>
        checkPost(text)
          .filter((message) => message.ruleId === rule)
          .flatMap((message) => [message.place, ...(message.repeats ?? []).map((repeat) => repeat.place)])
          .filter((place) => place.start.offset < raw.length)
          .map((place) => [place.start.offset, place.end.offset])
      const expected = placed(raw)
      const sanitised = raw + (/\n$/.test(raw) ? '' : '\n') + '<p onclick="x()">tail</p>\n'
      // Rules about the end of the post or the whole body may move or go with the added paragraph.
      if (rule === 'body-empty' || rule === 'front-matter-unclosed' || rule === 'front-matter-missing') continue
      assert.deepEqual(placed(sanitised), expected, rule)
    }
  })

  it('should throw an ArticleError in strict mode exactly when a message is fatal', () => {
    for (const rule of rules) {
      const raw = readFileSync(join(root, rule, 'input.txt'), 'utf8')
      const fatal = parsePost(raw).messages.find((message) => message.fatal)
      if (fatal) {
        assert.throws(
          () => parsePost(raw, {strict: true}),
          (error: unknown) => error instanceof Error && error.name === 'ArticleError' && (error as {code?: string}).code === fatal.ruleId,
          rule
        )
      } else assert.doesNotThrow(() => parsePost(raw, {strict: true}), rule)
    }
  })
})
