/**
 * The red team's findings (issue 18) that live outside the sanitiser core, one
 * test each, without a browser.
 */
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {JSDOM} from 'jsdom'
import {ArticleError, parsePost, renderFrontMatter, renderHtml, renderPost, toJsonLd, serializeJsonLd, type Article} from '../../src/index.ts'

// A fixed seed keeps CI reproducible (FUZZ_SEED=… FUZZ_RUNS=… to search further).
const settings = {seed: Number(process.env['FUZZ_SEED'] ?? 20_261_207), numRuns: Number(process.env['FUZZ_RUNS'] ?? 150)}

/** A post with every kind of item: hero, lead, nested sections, each block type, a summary, every known meta key. */
const rich = `---
title: Rich
categories: [A, B]
tags: [x, y]
excerpt: An excerpt.
feature_text: Feature.
author: Kim
date: 2024-07-18 09:30 +0900
permalink: /p/rich
layout: post
image: /a.jpg
extra: [1, {a: b}]
---
<p><img src="https://example.com/hero.jpg" alt="hero" title="t" width="10" srcset="https://example.com/hero.jpg 1x"></p>
<p>Lead text.</p>
<h2 data-ke-size="size26">One</h2>
<p data-ke-size="size16">Para <b>bold</b>.</p>
<ul><li>a</li><li>b</li></ul>
<figure data-ke-type="imageblock"><img src="https://example.com/b.jpg" alt="b"><figcaption>cap</figcaption></figure>
<figure data-ke-type="opengraph" data-og-url="https://example.com/"><a href="https://example.com/"><div class="og-text"><p class="og-title">T</p><p class="og-desc">D</p></div></a></figure>
<h3>Sub</h3>
<pre data-ke-language="js"><code>x = 1</code></pre>
<hr data-ke-style="style1">
<iframe src="https://www.youtube.com/embed/x" title="v"></iframe>
<blockquote>q</blockquote>
<table><tr><th>h</th><td colspan="2">c</td></tr></table>
<p>&nbsp;</p>
<div>html block</div>
<h2>Two</h2>
<p>text</p>
<table><tr><td style="text-align: center;"><b>One</b></td></tr><tr><td style="text-align: center;"><b>Two</b></td></tr></table>
`

/** Every path to a field of a JSON value (object keys and array indices), the root excluded. */
function pathsOf(value: unknown, prefix: Array<string | number> = [], into: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) {
    value.forEach((entry, index) => {
      into.push([...prefix, index])
      pathsOf(entry, [...prefix, index], into)
    })
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) {
      into.push([...prefix, key])
      pathsOf(entry, [...prefix, key], into)
    }
  }
  return into
}

/** Values of every other type, for a field that should hold one type. */
const otherValues: unknown[] = [undefined, null, 0, -1, 2.5, Number.NaN, '', 'x', '<script>alert(1)</script>', true, false, [], ['x'], [null], {}, {a: 1}, {length: 1}]

type Edit = {path: number; action: 'delete' | number}

/** Delete or retype the field at each chosen path, in place. */
function edit(article: Article, edits: readonly Edit[]): void {
  for (const {path: pick, action} of edits) {
    const paths = pathsOf(article)
    if (paths.length === 0) return
    const path = paths[pick % paths.length]!
    let parent: any = article
    for (const key of path.slice(0, -1)) {
      parent = parent?.[key]
      if (typeof parent !== 'object' || parent === null) break
    }
    if (typeof parent !== 'object' || parent === null) continue
    const key = path.at(-1)!
    if (action === 'delete') delete parent[key]
    else parent[key] = otherValues[action % otherValues.length]
  }
}

/** Call, allowing only the library's own errors; none is expected: every one of these should return. */
function returns<T>(name: string, call: () => T): T {
  try {
    return call()
  } catch (error) {
    assert.ok(error instanceof ArticleError || error instanceof TypeError, `${name} threw ${String(error)}`)
    assert.fail(`${name} threw ${String(error)}`)
  }
}

