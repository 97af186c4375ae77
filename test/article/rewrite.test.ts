import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {parsePost, renderPost, type Block} from '../../src/index.ts'
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
})
