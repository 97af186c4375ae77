import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'
import {ArticleError, parsePost, renderPost, type Article} from '../src/index.ts'
import {content} from './support/round-trip.ts'

const artifact = (name: string) => readFileSync(new URL(`artifacts/${name}`, import.meta.url), 'utf8')
const rules = (article: Article) => article.messages.map((message) => message.ruleId)
const sample = readFileSync(new URL('../examples/sample.txt', import.meta.url), 'utf8')

/** What must hold for any input: JSON-safe, and the round trip reaches its fixpoint. */
function sound(raw: string): Article {
  const article = parsePost(raw)
  assert.deepEqual(JSON.parse(JSON.stringify(article)), article)
  assert.deepEqual(content(parsePost(renderPost(article))), content(article))
  return article
}

describe('hostile and extreme input', () => {
  describe('YAML', () => {
    it('should refuse an alias bomb with a message, and throw ArticleError in strict mode', () => {
      const raw = artifact('alias-bomb.txt')
      const article = sound(raw)
      assert.ok(rules(article).includes('front-matter-alias-limit'))
      assert.throws(() => parsePost(raw, {strict: true}), (error: unknown) => error instanceof ArticleError && error.code === 'front-matter-alias-limit' && error.cause instanceof ReferenceError)
    })

    // yaml counts the anchored node with its aliases: at the limit of 100, an anchor takes 99 aliases.
    it('should allow an anchor 100 uses (yaml\'s default limit), and refuse the 101st', () => {
      const post = (count: number) => `---\nword: &w lol\nlist: [${Array.from({length: count}, () => '*w').join(', ')}]\n---\n<p>a</p>\n`
      const allowed = parsePost(post(99))
      assert.ok(!rules(allowed).includes('front-matter-alias-limit'), rules(allowed).join(', '))
      assert.equal((allowed.meta.extra.find(([key]) => key === 'list')?.[1] as unknown[]).length, 99)
      const refused = parsePost(post(100))
      const message = refused.messages.find((item) => item.ruleId === 'front-matter-alias-limit')
      assert.ok(message, rules(refused).join(', '))
      assert.ok(message.line >= 1 && message.line <= 4, 'the message points into the front matter')
    })

    // Converting deep YAML recurses; near the stack's end V8 aborted the whole process (exit 134) on the second such post.
    it('should refuse front matter nested deeper than 64 levels with a message, post after post, without crashing', () => {
      const post = (depth: number) => `---\ntitle: ${'['.repeat(depth)}${']'.repeat(depth)}\n---\n<p>a</p>\n`
      for (const depth of [2000, 5000, 20_000]) {
        const article = parsePost(post(depth))
        assert.ok(rules(article).includes('front-matter-yaml'), `${depth}: ${rules(article).join(', ')}`)
        assert.equal(article.lead[0]?.text, 'a')
        assert.throws(() => parsePost(post(depth), {strict: true}), (error: unknown) => error instanceof ArticleError && error.code === 'front-matter-yaml')
      }
      // A quote inside a plain value opens no string: the deep value after it is still refused.
      const hidden = parsePost(`---\nscreen: 5" wide\ntitle: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n<p>a</p>\n`)
      assert.ok(rules(hidden).includes('front-matter-yaml'), rules(hidden).join(', '))
      // The limit itself: a value 64 collections deep is read, 65 is not.
      assert.equal(rules(parsePost(`---\nx: ${'['.repeat(64)}1${']'.repeat(64)}\n---\n<p>a</p>\n`)).includes('front-matter-yaml'), false)
      assert.equal(rules(parsePost(`---\nx: ${'['.repeat(65)}1${']'.repeat(65)}\n---\n<p>a</p>\n`)).includes('front-matter-yaml'), true)
    })

    it('should keep __proto__, constructor and prototype keys as plain data, polluting nothing', () => {
      const article = sound(artifact('proto-keys.txt'))
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined)
      assert.equal(Object.getPrototypeOf(article.meta), Object.prototype)
      const keys = article.meta.extra.map(([key]) => key)
      assert.deepEqual(keys, ['__proto__', 'constructor', 'prototype', 'nested'])
      const proto = article.meta.extra[0]![1] as Record<string, unknown>
      assert.deepEqual(Object.entries(proto), [['polluted', true]])
      assert.equal(renderPost(article), artifact('proto-keys.txt').replace('<p id="__proto__">', '<p>'))
    })
  })

  describe('deep nesting', () => {
    it('should parse a 100,000-deep <div> nest without a RangeError, capped at 512 and reported', () => {
      const depth = 100_000
      const raw = '---\ntitle: Deep\n---\n' + '<div>'.repeat(depth) + '<p>bottom</p>' + '</div>'.repeat(depth)
      const article = sound(raw)
      assert.ok(rules(article).includes('nesting-too-deep'))
      assert.match(article.text, /bottom/)
      assert.ok(JSON.stringify(article).length > 0)
    })

    it('should survive 100,000 nested inline elements and table cells too', () => {
      sound('<b>'.repeat(100_000) + 'x')
      sound('<table><tr><td>'.repeat(20_000) + 'x')
    })
  })

  describe('size', () => {
    it('should parse a 10 MB post', () => {
      const body = sample.slice(sample.indexOf('<h3>'), sample.indexOf('<table>'))
      const raw = sample.slice(0, sample.indexOf('<h3>')) + body.repeat(Math.ceil(10_000_000 / body.length))
      assert.ok(raw.length >= 10_000_000)
      const article = parsePost(raw)
      assert.ok(article.sections[0]!.children.length > 5000)
      assert.equal(renderPost(article), raw)
    })
  })

  describe('line endings and encodings', () => {
    const lf = '---\ntitle: 줄\n---\n<h2>제목</h2>\n<p>첫째\n둘째</p>\n'
    for (const [name, eol] of [
      ['CRLF', '\r\n'],
      ['CR only', '\r']
    ] as const) {
      it(`should parse ${name} posts with the same positions as LF`, () => {
        const raw = lf.replace(/\n/g, eol)
        const article = sound(raw)
        const reference = parsePost(lf)
        assert.equal(article.meta.title, '줄')
        assert.equal(article.layout.eol, eol)
        assert.equal(article.sections[0]!.position!.start.line, reference.sections[0]!.position!.start.line)
        assert.equal(article.sections[0]!.blocks[0]!.position!.end.line, 6)
        assert.equal(renderPost(article), raw)
      })
    }

    it('should parse mixed line endings, and keep them', () => {
      const raw = '---\r\ntitle: mixed\n---\r\n<p>a</p>\r<p>b</p>\n'
      const article = sound(raw)
      assert.equal(article.meta.title, 'mixed')
      assert.equal(renderPost(article), raw)
    })

    it('should not take a lone CR for a fence line end in a file that has LF (as Jekyll does not)', () => {
      const raw = '---\ntitle: x\r---\r<p title="\n---\n<img src=x onerror=alert(1)>">x</p>'
      const article = sound(raw)
      assert.doesNotMatch(renderPost(article).split('\n---\n').slice(1).join(''), /onerror/)
    })

    it('should handle a UTF-8 byte order mark: columns after it, and kept on output', () => {
      const raw = '\ufeff---\ntitle: BOM\n---\n<p>a</p>'
      const article = sound(raw)
      assert.equal(article.meta.title, 'BOM')
      assert.equal(article.lead[0]!.position!.start.line, 4)
      assert.equal(renderPost(article), raw)
    })

    it('should rewrite NUL bytes and say so', () => {
      const article = sound('---\ntitle: a\u0000b\n---\n<p>x\u0000y</p>')
      assert.ok(rules(article).includes('rewritten-markup'))
      assert.doesNotMatch(renderPost(article).split('---\n').at(-1)!, /\u0000/)
    })

    it('should keep lone surrogates without throwing', () => {
      sound('---\ntitle: "\\ud800"\n---\n<p>\ud800 \udfff</p>')
    })

    it('should give NFC and NFD Hangul the same ids and summary matches, and keep each as written', () => {
      const raw = '---\ntitle: 한글\n---\n<h2>강화된 협력</h2><p>a</p><h2>분석 평가</h2><p>b</p><table><tr><td><b>요약</b></td></tr><tr><td>강화된 협력</td></tr><tr><td>분석 평가</td></tr></table>'
      const nfc = sound(raw.normalize('NFC'))
      const nfd = sound(raw.normalize('NFD'))
      assert.deepEqual(
        nfd.sections.map((section) => section.id),
        nfc.sections.map((section) => section.id)
      )
      assert.deepEqual(nfd.summary?.items.map((item) => item.sectionId), nfc.summary?.items.map((item) => item.sectionId))
      assert.equal(renderPost(nfd), raw.normalize('NFD'))
    })
  })

  describe('front matter fences', () => {
    const cases: Array<[name: string, raw: string, check: (article: Article) => void]> = [
      ['`---` inside the body', '---\ntitle: a\n---\n<p>a</p>\n---\n<p>b</p>', (a) => assert.equal(a.lead.length, 3)],
      ['`...` as the closing fence', '---\ntitle: dots\n...\n<p>a</p>', (a) => assert.equal(a.meta.title, 'dots')],
      ['trailing spaces on fences', '---  \ntitle: spaced\n--- \t\n<p>a</p>', (a) => assert.equal(a.meta.title, 'spaced')],
      ['a post that is only front matter', '---\ntitle: only\n---\n', (a) => assert.ok(rules(a).includes('body-empty'))],
      ['front matter with only comments', '---\n# nothing here\n---\n<p>a</p>', (a) => assert.deepEqual(rules(a), [])],
      ['no front matter at all', '<p>a</p>', (a) => assert.deepEqual(rules(a), ['front-matter-missing'])],
      ['an unclosed front matter', '---\ntitle: open\n<p>a</p>', (a) => assert.ok(rules(a).includes('front-matter-unclosed'))],
      ['a duplicated opening fence', '---\n---\ntitle: x\n---\n<p>a</p>', (a) => assert.equal(a.meta.title, null)]
    ]
    for (const [name, raw, check] of cases) {
      it(`should handle ${name}`, () => {
        const article = sound(raw)
        check(article)
        assert.equal(renderPost(article), raw)
      })
    }
  })

  describe('HTML', () => {
    const cases: Array<[name: string, body: string, check: (article: Article) => void]> = [
      ['unclosed tags', '<h2>Open<p>never closed <b>bold', (a) => assert.equal(a.sections[0]!.heading, 'Open never closed bold')],
      ['a stray </p>', '<p>a</p></p><p>b</p>', (a) => assert.equal(a.lead.filter((block) => block.type === 'paragraph').length, 2)],
      ['a table inside a paragraph', '<p>before<table><tr><td>cell</td></tr></table>after</p>', (a) => assert.ok(a.lead.some((block) => block.type === 'table'))],
      ['nested tables', '<table><tr><td><table><tr><td>inner</td></tr></table></td></tr></table>', (a) => assert.equal(a.lead[0]!.type, 'table')],
      ['a heading inside a table', '<h2>Real</h2><table><tr><td><h2>In a cell</h2></td></tr></table>', (a) => assert.equal(a.sections.length, 1)],
      ['a heading inside a list', '<ul><li><h3>In a list</h3></li></ul>', (a) => assert.deepEqual(a.sections, [])],
      ['an <h2> with only an image', '<h2><img src="a.png" alt="Alt"></h2><p>a</p>', (a) => assert.ok(rules(a).includes('heading-empty'))],
      ['script, style, iframe and object', '<script>x()</script><style>p{}</style><iframe src="https://evil.example"></iframe><object data="x"></object><p>kept</p>', (a) => assert.equal(a.text, 'kept')],
      ['comments', '<!-- a comment --><p>a</p><!--more-->', (a) => assert.equal(a.text, 'a')],
      ['CDATA', '<p><![CDATA[x]]>y</p>', (a) => assert.match(a.text, /y/)],
      ['templates', '<template><p>hidden</p></template><p>shown</p>', (a) => assert.equal(a.text, 'shown')],
      // hast-util-from-parse5 threw a TypeError here: hastscript reads the name as a template, parse5 does not.
      ['a tag name that looks like a selector', '<template.x>a</template.x><p>b</p>', (a) => assert.match(a.text, /b$/)],
      // The parser reopens the unclosed `<b>` around all that follows; those copies have no tags to write back.
      ['a reopened formatting element around sanitised content', '<p><b>bold</p>\n\n<svg><style></style></svg><p>after</p>', (a) => {
        assert.equal(renderPost(a).split('<b>').length, 2)
        assert.equal(a.lead.at(-1)!.text, 'after')
      }],
      ['a reopened element holding a written one', '<div><b></script></div><b>', (a) => assert.deepEqual(a.lead.map((block) => ('html' in block ? block.html : undefined)), ['<b></b>', '<b></b>'])],
      // The rewrite closes the `<b>`, so the image after it is no longer inside a reopened copy.
      ['formatting reopened after rewritten markup', '<p></script><b><p><img src=x alt=A>', (a) => assert.equal(a.hero?.src, 'x')],
      // The `<a>` left open is reopened around what follows the table; the rewrite of the first paragraph closes it.
      ['a run through the edge of a reopened link', '<p \u0000x="1">&nbsp;<a href="https://a.example/">\n\n<table><tr><td>c</td></tr></table>\n\n<b>bold</b> text <a href="https://b.example/">link</a>', (a) => {
        assert.equal(a.lead.at(-1)!.text, 'bold text link')
      }],
      ['a Markdown hero line before rewritten markup', '![Hero](/hero.jpg)\n\n<h---\n2>First</h2>\n\ntext', (a) => assert.equal(a.hero?.src, '/hero.jpg')],
      ['a NUL inside reopened formatting', '<p><strong><b>x<b></strong> y</p>\n\n\u0000<p>z</p>\n\n<h2>H</h2><p>w</p>', (a) => {
        assert.equal(renderPost(a).split('<b>').length, 3)
        assert.equal(a.sections[0]!.heading, 'H')
      }]
    ]
    for (const [name, body, check] of cases) {
      it(`should handle ${name}`, () => check(sound('---\ntitle: t\n---\n' + body)))
    }
  })
})