describe('finding 5: every public function accepts the hand-built shapes renderHtml accepts', () => {
  it('toJsonLd should give the defaults for a hand-built Article without meta.categories', () => {
    const article = parsePost('---\ntitle: Hello\ntags: [a]\n---\n<p>Hello there.</p>')
    const meta: Partial<Article['meta']> = {...article.meta}
    delete meta.categories
    const handBuilt = {...article, meta: meta as Article['meta']}
    assert.equal(typeof renderHtml(handBuilt), 'string')
    const value = toJsonLd(handBuilt)
    assert.equal(value.headline, 'Hello')
    assert.deepEqual(value.keywords, ['a'])
    assert.equal('articleSection' in value, false)
  })

  it('renderPost should write a hand-built Article without meta (an empty front matter)', () => {
    const article: Partial<Article> = {...parsePost('---\ntitle: x\n---\n<h2>One</h2><p>a</p>')}
    delete article.meta
    const written = renderPost(article as Article)
    assert.equal(written, '---\n---\n<h2>One</h2><p>a</p>')
    assert.equal(parsePost(written).meta.title, null)
  })

  it('toJsonLd should read an Article that is only partly there', () => {
    for (const value of [{}, {meta: null}, {meta: {}}, {meta: {title: 1, tags: 'a', categories: [1, 'A']}, stats: null, text: 3, hero: 'x'}, {meta: {}, hero: {src: 'https://example.com/a.png'}, text: 'one two three'}] as unknown as Article[]) {
      const jsonLd = toJsonLd(value)
      assert.equal(jsonLd['@type'], 'NewsArticle')
      assert.equal(typeof jsonLd.wordCount, 'number')
      assert.doesNotThrow(() => serializeJsonLd(jsonLd))
    }
    const partial = toJsonLd({meta: {categories: [1, 'A']}, hero: {src: 'https://example.com/a.png'}, text: 'one two three'} as unknown as Article)
    assert.deepEqual(partial.articleSection, ['A'])
    assert.equal(partial.image, 'https://example.com/a.png')
    assert.equal(partial.wordCount, 3)
  })

  it('should return for a parsed Article with any fields deleted or retyped (property)', () => {
    const edits = fc.array(fc.record({path: fc.nat(), action: fc.oneof(fc.constant('delete' as const), fc.nat())}), {minLength: 1, maxLength: 4})
    fc.assert(
      fc.property(edits, fc.boolean(), (chosen, copy) => {
        // In place on a parsed Article (its parse records stay), or on a JSON copy (none).
        const parsed = parsePost(rich)
        const article: Article = copy ? JSON.parse(JSON.stringify(parsed)) : parsed
        edit(article, chosen)
        returns('toJsonLd', () => serializeJsonLd(toJsonLd(article, {baseUrl: 'https://example.com/'})))
        returns('renderHtml', () => renderHtml(article))
        returns('renderPost', () => renderPost(article))
        const meta = (article as Partial<Article>).meta
        if (typeof meta === 'object' && meta !== null) returns('renderFrontMatter', () => renderFrontMatter(meta))
      }),
      settings
    )
  })
})

/** The smallest hand-built Article: one paragraph, no source, no layout of its own. */
function handBuilt(): Article {
  const article = parsePost('---\ntitle: T\n---\n<p>placeholder</p>\n')
  return JSON.parse(JSON.stringify(article)) as Article
}

/** What a page holding `html` finds clobbered: document and form properties that are elements now. */
function clobbered(html: string): string[] {
  const {window} = new JSDOM(`<!doctype html><body><form id="page-form"><div>${html}</div></form>`)
  const found: string[] = []
  const form = window.document.getElementById('page-form')!
  for (const element of window.document.querySelectorAll('[id], [name]')) {
    if (element === form) continue
    for (const value of [element.getAttribute('id'), element.getAttribute('name')]) {
      if (value === null) continue
      const name = value.trim()
      const pristine = new JSDOM('').window
      if (name in pristine.document || name in pristine.HTMLFormElement.prototype) found.push(`${element.tagName.toLowerCase()}: ${name}`)
      pristine.close()
    }
  }
  window.close()
  return found
}

