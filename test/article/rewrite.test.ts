import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {checkPost, parseFrontMatter, parsePost, renderPost, type Block} from '../../src/index.ts'
import {content} from '../support/round-trip.ts'

const front = '---\ntitle: t\n---\n'

describe('a post whose body was rewritten', () => {
  it('should describe what renderPost writes, so the rewrite reads back the same', () => {
    // The `</a>` inside the `<div>` makes the parser move the div out of the link (the adoption agency).
    const raw = front + '<a href="https://a.example/">Intro<br>\n<h3>One</h3><div>text<div><br></div><img src="x.png" alt="X"></a></div>\n<h3>Two</h3>after'
    const article = parsePost(raw)
    const rendered = renderPost(article)
    assert.deepEqual(content(parsePost(rendered)), content(article))
    assert.equal(renderPost(parsePost(rendered)), rendered)
  })

  it('should say what it rewrote, and keep the messages of the post as written', () => {
    const article = parsePost(front + '<p onclick="x()">a</p>\n\n<p>b</p>')
    assert.deepEqual(
      article.messages.map((message) => [message.ruleId, message.line, message.column]),
      [['sanitized-attribute', 4, 1]]
    )
  })

  it('should report a sanitised gap once, as what the sanitiser removed', () => {
    const article = parsePost(front + '<p>a</p>\n<style>p {}</style>\n<p>b</p>')
    assert.deepEqual(article.messages.map((message) => message.ruleId), ['sanitized-element'])
  })

  it('should give positions in the raw post, not in the rewrite', () => {
    const raw = front + '<p onclick="x()">a</p>\n\n<h2>Head</h2>\n\n<p>b</p>\n'
    const article = parsePost(raw)
    const section = article.sections[0]!
    const block = section.blocks[0] as Block
    assert.equal(raw.slice(section.position!.start.offset, section.position!.end.offset), '<h2>Head</h2>')
    assert.equal(raw.slice(block.position!.start.offset, block.position!.end.offset), '<p>b</p>')
    assert.deepEqual([block.position!.start.line, block.position!.start.column], [8, 1])
    // The rewritten paragraph maps to where it was written.
    const first = article.lead[0]!
    assert.equal(raw.slice(first.position!.start.offset, first.position!.end.offset), '<p onclick="x()">a</p>')
  })

  it('should take messages about the content from the rewrite, placed in the raw post', () => {
    // Sanitised, so the body is read again from its rewrite: headings and the summary are judged there.
    const raw = front + '<p style="position: fixed">a</p>\n<h2>Same</h2>\n<p>b</p>\n<h2>Same</h2>\n<h4>Deep</h4>\n'
    const article = parsePost(raw)
    const placed = article.messages.map((message) => [message.ruleId, raw.slice(message.place.start.offset, message.place.end.offset)])
    assert.deepEqual(placed.slice(1), [
      ['heading-duplicate', '<h2>Same</h2>'],
      ['heading-order', '<h4>Deep</h4>']
    ])
    assert.equal(placed[0]![0], 'sanitized-style')
    for (const message of article.messages) {
      assert.deepEqual([message.line, message.column], [message.place.start.line, message.place.start.column])
    }
    assert.equal(raw.indexOf('<h2>Same</h2>\n<h4>'), article.messages[1]!.place.start.offset)
  })

  it('should give checkPost the messages parsePost gives', () => {
    for (const raw of [front + '<p onclick="x()">a</p><h2>A</h2><h2>A</h2>', front + '<h3>x</h3><p>a</p>', '<p>no front matter</p><script>x</script>']) {
      assert.deepEqual(checkPost(raw), parsePost(raw).messages)
    }
  })

  it('should keep the front matter it read when the rewrite starts with the same block', () => {
    const block = '---\n# kept as written\ntitle: "A"\ntags: [a, b]\ncomments:\n  - {id: 1, content: hi}\n---\n'
    const raw = block + '<p onclick="x()">a</p>\n'
    const article = parsePost(raw)
    assert.deepEqual(article.meta, parseFrontMatter(raw).meta)
    assert.ok(renderPost(article).startsWith(block))
    assert.deepEqual(content(parsePost(renderPost(article))), content(article))
  })

  it('should read the front matter of the rewrite again when the rewrite reads it differently', () => {
    for (const raw of [
      // An old Mac file (lone CRs) whose rewrite gains a `\n` from `&#10;`: its lines now end elsewhere.
      '---\rtitle: a\r---\r<p style="position: fixed">a&#10;b</p>',
      // A block with a fence line that other readers see (after U+2028) is written afresh.
      '---\ntitle: a\u2028---\nx: 1\n---\n<p onclick="x()">b</p>'
    ]) {
      const article = parsePost(raw)
      const again = parsePost(renderPost(article))
      assert.deepEqual(article.meta, again.meta)
      assert.deepEqual(content(again), content(article))
    }
  })
})
