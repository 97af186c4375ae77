import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {ArticleError, checkPost, parsePost} from '../../src/index.ts'
import {groupMessages} from '../../src/diagnostics/group.ts'
import type {Message} from '../../src/types.ts'

const post = (body: string) => '---\ntitle: T\n---\n' + body

/** Every occurrence a grouped list stands for: each message's place, then its repeats'. */
function occurrences(messages: readonly Message[]): Array<[string, number, number]> {
  return messages
    .flatMap((message) => [message.place, ...(message.repeats ?? []).map((repeat) => repeat.place)].map((place) => [message.ruleId, place.start.offset, place.end.offset] as [string, number, number]))
    .sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0].localeCompare(b[0]))
}

describe('groupMessages', () => {
  it('should give one message per rule and removed element, at its first occurrence, with the count and the others', () => {
    const raw = post('<p>a<blink></blink>b<blink></blink>c<blink></blink></p>\n<p><script>x()</script></p>\n')
    const all = parsePost(raw, {groupMessages: false}).messages
    const grouped = parsePost(raw).messages
    assert.deepEqual(all.map((message) => message.ruleId), ['sanitized-element', 'sanitized-element', 'sanitized-element', 'sanitized-element'])
    assert.equal(grouped.length, 2, 'the `<blink>` tags and the `<script>` are two things removed')
    const [tags, script] = grouped
    assert.equal(tags!.count, 3)
    assert.deepEqual(tags!.place, all[0]!.place)
    assert.deepEqual([tags!.line, tags!.column], [all[0]!.line, all[0]!.column])
    assert.deepEqual(tags!.repeats, all.slice(1, 3).map(({reason, place}) => ({reason, place})))
    assert.equal(tags!.reason, all[0]!.reason + ' (and 2 more like it)')
    assert.deepEqual(script, all[3], 'a message that stands alone is unchanged')
  })

  it('should group removed attributes by name, whatever their values', () => {
    const raw = post('<p><a title="a" onclick="x()">a</a> <a onclick="y()">b</a> <img src="i.png" alt="" onerror="z()"></p>\n')
    const grouped = parsePost(raw).messages.filter((message) => message.ruleId === 'sanitized-attribute')
    assert.deepEqual(grouped.map((message) => message.count), [2, undefined])
    assert.match(grouped[0]!.reason, /^Removed `onclick="x\(\)"` from `<a>`/)
    assert.match(grouped[0]!.repeats![0]!.reason, /^Removed `onclick="y\(\)"` from `<a>`/)
    assert.match(grouped[1]!.reason, /^Removed `onerror="z\(\)"` from `<img>`/)
  })

  it('should keep embeds of different hosts apart, and the same host together', () => {
    const embed = (reason: string, offset: number): Message => ({
      reason,
      line: 1,
      column: offset + 1,
      place: {start: {line: 1, column: offset + 1, offset}, end: {line: 1, column: offset + 2, offset: offset + 1}},
      ruleId: 'sanitized-embed',
      source: 'article-kit'
    })
    const grouped = groupMessages([embed('Removed an embed from `a.example`', 0), embed('Removed an embed from `b.example`', 5), embed('Removed an embed from `a.example`', 9)])
    assert.deepEqual(grouped.map((message) => [message.reason, message.count]), [
      ['Removed an embed from `a.example` (and 1 more like it)', 2],
      ['Removed an embed from `b.example`', undefined]
    ])
  })

  it('should read an attribute\'s name only from a reason that starts as the sanitiser writes it', () => {
    const attribute = (reason: string, offset: number): Message => ({
      reason,
      line: 1,
      column: offset + 1,
      place: {start: {line: 1, column: offset + 1, offset}, end: {line: 1, column: offset + 1, offset}},
      ruleId: 'sanitized-attribute',
      source: 'article-kit'
    })
    // Not the sanitiser's shape: grouped by the whole reason, so these two stay apart.
    const grouped = groupMessages([attribute('Kept, then Removed `a="1"` from `<p>`', 0), attribute('Other, then Removed `a="2"` from `<p>`', 4)])
    assert.equal(grouped.length, 2)
  })

  it('should give one message for all the CSS removed from a post', () => {
    const raw = post('<p style="position: fixed">a</p>\n<p style="top: 0">b</p>\n')
    const grouped = parsePost(raw).messages
    assert.deepEqual(grouped.map((message) => [message.ruleId, message.count]), [['sanitized-style', 2]])
  })

  it('should group a rule outside the sanitiser by its id alone', () => {
    const raw = post('<p><img src="a.png"> <img src="b.png"></p>\n')
    assert.deepEqual(checkPost(raw).map((message) => [message.ruleId, message.count]), [['image-alt-missing', 2]])
  })

  it('should keep every occurrence, in position order, and the first position of each group', () => {
    const body = fc.array(fc.constantFrom('<blink></blink>', '<p onclick="x()">a</p>', '<img src="a.png">', '<p style="position: fixed">b</p>', '<script>s()</script>', '<h3>c</h3>', '<h2></h2>', '<p>d</p>'), {maxLength: 12})
    fc.assert(
      fc.property(body, (parts) => {
        const raw = post(parts.join('\n'))
        const all = parsePost(raw, {groupMessages: false}).messages
        const grouped = parsePost(raw).messages
        assert.deepEqual(occurrences(grouped), occurrences(all))
        assert.deepEqual(grouped, groupMessages(all))
        for (const message of grouped) {
          assert.equal(message.count ?? 1, 1 + (message.repeats?.length ?? 0))
          for (const repeat of message.repeats ?? []) assert.ok(repeat.place.start.offset >= message.place.start.offset)
        }
        const starts = grouped.map((message) => message.place.start.offset)
        assert.deepEqual(starts, [...starts].sort((a, b) => a - b))
      })
    )
  })

  it('should group the messages of the ArticleError thrown in strict mode', () => {
    const raw = '---\na: b: c\nd: e: f\n---\n<p>x</p>\n'
    assert.throws(
      () => parsePost(raw, {strict: true}),
      (error: unknown) => {
        assert.ok(error instanceof ArticleError)
        assert.equal(error.ruleId, 'front-matter-yaml')
        assert.deepEqual(error.messages.map((message) => [message.ruleId, message.count]), [['front-matter-yaml', 2]])
        assert.deepEqual([error.line, error.column, error.reason], [2, 4, error.messages[0]!.reason])
        return true
      }
    )
    assert.throws(
      () => parsePost(raw, {strict: true, groupMessages: false}),
      (error: unknown) => error instanceof ArticleError && error.messages.length === 2
    )
  })
})