describe('finding 3: names that clobber document and form properties', () => {
  const vectors = [
    '<img name="adoptNode" src="https://example.com/a.png" alt="a">',
    '<img id="adoptNode" name="adoptNode" src="https://example.com/a.png" alt="a">',
    '<a name="createTreeWalker" href="https://example.com/">x</a>',
    '<form name="adoptNode"><p>in a form</p></form>',
    '<embed name="adoptNode" src="https://example.com/x">',
    '<object name="adoptNode" data="https://example.com/x"></object>',
    '<iframe name="exitFullscreen" src="https://www.youtube.com/embed/x"></iframe>',
    '<span id="hasStorageAccess">x</span>'
  ]

  for (const vector of vectors) {
    it(`should drop the clobbering name of ${vector} in a raw post`, () => {
      const article = parsePost(`---\ntitle: T\n---\n<p>a</p>\n${vector}\n<p>b</p>\n`)
      assert.ok(article.messages.some((message) => message.ruleId.startsWith('sanitized-')), 'reported')
      for (const output of [renderHtml(article), renderPost(article)]) {
        assert.doesNotMatch(output, /(?:name|id)="(?:adoptNode|createTreeWalker|exitFullscreen|hasStorageAccess)"/)
        assert.deepEqual(clobbered(output.replace(/^---\n[\s\S]*?\n---\n/, '')), [])
      }
    })

    it(`should drop the clobbering name of ${vector} in every html field of a hand-built Article`, () => {
      const placements: Array<(article: Article) => void> = [
        (article) => Object.assign(article.lead[0]!, {html: vector}),
        (article) => article.lead.push({type: 'html', html: vector, text: ''}),
        (article) => article.lead.push({type: 'list', ordered: false, items: [{text: '', html: vector}], text: ''}),
        (article) => article.lead.push({type: 'table', rows: [[{text: '', html: vector, header: false}]], text: ''}),
        (article) => article.lead.push({type: 'quote', html: vector, text: ''})
      ]
      for (const place of placements) {
        const article = handBuilt()
        place(article)
        for (const output of [renderHtml(article), renderPost(article)]) assert.deepEqual(clobbered(output.replace(/^---\n[\s\S]*?\n---\n/, '')), [], output)
      }
    })
  }

  it('should drop clobbering ids and names given as a hand-built item\'s attributes', () => {
    const article = handBuilt()
    article.lead.push({type: 'image', src: 'https://example.com/a.png', alt: 'a', text: '', attributes: {name: 'adoptNode'}})
    article.sections.push({heading: 'H', id: 'h', depth: 2, attributes: {id: 'adoptNode'}, blocks: [{type: 'paragraph', html: 'x', text: 'x', attributes: {id: 'createTreeWalker'}}], children: []})
    for (const output of [renderHtml(article), renderPost(article)]) assert.deepEqual(clobbered(output.replace(/^---\n[\s\S]*?\n---\n/, '')), [], output)
  })

  it('should keep ordinary ids and names byte for byte', () => {
    const body = '<h2 id="intro">Intro</h2>\n<p id="section-1"><a name="footnote-1">1</a></p>\n<h2 id="서론">서론</h2>\n<p><img name="photo-1" src="https://example.com/a.png" alt="a"></p>\n'
    const raw = `---\ntitle: T\n---\n${body}`
    const article = parsePost(raw)
    assert.deepEqual(article.messages.filter((message) => message.ruleId.startsWith('sanitized-')), [])
    assert.equal(renderPost(article), raw)
  })
})

