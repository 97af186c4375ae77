import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {computeStats, parseFrontMatter, parsePost, renderFrontMatter, renderPost, type Article, type Meta} from '../../src/index.ts'
import {content} from '../support/round-trip.ts'

/*
 * The minimal counterexamples the round-trip properties found, shrunk by
 * fast-check, each as a unit test of its fix.
 */

const emptyMeta: Meta = {title: null, categories: [], tags: [], excerpt: null, featureText: null, image: null, date: null, dateIso: null, author: null, permalink: null, layout: null, extra: []}

function handBuilt(fields: Partial<Article>): Article {
  return {
    meta: emptyMeta,
    titleSource: null,
    titleHeading: null,
    hero: null,
    lead: [],
    sections: [],
    summary: null,
    text: '',
    stats: {characters: 0, charactersWithoutSpaces: 0, words: 0, readingMinutes: 0},
    messages: [],
    layout: {bom: false, eol: '\n', frontMatter: null, gaps: []},
    ...fields
  }
}

describe('regressions found by the round-trip properties', () => {
  it('should read a Markdown hero line after the blank line that follows front matter', () => {
    // renderPost writes a blank line after front matter; the line was then read as a paragraph.
    const raw = '---\ntitle: x\n---\n\n![a](/img/a.jpg)\n\n<p>b</p>\n'
    const article = parsePost(raw)
    assert.deepEqual(article.hero && {src: article.hero.src, alt: article.hero.alt, markdown: article.hero.markdown}, {src: '/img/a.jpg', alt: 'a', markdown: true})
    assert.equal(article.hero?.position?.start.line, 5)
    assert.deepEqual(
      article.lead.map((block) => block.type),
      ['paragraph']
    )
    assert.equal(renderPost(article), raw)
    const value = handBuilt({meta: {...emptyMeta, title: 'x'}, titleSource: 'front-matter', hero: {src: '/img/a.jpg', alt: '', markdown: true}})
    assert.deepEqual(content(parsePost(renderPost(value))), content(value))
  })

  it('should write strings of white space and line breaks so that they read back', () => {
    // yaml wrote `title: |+` and a line of spaces, which reads back as "\n".
    for (const value of [' \n', '  \n \n', '\n', '\t\n', ' \r\n ']) {
      const meta: Meta = {...emptyMeta, title: value, extra: [['list', [value]], ['map', {[value]: value}]]}
      const back = parseFrontMatter(renderFrontMatter(meta)).meta
      assert.equal(back.title, value)
      assert.deepEqual(back.extra, meta.extra)
    }
  })

  it('should read -0 in front matter as 0, which JSON keeps', () => {
    const article = parsePost('---\nx: -0\ny: [-0.0]\n---\n')
    assert.deepEqual(JSON.parse(JSON.stringify(article)), article)
    assert.deepEqual(article.meta.extra, [
      ['x', 0],
      ['y', [0]]
    ])
  })
  it('should not write the white space before loose text twice when the text is rewritten', () => {
    // The run's text node reached back into the blank line its gap holds: it doubled at every rewrite (1, 2, 4, … 2^15 line feeds).
    for (const raw of ['\nx<a href="&amp;">y</a>', '---\n---\n\nx<a href="&#x60;">y</a>', '\n\nx<b><a href="&#x60;"></a>', '\nx<a href="&amp;">y</a> \n<p>z</p>']) {
      const once = renderPost(parsePost(raw))
      assert.ok(once.length <= raw.length + 8, JSON.stringify(once))
      assert.equal(renderPost(parsePost(once)), once)
    }
  })
  it("should read the link around a figure's image", () => {
    // The renderer writes `image.href` as a link around the `<img>`; the figure was read without it.
    const raw = '<h2>a</h2>\n\n<figure data-ke-type="imageblock"><a href="https://example.com/x"><img src="a.png" alt="a"></a><figcaption>c</figcaption></figure>'
    const figure = parsePost(raw).sections[0]!.blocks[0]!
    assert.equal(figure.type === 'figure' && figure.image?.href, 'https://example.com/x')
    const hero = parsePost('<figure><a href="/x"><img src="h.png" alt=""></a><figcaption>cap</figcaption></figure>').hero
    assert.deepEqual(hero && {href: hero.href, caption: hero.caption}, {href: '/x', caption: 'cap'})
    const value = handBuilt({lead: [{type: 'figure', kind: 'imageblock', text: 'c', image: {src: 'a.png', alt: 'a', href: ''}, caption: 'c', attributes: {'data-ke-type': 'imageblock'}}], hero: {src: 'h.png', alt: ''}, text: 'c', stats: computeStats('c')})
    assert.deepEqual(content(parsePost(renderPost(value))), content(value))
  })
})
