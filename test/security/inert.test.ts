/**
 * Issue 18, "sanitise only what is dangerous": each class of inert markup that
 * real posts hold comes back byte for byte, and each dangerous neighbour of
 * that class is still removed (SECURITY.md, "Inert markup, kept").
 */
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {parsePost, renderHtml, renderPost} from '../../src/index.ts'

const sanitizeRules = /^(?:sanitized-|rewritten-markup)/

function post(body: string): string {
  return `---\ntitle: T\n---\n${body}\n`
}

function changes(raw: string): string[] {
  return parsePost(raw).messages.filter((message) => sanitizeRules.test(message.ruleId)).map((message) => `${message.ruleId}: ${message.reason}`)
}

/** Inert markup as real posts write it (corpus and archive), one class a line. */
const inert: Array<[name: string, html: string]> = [
  ['Word\'s namespaced element', '<p class="MsoNormal">Text<o:p></o:p></p>'],
  ['an obsolete abbreviation', '<p><acronym title="Hypertext Markup Language">HTML</acronym></p>'],
  ['Blogger\'s image anchor', '<div class="separator"><a href="https://a.example/b.png" imageanchor="1" style="margin-left: 1em;"><img src="https://a.example/b.png" alt="b"></a></div>'],
  ['AMP\'s bare tap target', '<p><img src="/a.png" alt="a" on="tap:lightbox1" role="button" tabindex="0"></p>'],
  ['AMP\'s layout outside an AMP element', '<p><img src="/a.png" alt="a" width="10" height="10" layout="responsive"></p>'],
  ['a typeface outside `<font>`', '<p><span face="Trebuchet MS, Trebuchet, Verdana, sans-serif">a</span></p>'],
  ['`<font>`\'s colour and size', '<p><font face="Arial" color="#ff0000" size="2">a</font></p>'],
  ['a server-side template id', '<table><tbody><tr wicket:id="contacts"><td><span wicket:id="name">a</span></td></tr></tbody></table>'],
  ['relative and static positioning', '<div style="position: relative !important; overflow: auto;"><p style="position: static">a</p></div>'],
  ['overflow', '<pre style="overflow: auto; width: 100%;"><code style="overflow: visible;">x</code></pre>'],
  ['list markers', '<ul style="list-style: none; list-style-position: inside;"><li>a</li></ul>'],
  ['table layout', '<table style="table-layout: fixed; width: 100%;"><tbody><tr><td>a</td></tr></tbody></table>'],
  ['visible visibility', '<hr style="visibility: visible;">'],
  ['Office and WebKit text styling', '<div style="mso-layout-grid-align: none; text-autospace: none; -webkit-text-stroke-width: 0px; orphans: 2; widows: 2;">a</div>'],
  ['background sub-properties without an image', '<p style="background-attachment: initial; background-clip: initial; background-image: initial; background-origin: initial; background-position: initial; background-repeat: initial; background-size: initial; line-height: 1px;">a</p>'],
  ['a malformed colour', '<p><a href="https://a.example/" style="color: #e5e5e5text-decoration:none">a</a></p>'],
  ['a background image, as an `<img src>` (Tistory\'s link cards, Blogger\'s tables, an empty `url()`)', '<div class="og-image" style="background-image: url(\'https://scrap.kakaocdn.net/dn/a/img.png\');"></div><table><tbody><tr><td style="background:url(http://picasaweb.google.com/f/img/transparent.gif) no-repeat;">a</td></tr></tbody></table><div style="background-image: url();"></div>'],
  ['a whole page\'s tags without attributes (ignored in a body)', '<html><head></head><body><p>a</p></body></html>'],
  ['a colour without its property', '<p><span style="ee2323;">a</span> <span style="ee2323;color:#ee2323;">b</span></p>']
]

