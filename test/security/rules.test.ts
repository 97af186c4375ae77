/**
 * Every security rule of the sanitiser, one vector each, without a browser:
 * in a raw post (the rule is reported and the danger is gone from both
 * renderers' output) and in a hand-built Article's paragraph (the danger is
 * gone from the output). The static audit then reads the output as a browser
 * would parse it. The Chromium sweep runs the same ideas at scale.
 */
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {parsePost, renderHtml, renderPost, sanitizeStyle, type Article, type RuleId} from '../../src/index.ts'
import {hasDuplicateAttribute} from '../../src/body/parse.ts'
import {auditHtml} from '../support/static-audit.ts'

interface Rule {
  /** What the rule stops. */
  name: string
  /** The dangerous markup, as a post's body holds it. */
  html: string
  /** The message the parse must give. */
  ruleId: RuleId
  /** What must not be in any output. */
  gone: RegExp
  /** What must still be in the output (the harmless rest). */
  kept?: RegExp
}

const rules: Rule[] = [
  {name: 'script element', html: '<p>a</p><script>alert(1)</script>', ruleId: 'sanitized-element', gone: /<script|alert/i, kept: /<p>a<\/p>/},
  {name: 'event handler', html: '<p><img src="https://example.com/a.png" alt="a" onerror="alert(1)"></p>', ruleId: 'sanitized-attribute', gone: /onerror|alert/i, kept: /src="https:\/\/example\.com\/a\.png"/},
  {name: 'javascript: link with a slash after the colon', html: '<p><a href="javascript:alert(document.domain)//">x</a></p>', ruleId: 'sanitized-attribute', gone: /javascript|href/i, kept: />x</},
  {name: 'javascript: link split by a tab entity', html: '<p><a href="java&#x09;script:alert(1)">x</a></p>', ruleId: 'sanitized-attribute', gone: /script:|href/i},
  {name: 'javascript: link split by a newline entity', html: '<p><a href="jav&#x0A;ascript:alert(1)">x</a></p>', ruleId: 'sanitized-attribute', gone: /script:|href/i},
  {name: 'javascript: link with leading controls and upper case', html: '<p><a href="&#x01; JaVaScRiPt:alert(1)">x</a></p>', ruleId: 'sanitized-attribute', gone: /script:|href/i},
  {name: 'vbscript: link', html: '<p><a href="vbscript:msgbox(1)">x</a></p>', ruleId: 'sanitized-attribute', gone: /vbscript|href/i},
  {name: 'data: document link', html: '<p><a href="data:text/html,<script>alert(1)</script>">x</a></p>', ruleId: 'sanitized-attribute', gone: /data:|href/i},
  {name: 'javascript: image source', html: '<p><img src="javascript:alert(1)" alt="a"></p>', ruleId: 'sanitized-attribute', gone: /javascript/i},
  {name: 'javascript: candidate in srcset', html: '<p><img src="https://example.com/a.png" srcset="https://example.com/a.png 1x, javascript:alert(1) 2x" alt="a"></p>', ruleId: 'sanitized-attribute', gone: /javascript/i, kept: /src="https:\/\/example\.com\/a\.png"/},
  {name: 'CSS url() loading from elsewhere', html: '<p style="cursor:url(https://evil.invalid/x),auto">x</p>', ruleId: 'sanitized-style', gone: /evil\.invalid/, kept: />x</},
  {name: 'CSS url() with a second background image', html: '<p style="background:url(https://a.example/a.png),url(https://evil.invalid/x)">x</p>', ruleId: 'sanitized-style', gone: /evil\.invalid/, kept: />x</},
  {name: 'CSS url() running script', html: '<p style="background-image:url(\'javascript:alert(1)\')">x</p>', ruleId: 'sanitized-style', gone: /javascript/, kept: />x</},
  {name: 'CSS expression()', html: '<p style="width:expression(alert(1))">x</p>', ruleId: 'sanitized-style', gone: /expression/i},
  {name: 'CSS url() hidden by escapes', html: '<p style="background:u\\72l(https://evil.invalid/x)">x</p>', ruleId: 'sanitized-style', gone: /evil\.invalid/},
  {name: 'CSS fixed position overlaying the page', html: '<p style="position:fixed;top:0;left:0;color:red">x</p>', ruleId: 'sanitized-style', gone: /position/, kept: /color:\s*red/},
  {name: 'iframe from a host not allowed', html: '<iframe src="https://evil.example/x"></iframe><p>a</p>', ruleId: 'sanitized-embed', gone: /evil\.example|<iframe/},
  {name: 'iframe sandbox that lets the frame navigate the page', html: '<iframe src="https://www.youtube.com/embed/x" sandbox="allow-scripts allow-same-origin allow-top-navigation"></iframe>', ruleId: 'sanitized-embed', gone: /allow-top-navigation/, kept: /www\.youtube\.com\/embed\/x/},
  {name: 'iframe without a sandbox', html: '<iframe src="https://www.youtube.com/embed/x"></iframe>', ruleId: 'sanitized-embed', gone: /<iframe(?![^>]*sandbox)/, kept: /sandbox="/},
  {name: 'iframe srcdoc', html: '<iframe src="https://www.youtube.com/embed/x" srcdoc="<script>alert(1)</script>"></iframe>', ruleId: 'sanitized-attribute', gone: /srcdoc|alert/},
  {name: 'comment that hides markup', html: '<p>a</p><!--[if IE]><script>alert(1)</script><![endif]-->', ruleId: 'sanitized-comment', gone: /<!--|alert/},
  {name: 'id that clobbers document.cookie', html: '<p id="cookie">x</p>', ruleId: 'sanitized-attribute', gone: /id=/, kept: />x</},
  {name: 'name that clobbers document.location', html: '<p><a name="location">x</a></p>', ruleId: 'sanitized-attribute', gone: /name=/, kept: />x</},
  {name: 'meta refresh', html: '<meta http-equiv="refresh" content="0;url=https://evil.invalid/"><p>a</p>', ruleId: 'sanitized-element', gone: /<meta|evil/},
  {name: 'base element', html: '<base href="https://evil.invalid/"><p>a</p>', ruleId: 'sanitized-element', gone: /<base|evil/},
  {name: 'form posting elsewhere', html: '<form action="https://evil.invalid/"><input name="q"></form><p>a</p>', ruleId: 'sanitized-element', gone: /<form|<input|evil/},
  {name: 'object element', html: '<object data="https://evil.invalid/x.swf"></object><p>a</p>', ruleId: 'sanitized-element', gone: /<object|evil/},
  {name: 'embed element', html: '<embed src="https://evil.invalid/x.swf"><p>a</p>', ruleId: 'sanitized-element', gone: /<embed|evil/},
  {name: 'stylesheet link', html: '<link rel="stylesheet" href="https://evil.invalid/x.css"><p>a</p>', ruleId: 'sanitized-element', gone: /<link|evil/},
  {name: 'style element', html: '<style>p{background:url(https://evil.invalid/)}</style><p>a</p>', ruleId: 'sanitized-element', gone: /<style|evil/},
  {name: 'SVG animation writing a javascript: href', html: '<svg><a><animate attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg><p>a</p>', ruleId: 'sanitized-element', gone: /<animate|javascript/i},
  {name: 'MathML namespace confusion', html: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math><p>a</p>', ruleId: 'sanitized-element', gone: /onerror|alert|<math/i},
  {name: 'noscript mutation', html: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">x</p></noscript><p>a</p>', ruleId: 'sanitized-element', gone: /onerror|alert/i}
]

/** The smallest hand-built Article around one paragraph's HTML. */
function handBuilt(html: string): Article {
  const article = parsePost('---\ntitle: T\n---\n<p>placeholder</p>\n')
  const paragraph = article.lead[0]
  assert.ok(paragraph && paragraph.type === 'paragraph')
  paragraph.html = html
  delete paragraph.source
  return article
}

describe('security rules, without a browser', () => {
  for (const rule of rules) {
    it(`should remove ${rule.name} from a raw post, with \`${rule.ruleId}\``, () => {
      const article = parsePost(`---\ntitle: T\n---\n${rule.html}\n`)
      const reported = article.messages.filter((message) => message.ruleId === rule.ruleId)
      assert.ok(reported.length > 0, `expected ${rule.ruleId}, got ${article.messages.map((message) => message.ruleId).join(', ')}`)
      for (const message of reported) assert.ok(message.line >= 4, 'the message points into the body')
      for (const output of [renderHtml(article), renderPost(article)]) {
        assert.doesNotMatch(output, rule.gone)
        if (rule.kept) assert.match(output, rule.kept)
        assert.deepEqual(auditHtml(output.replace(/^---\n[\s\S]*?\n---\n/, '')), [])
      }
    })

    it(`should remove ${rule.name} from a hand-built Article's paragraph`, () => {
      const article = handBuilt(rule.html)
      for (const output of [renderHtml(article), renderPost(article)]) {
        assert.doesNotMatch(output, rule.gone)
        assert.deepEqual(auditHtml(output.replace(/^---\n[\s\S]*?\n---\n/, '')), [])
      }
    })
  }

  it('should drop the properties that overlay the page or load resources even when a caller allows them', () => {
    const denied = ['position: fixed', 'z-index: 9', 'content: "x"', 'background-image: url(javascript:x)', 'background: url(data:image/png,x)', 'behavior: url(x.htc)', 'top: 0', 'left: 0', 'transform: scale(9)', 'opacity: 0', 'pointer-events: none', '--x: 1', 'mask: url(x)', 'inset: 0']
    const properties = denied.map((declaration) => declaration.split(':')[0]!)
    for (const declaration of denied) {
      const result = sanitizeStyle(`color: red; ${declaration};`, {allowProperties: properties})
      assert.equal(result.value, 'color: red;', declaration)
      assert.equal(result.removed.length, 1, declaration)
    }
  })

  // Issue 18, finding 1: a browser keeps the first of two same-named attributes.
  it('should not write an element with a duplicated attribute from any hand-built field', () => {
    const vector = '<iframe src="https://evil.example/x" src="https://www.youtube.com/embed/x" sandbox="allow-scripts allow-same-origin allow-top-navigation allow-modals" sandbox="allow-scripts"></iframe>'
    const base = parsePost('---\ntitle: T\n---\n<p>a</p>\n\n<ul><li>b</li></ul>\n\n<table><tbody><tr><td>c</td><td>d</td></tr></tbody></table>\n\n<div class="x">e</div>\n')
    const placements: Array<[string, (article: Article) => void]> = [
      ['paragraph', (article) => Object.assign(article.lead[0]!, {html: vector})],
      ['list item', (article) => Object.assign((article.lead[1] as {items: Array<{html: string}>}).items[0]!, {html: vector})],
      ['table cell', (article) => Object.assign((article.lead[2] as {rows: Array<Array<{html: string}>>}).rows[0]![0]!, {html: vector})],
      ['html block', (article) => Object.assign(article.lead[3]!, {html: vector})],
      ['layout gap', (article) => (article.layout.gaps = article.layout.gaps.map(() => vector))],
      ['source', (article) => Object.assign(article.lead[0]!.source!, {html: vector})]
    ]
    for (const [name, put] of placements) {
      const article = structuredClone(base)
      for (const block of article.lead) if (name !== 'source') delete block.source
      put(article)
      for (const output of [renderHtml(article), renderPost(article)]) {
        assert.doesNotMatch(output, /evil\.example|allow-top-navigation|allow-modals/, name)
        assert.equal(hasDuplicateAttribute(output), false, name)
      }
    }
  })

  it('should write a raw post\'s repeated attribute back once, the first copy, and say so', () => {
    const raw = '---\ntitle: T\n---\n<p><a href="https://a.example/" title="t" href="_blank">x</a></p>\n'
    const article = parsePost(raw)
    const message = article.messages.find((item) => item.ruleId === 'sanitized-attribute')
    assert.ok(message, article.messages.map((item) => item.ruleId).join(', '))
    assert.equal(message.line, 4)
    for (const output of [renderHtml(article), renderPost(article), renderHtml(JSON.parse(JSON.stringify(article)) as Article)]) {
      assert.equal(hasDuplicateAttribute(output), false)
      assert.match(output, /href="https:\/\/a\.example\/"/)
    }
  })
})
