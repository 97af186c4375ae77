import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {neutralizeTagNames} from '../../src/body/tag-names.ts'
import {parsePost, renderPost} from '../../src/index.ts'

describe('neutralizeTagNames', () => {
  it('should keep the length and rewrite only the . and # of tag names', () => {
    for (const [html, expected] of [
      ['<div#x>a</div#x>', '<div-x>a</div-x>'],
      ['<template.x>a</template.x>', '<template-x>a</template-x>'],
      ['<p class="a.b">x.y #z</p>', '<p class="a.b">x.y #z</p>'],
      ['<p title="<a&#x22;">x</p>', '<p title="<a&#x22;">x</p>']
    ] as const) {
      const result = neutralizeTagNames(html)
      assert.equal(result, expected)
      assert.equal(result.length, html.length)
    }
  })

  it('should read such elements as unknown ones, as browsers do: tags removed, content kept, reported', () => {
    for (const raw of ['<p><div#cookie>x</div#cookie></p>', '<template.x>x</template.x>', '<p><img.a src="a.png">x</p>']) {
      const article = parsePost(`---\ntitle: T\n---\n${raw}\n`)
      assert.equal(article.text, 'x')
      assert.ok(article.messages.some((message) => message.ruleId === 'sanitized-element'))
      assert.doesNotMatch(renderPost(article), /id="cookie"|<img|<template/)
    }
  })

  it('should reach the fixpoint when an attribute value looks like such a tag', () => {
    for (const body of ['<p title="<a#">x</p>', '<p><img src="a.png" alt="x" width="<a&#x22;"></p>', '<p title="<a.b#c">x</p>']) {
      const once = renderPost(parsePost(`---\ntitle: T\n---\n${body}\n`))
      const twice = renderPost(parsePost(once))
      assert.equal(renderPost(parsePost(twice)), twice)
      assert.equal(twice, once)
    }
  })
})