/** The dangerous neighbour of each class, and what must be gone from the output. */
const dangerous: Array<[name: string, html: string, gone: RegExp]> = [
  ['AMP\'s event handler `on` (AMP.navigateTo, form submit)', '<p><img src="/a.png" alt="a" on="tap:AMP.navigateTo(url=\'https://evil.invalid/\')"></p>', /\bon=/],
  ['AMP\'s `on` with a method', '<p><img src="/a.png" alt="a" on="tap:my-form.submit"></p>', /\bon=/],
  ['AMP\'s `on` naming the `AMP` global', '<p><img src="/a.png" alt="a" on="tap:AMP"></p>', /\bon=/],
  ['AMP\'s `on` with a second action', '<p><img src="/a.png" alt="a" on="tap:lightbox1,AMP.navigateTo(url=\'https://evil.invalid/\')"></p>', /\bon=/],
  ['AMP\'s `on` on another event', '<p><img src="/a.png" alt="a" on="change:lightbox1"></p>', /\bon=/],
  ['a custom element, which the page may define', '<p><x-widget>a</x-widget></p>', /x-widget/],
  ['an unknown element browsers may one day define', '<p><portal src="https://evil.invalid/">a</portal></p>', /portal|evil/],
  ['absolute positioning', '<p style="position: absolute; color: red">a</p>', /absolute/],
  ['fixed positioning', '<p style="position: fixed">a</p>', /fixed/],
  ['sticky positioning', '<p style="position: sticky">a</p>', /sticky/],
  ['offsets that move a relative box over the page', '<p style="position: relative; top: -500px; left: 0; inset: 0">a</p>', /top|left|inset/],
  ['hidden visibility', '<p style="visibility: hidden">a</p>', /hidden/],
  ['a list marker image', '<ul style="list-style: square url(https://evil.invalid/a.png)"><li>a</li></ul>', /evil/],
  ['a background image from `javascript:`', '<p style="background-image: url(\'javascript:alert(1)\')">a</p>', /javascript/],
  ['a background image from `data:` (refused as `<img src>` is)', '<p style="background-image: url(data:image/svg+xml,x)">a</p>', /data:/],
  ['a second background image', '<p style="background: url(https://a.example/a.png), url(https://evil.invalid/b.png)">a</p>', /evil/],
  ['a background image written with an escape', '<p style="background: url(https\\3a //evil.invalid/a.png)">a</p>', /evil/],
  ['an overlay after a background image', '<p style=\'background: url("https://a.example/a.png" ) ; position:fixed\'>a</p>', /fixed/],
  ['`url()` in a cursor, a border image or a mask', '<p style="cursor: url(https://evil.invalid/c.cur), auto; border-image: url(https://evil.invalid/b.png) 30; mask: url(https://evil.invalid/m.svg)">a</p>', /evil/],
  ['a gradient background image', '<p style="background-image: linear-gradient(red, blue)">a</p>', /gradient/],
  ['an unknown property', '<span style="calendar-color: #ee2323;">a</span>', /calendar-color/],
  ['a colon-less run with a function', '<span style="ee2323 url(https://evil.invalid/)">a</span>', /evil/],
  ['attributes of `<body>` (copied onto the page: `<body id="app">` takes over `getElementById(\'app\')`)', '<body id="app" class="modal-open"><p>a</p></body>', /<body|id="app"|modal-open/],
  ['an id on `<body>`, whatever its value (Tistory\'s)', '<head></head><body id="tt-body-page" class=""><p>a</p></body>', /<body|tt-body-page/],
  ['`data-*` on `<html>` (page-wide attribute selectors)', '<html data-ke-style="overflow-y: scroll;"><p>a</p></html>', /<html|data-ke-style/]
]

describe('inert markup is kept byte for byte', () => {
  for (const [name, html] of inert) {
    it(`should keep ${name}`, () => {
      const raw = post(html)
      assert.deepEqual(changes(raw), [])
      assert.equal(renderPost(parsePost(raw)), raw)
      assert.ok(renderHtml(parsePost(raw)).includes(html), renderHtml(parsePost(raw)))
    })
  }
})

describe('dangerous neighbours of inert markup are removed', () => {
  for (const [name, html, gone] of dangerous) {
    it(`should remove ${name}`, () => {
      const article = parsePost(post(html))
      assert.notDeepEqual(changes(post(html)), [], 'reported')
      for (const output of [renderHtml(article), renderPost(article).replace(/^---\n[\s\S]*?\n---\n/, '')]) assert.doesNotMatch(output, gone, output)
    })
  }
})

describe('event handler attributes beside AMP\'s `on`', () => {
  it('should keep `on` and remove every `on<event>`, whatever its case', () => {
    const html = '<p><img src="/a.png" alt="a" on="tap:lightbox1" onclick="alert(1)" ONERROR="alert(2)" oNload="alert(3)" on-="x" onx="y"></p>'
    const article = parsePost(post(html))
    assert.deepEqual(changes(post(html)).length, 5, changes(post(html)).join('\n'))
    for (const output of [renderHtml(article), renderPost(article)]) {
      assert.match(output, /<img src="\/a\.png" alt="a" on="tap:lightbox1">/)
      assert.doesNotMatch(output, /onclick|onerror|onload|on-|onx/i)
    }
  })

  it('should read `ON` as the same attribute as `on`', () => {
    const raw = post('<p><img src="/a.png" alt="a" ON="tap:lightbox1"></p>')
    assert.deepEqual(changes(raw), [])
    assert.equal(renderPost(parsePost(raw)), raw)
    assert.deepEqual(changes(post('<p><img src="/a.png" alt="a" ON="tap:AMP.navigateTo(url=\'https://evil.invalid/\')"></p>')).length, 1)
  })
})
