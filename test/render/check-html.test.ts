import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {createCheckMemo} from '../../src/body/sanitize.ts'
import {defaultEmbedHosts, defaultSchema} from '../../src/body/schema.ts'
import {isVerbatimSafe} from '../../src/render/check-html.ts'
import type {Policy} from '../../src/render/policy.ts'

const policy = (): Policy => ({schema: defaultSchema, embedHosts: defaultEmbedHosts})
const safe = (html: string, given: Policy = policy()) => isVerbatimSafe(html, given)
const youtube = 'https://www.youtube.com/embed/x'

describe('isVerbatimSafe', () => {
  it('should accept text and allowed tags with allowed attributes', () => {
    for (const html of ['', 'text', 'a < b', '<3', '<p>a</p>', '<p data-ke-size="size16" class="a b">Hi</p>', '<a href="https://a.example/?a=1&amp;b=2" target="_blank" rel="nofollow">x</a>', '<img src="a.png" alt="" width="10" srcset="a.png 1x, b.png 2x">', '<ol reversed><li>a</li></ol>', '<table><tr><td colspan="2" style="text-align: center;">x</td></tr></table>', '<br/>', '<p title="a &foo; b">x</p>', '<p id="intro" title="&lt;&gt;&quot;&apos;&nbsp;&#65;&#x41;">x</p>', '</unknown>', '<html><body>x</body></html>']) {
      assert.equal(safe(html), true, html)
    }
  })

  it('should refuse NUL, bogus comments and a `<` at the very end', () => {
    for (const html of ['a\u0000b', '<?php x ?>', 'a <', '<!x>', '<!-- open', '</ p>', '</3>', '</>']) assert.equal(safe(html), false, html)
  })

  it('should accept only safe comments, and only when the schema allows comments', () => {
    assert.equal(safe('<!--more-->'), true)
    assert.equal(safe('a<!---->b'), true)
    assert.equal(safe('<!-- a > b -->'), false)
    assert.equal(safe('<!--->'), false)
    assert.equal(safe('<!--more-->', {schema: {...defaultSchema, allowComments: false}, embedHosts: []}), false)
  })

  it('should refuse tags outside the schema, raw-text elements and their end tags', () => {
    for (const html of ['<script>x</script>', '</script>', '</style>', '<style>', '<textarea>', '</textarea>', '<svg>', '<template>', '<blink>', '<p', '<p title="x>']) {
      assert.equal(safe(html), false, html)
    }
  })

  it('should refuse event handlers and attributes outside the schema', () => {
    for (const html of ['<p onclick="x()">a</p>', '<p ONCLICK="x()">a</p>', '<p contenteditable="true">a</p>', '<body onload="x()">', '<html lang="en">', '<p hidden>a</p>']) {
      assert.equal(safe(html), false, html)
    }
  })

  it('should refuse unsafe URLs, however they are written', () => {
    for (const html of ['<a href="javascript:x">a</a>', '<a href=" JavaScript:x">a</a>', '<a href="java&#115;cript:x">a</a>', '<a href="javascript&colon;x">a</a>', '<a href="&#106;avascript:x">a</a>', '<img src="data:image/png,x" alt="">', '<img srcset="a.png 1x, javascript:x 2x" alt="">', '<a href="&amp;x">a</a>']) {
      assert.equal(safe(html), false, html)
    }
    // A reference after the scheme is harmless.
    assert.equal(safe('<a href="/path?a=1&amp;b=2">a</a>'), true)
    assert.equal(safe('<a href="https://a.example/#x&amp;y">a</a>'), true)
  })

  it('should refuse styles the style filter would change, and unknown references where the exact value matters', () => {
    assert.equal(safe('<p style="color: red">a</p>'), true)
    assert.equal(safe('<p style="position: fixed">a</p>'), false)
    for (const attribute of ['style', 'id', 'name']) {
      assert.equal(safe(`<a ${attribute}="a&foo;">x</a>`), false, attribute)
      assert.equal(safe(`<a ${attribute}="a&amp">x</a>`), false, attribute)
    }
    assert.equal(safe('<a id="a&amp;b">x</a>'), true)
    assert.equal(safe('<a id="&#0;">x</a>'), false)
    assert.equal(safe('<a id="&#x110000;">x</a>'), false)
    assert.equal(safe('<a id="&#xD800;">x</a>'), false)
    assert.equal(safe('<a id="&#1114111;">x</a>'), true)
  })

  it('should refuse ids and names that clobber DOM properties', () => {
    assert.equal(safe('<p id="location">a</p>'), false)
    assert.equal(safe('<a name="&#99;ookie">a</a>'), false)
  })

  it('should accept an empty, sandboxed iframe from an embed host only', () => {
    assert.equal(safe(`<iframe src="${youtube}" sandbox="allow-scripts"></iframe>`), true)
    assert.equal(safe(`<iframe src="${youtube}" sandbox="allow-scripts">\n </IFRAME >`), true)
    assert.equal(safe(`<iframe src="${youtube}" sandbox="allow-scripts" allowfullscreen></iframe><p>a</p>`), true)
    assert.equal(safe(`<iframe src="${youtube}"></iframe>`), false)
    assert.equal(safe(`<iframe src="${youtube}" sandbox="allow-scripts allow-top-navigation"></iframe>`), false)
    assert.equal(safe(`<iframe src="${youtube}" sandbox="allow-scripts">x</iframe>`), false)
    assert.equal(safe(`<iframe src="${youtube}" sandbox="allow-scripts">`), false)
    assert.equal(safe('<iframe src="https://evil.example/" sandbox="allow-scripts"></iframe>'), false)
    assert.equal(safe('<iframe sandbox="allow-scripts"></iframe>'), false)
    assert.equal(safe('<iframe src="https://a.example/" sandbox=""></iframe>', {schema: defaultSchema, embedHosts: ['a.example']}), true)
    assert.equal(safe(`<iframe src="${youtube}" sandbox="allow-scripts"></iframe>`, {schema: {...defaultSchema, tagNames: ['p']}, embedHosts: defaultEmbedHosts}), false)
  })

  it('should remember what it accepted, and only that', () => {
    const memo: Policy = {...policy(), ...createCheckMemo(), verbatim: new Set()}
    assert.equal(safe('<p class="a">x</p><p class="a">y</p>', memo), true)
    assert.deepEqual([...memo.tags!].sort(), ['</p>', '<p class="a">'])
    assert.deepEqual([...memo.verbatim!], ['<p class="a">x</p><p class="a">y</p>'])
    assert.equal(safe('<p onclick="x">a</p>', memo), false)
    assert.equal(memo.verbatim!.size, 1)
    assert.equal(memo.tags!.has('<p onclick="x">'), false)
    // An iframe's start tag is never remembered: its check reads on to the end tag.
    assert.equal(safe(`<iframe src="${youtube}" sandbox="">\n</iframe>`, memo), true)
    assert.ok(![...memo.tags!].some((tag) => tag.startsWith('<iframe')))
    // What was remembered is taken as it is.
    memo.tags!.add('<blink>')
    assert.equal(safe('<blink>a', memo), true)
    memo.verbatim!.add('<script>')
    assert.equal(safe('<script>', memo), true)
    assert.equal(safe('<script>'), false)
  })
})