describe('finding 6: a NUL in a field is written as what reads back the same', () => {
  /** A parsed post with two sections and their summary, as a JSON copy (no parse records). */
  const base = (): Article =>
    JSON.parse(
      JSON.stringify(
        parsePost(
          '---\ntitle: T\n---\n<h2>H</h2>\n<p>p</p>\n<p><img src="https://example.com/a.png" alt="alt"></p>\n<h2>K</h2>\n<p>q</p>\n' +
            '<table><tr><td style="text-align: center;"><b>H</b></td></tr><tr><td style="text-align: center;"><b>K</b></td></tr></table>\n'
        )
      )
    )
  const edits: Record<string, (article: Article) => void> = {
    heading: (article) => void (article.sections[0]!.heading = 'H\0x'),
    'paragraph text': (article) => void Object.assign(article.sections[0]!.blocks[0]!, {html: 'p\0x <b>b\0</b>', text: 'p\0x b\0'}),
    'summary item text': (article) => void (article.summary!.items[0]!.text = 'H\0x'),
    'summary title': (article) => void (article.summary!.title = 'T\0'),
    'image alt': (article) => void Object.assign(article.sections[0]!.blocks[1]!, {alt: 'a\0x', title: '\0'}),
    'meta title': (article) => void (article.meta.title = 'T\0x'),
    'heading attribute': (article) => void (article.sections[0]!.attributes = {'data-x': 'v\0w'}),
    'figure caption and image': (article) => void article.sections[0]!.blocks.push({type: 'figure', kind: 'figure', image: {src: 'https://example.com/b.png', alt: 'b\0'}, caption: 'c\0', text: ''}),
    'code and language': (article) => void article.sections[0]!.blocks.push({type: 'code', language: 'j\0s', code: 'x\0y', text: ''}),
    'markdown hero': (article) => void (article.hero = {src: 'https://example.com/h.png', alt: 'h\0', markdown: true}),
    'link card': (article) => void article.lead.push({type: 'link-card', url: 'https://example.com/', title: 't\0', description: 'd\0', image: '', text: ''})
  }

  for (const [name, change] of Object.entries(edits)) {
    it(`should render a NUL in the ${name} idempotently`, () => {
      const article = base()
      change(article)
      const first = renderPost(article)
      const body = first.replace(/^---\n[\s\S]*?\n---\n/, '')
      assert.doesNotMatch(body, /\0|&#x0;|&#0;/, 'no NUL in the HTML')
      const second = renderPost(parsePost(first))
      assert.equal(second, first)
      assert.equal(renderPost(parsePost(second)), second)
      assert.equal(renderHtml(parsePost(first)), renderHtml(parsePost(second)))
    })
  }

  it('should write U+FFFD for a NUL in text and in attribute values, as a parser reads `&#0;`', () => {
    const article = base()
    article.sections[0]!.heading = 'H\0x'
    Object.assign(article.sections[0]!.blocks[1]!, {alt: 'a\0x'})
    const html = renderHtml(article)
    assert.match(html, /<h2[^>]*>H\uFFFDx<\/h2>/)
    assert.match(html, /alt="a\uFFFDx"/)
    const read = parsePost(html)
    assert.equal(read.sections[0]!.heading, 'H\uFFFDx')
  })
})

describe('finding 7: removed interactive elements keep their text', () => {
  const cases: Array<{html: string; text: RegExp; gone: RegExp}> = [
    {html: '<form action="https://evil.example/"><button>Search</button></form>', text: /Search/, gone: /<form|<button|evil/},
    {html: '<p><button type="submit" onclick="alert(1)" formaction="javascript:alert(1)">Go on</button></p>', text: /Go on/, gone: /<button|onclick|formaction|alert/},
    {html: '<p>Pick <select name="s"><option>one</option><option selected>two</option></select> now</p>', text: /Pick one\s*two now|Pick onetwo now/, gone: /<select|<option/},
    {html: '<p><textarea>type <b>here</b></textarea></p>', text: /type &#x3C;b>here/, gone: /<textarea|<b>/},
    {html: '<p><label>Name <input name="q" value="v"></label></p>', text: /Name/, gone: /<label|<input/}
  ]

  for (const {html, text, gone} of cases) {
    it(`should keep the text of ${html}, not the element`, () => {
      const article = parsePost(`---\ntitle: T\n---\n${html}\n`)
      assert.ok(
        article.messages.some((message) => message.ruleId === 'sanitized-element'),
        `expected sanitized-element, got ${article.messages.map((message) => message.ruleId).join(', ')}`
      )
      assert.equal(
        article.messages.some((message) => message.ruleId === 'body-empty'),
        false
      )
      for (const output of [renderHtml(article), renderPost(article)]) {
        assert.match(output, text)
        assert.doesNotMatch(output, gone)
      }
    })
  }

  it('should report the button as unwrapped, not removed with its content', () => {
    const article = parsePost('---\ntitle: T\n---\n<form><button>Search</button></form>\n')
    assert.ok(article.text.includes('Search'))
    const reasons = article.messages.filter((message) => message.ruleId === 'sanitized-element').map((message) => message.reason)
    assert.ok(reasons.some((reason) => reason.includes('`<button>`') && /content was kept/.test(reason)), reasons.join('\n'))
  })
})

describe('finding 4: media policy (no autoplay, preload at most metadata, media over https or relative)', () => {
  const cases: Array<{html: string; kept: RegExp[]; gone: RegExp[]; ruleId?: 'sanitized-attribute'}> = [
    {html: '<video src="https://media.example/a.mp4" autoplay muted loop controls playsinline></video>', kept: [/src="https:\/\/media\.example\/a\.mp4"/, /controls/, /muted/], gone: [/autoplay/], ruleId: 'sanitized-attribute'},
    {html: '<audio src="https://media.example/a.mp3" autoplay controls></audio>', kept: [/src="https:\/\/media\.example\/a\.mp3"/, /controls/], gone: [/autoplay/], ruleId: 'sanitized-attribute'},
    {html: '<video src="https://media.example/a.mp4" preload="auto" controls></video>', kept: [/src=/], gone: [/preload/], ruleId: 'sanitized-attribute'},
    {html: '<video src="https://media.example/a.mp4" preload="" controls></video>', kept: [/src=/], gone: [/preload/], ruleId: 'sanitized-attribute'},
    {html: '<audio src="https://media.example/a.mp3" preload="metadata" controls></audio>', kept: [/preload="metadata"/], gone: []},
    {html: '<audio src="https://media.example/a.mp3" preload="none" controls></audio>', kept: [/preload="none"/], gone: []},
    {html: '<video src="http://media.example/a.mp4" controls></video>', kept: [/<video controls>/], gone: [/media\.example/], ruleId: 'sanitized-attribute'},
    {html: '<audio src="//media.example/a.mp3" controls></audio>', kept: [/<audio controls>/], gone: [/media\.example/], ruleId: 'sanitized-attribute'},
    {html: '<audio src="\\\\media.example/a.mp3" controls></audio>', kept: [/<audio controls>/], gone: [/media\.example/], ruleId: 'sanitized-attribute'},
    {html: '<video src=" http://media.example/a.mp4" controls></video>', kept: [/<video controls>/], gone: [/media\.example/], ruleId: 'sanitized-attribute'},
    {html: '<video src="ht&#x09;tp://media.example/a.mp4" controls></video>', kept: [/<video controls>/], gone: [/media\.example/], ruleId: 'sanitized-attribute'},
    {html: '<video src="javascript:alert(1)" controls></video>', kept: [/<video controls>/], gone: [/javascript/], ruleId: 'sanitized-attribute'},
    {html: '<video src="data:video/mp4;base64,AAAA" controls></video>', kept: [/<video controls>/], gone: [/data:/], ruleId: 'sanitized-attribute'},
    {
      html: '<video controls><source src="https://media.example/a.mp4" type="video/mp4"><source src="http://media.example/a.webm" type="video/webm"><track src="http://media.example/ko.vtt" kind="captions" srclang="ko"></video>',
      kept: [/<source src="https:\/\/media\.example\/a\.mp4" type="video\/mp4">/, /<track kind="captions" srclang="ko">/],
      gone: [/http:\/\/media\.example/],
      ruleId: 'sanitized-attribute'
    },
    {html: '<audio src="/media/a.mp3" controls></audio><video src="clip.mp4" controls></video>', kept: [/src="\/media\/a\.mp3"/, /src="clip\.mp4"/], gone: []},
    // A poster is an image, as `img`: any http(s) host.
    {html: '<video src="https://media.example/a.mp4" poster="http://images.example/p.jpg" controls></video>', kept: [/poster="http:\/\/images\.example\/p\.jpg"/], gone: []},
    // `<picture>` sources are images, as `img`.
    {html: '<picture><source srcset="http://images.example/a.webp 1x"><img src="http://images.example/a.jpg" alt="a"></picture>', kept: [/srcset="http:\/\/images\.example\/a\.webp 1x"/], gone: []}
  ]

  for (const {html, kept, gone, ruleId} of cases) {
    it(`should write ${html} by the media policy`, () => {
      const article = parsePost(`---\ntitle: T\n---\n${html}\n`)
      const reported = article.messages.filter((message) => message.ruleId.startsWith('sanitized-')).map((message) => message.ruleId)
      if (ruleId) assert.ok(reported.includes(ruleId), `expected ${ruleId}, got ${reported.join(', ')}`)
      else assert.deepEqual(reported, [])
      const handBuiltArticle = handBuilt()
      handBuiltArticle.lead.push({type: 'html', html, text: ''})
      for (const output of [renderHtml(article), renderPost(article), renderHtml(handBuiltArticle)]) {
        for (const pattern of kept) assert.match(output, pattern)
        for (const pattern of gone) assert.doesNotMatch(output, pattern)
      }
    })
  }
})
