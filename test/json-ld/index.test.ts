import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'
import {parse} from 'parse5'
import {parsePost, type Article} from '../../src/index.ts'
import {serializeJsonLd, toJsonLd} from '../../src/json-ld/index.ts'

const sample = readFileSync(new URL('../../examples/sample.txt', import.meta.url), 'utf8')

describe('toJsonLd', () => {
  it('should describe the sample as a Korean NewsArticle', () => {
    const article = parsePost(sample)
    assert.deepEqual(toJsonLd(article), {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '공고히 한 北·러, 러시아의 정책 모두 지지',
      description: article.meta.excerpt!.trim(),
      image: 'https://newsdao.kr/res/images/meta/newsdao_breakingnews.jpg',
      articleSection: ['News'],
      wordCount: article.stats.words,
      inLanguage: 'ko'
    })
  })

  it('should use BlogPosting when asked', () => {
    assert.equal(toJsonLd(parsePost(sample), {type: 'BlogPosting'})['@type'], 'BlogPosting')
  })

  it('should map the date, tags and author', () => {
    const value = toJsonLd(parsePost('---\ntitle: Hello\ndate: 2024-07-18 09:30 +0900\ntags: [a, b]\nauthor: Kim\n---\n<p>Hello there.</p>'))
    assert.equal(value.datePublished, '2024-07-18T09:30:00+09:00')
    assert.deepEqual(value.keywords, ['a', 'b'])
    assert.deepEqual(value.author, {'@type': 'Person', name: 'Kim'})
    assert.equal(value.inLanguage, 'en')
  })

  it('should leave out fields that have no value', () => {
    const value = toJsonLd(parsePost('<p>Hello there.</p>'))
    assert.deepEqual(Object.keys(value).sort(), ['@context', '@type', 'inLanguage', 'wordCount'])
  })

  it('should fall back to the hero image and resolve it against `baseUrl`', () => {
    const article = parsePost('---\ntitle: A\n---\n<p><img src="../img/a.png" alt="a"></p><h2>B</h2><p>c</p>')
    assert.equal(toJsonLd(article, {baseUrl: 'https://example.com/posts/x/'}).image, 'https://example.com/posts/img/a.png')
    assert.equal(toJsonLd(article).image, '../img/a.png', 'relative without a base')
  })

  it('should drop image URLs that are not http(s)', () => {
    const value = toJsonLd(parsePost('---\ntitle: A\nimage: "javascript:alert(1)"\n---\n<p>b</p>'), {baseUrl: 'https://example.com/'})
    assert.equal(value.image, undefined)
    assert.equal(toJsonLd(parsePost('---\nimage: "data:image/png;base64,AA"\n---\n')).image, undefined)
  })

  it('should take `url` from the options, else the permalink with a base', () => {
    const article = parsePost('---\ntitle: A\npermalink: /2024/a/\n---\n<p>b</p>')
    assert.equal(toJsonLd(article).url, undefined)
    assert.equal(toJsonLd(article, {baseUrl: 'https://blog.example/'}).url, 'https://blog.example/2024/a/')
    assert.equal(toJsonLd(article, {url: 'https://example.com/a'}).url, 'https://example.com/a')
  })

  it('should detect Korean only when Hangul is most of the letters', () => {
    assert.equal(toJsonLd(parsePost('<p>AI 기술이 GPT-4로 발전했다고 합니다</p>')).inLanguage, 'ko')
    assert.equal(toJsonLd(parsePost('<p>The word 서울 means capital.</p>')).inLanguage, 'en')
    assert.equal(toJsonLd(parsePost(sample), {inLanguage: 'ko-KR'}).inLanguage, 'ko-KR')
  })

  it('should give plain JSON data', () => {
    const value = toJsonLd(parsePost(sample), {baseUrl: 'https://example.com/'})
    assert.deepEqual(JSON.parse(JSON.stringify(value)), value)
  })
})

describe('toJsonLd on hand-built and ill-typed Articles', () => {
  // Cast: a hand-built Article (JSON from elsewhere) may hold anything; toJsonLd reads each field or its default.
  const loose = (value: unknown) => toJsonLd(value as Article)

  it('should read an Article that is no object, or whose meta, hero and stats are not objects, as empty', () => {
    const empty = {'@context': 'https://schema.org', '@type': 'NewsArticle', wordCount: 0, inLanguage: 'en'}
    for (const value of [null, undefined, 'x', 3, [], {meta: null, hero: [], stats: 'x', text: 5}, {meta: ['title'], hero: null, stats: null}]) {
      assert.deepEqual(loose(value), empty, JSON.stringify(value))
    }
  })

  it('should keep only string fields and the strings of list fields', () => {
    const value = loose({
      meta: {title: 5, author: ['Kim'], excerpt: {}, dateIso: 1, image: 7, permalink: 3, categories: 'News', tags: ['a', 3, null, 'b']},
      text: 'one two three'
    })
    assert.deepEqual(value, {'@context': 'https://schema.org', '@type': 'NewsArticle', keywords: ['a', 'b'], wordCount: 3, inLanguage: 'en'})
  })

  it('should take the word count from the stats only when it is a whole number of at least 0', () => {
    const words = (stats: unknown) => loose({text: 'one two three', stats}).wordCount
    assert.equal(words({words: 999}), 999)
    assert.equal(words({words: 0}), 0)
    for (const wrong of [-1, 2.5, '7', null, Number.NaN]) assert.equal(words({words: wrong}), 3, String(wrong))
    assert.equal(words(undefined), 3)
  })

  it('should fall back to the hero image, trim URLs, and leave out one that is blank', () => {
    assert.equal(loose({meta: {}, hero: {src: ' /a.png '}}).image, '/a.png')
    assert.equal(loose({meta: {image: '   '}, hero: {src: ''}}).image, undefined)
    assert.equal(toJsonLd({meta: {image: '   '}} as unknown as Article, {baseUrl: 'https://example.com/p/'}).image, undefined)
    assert.equal(loose({meta: {image: 'http://example.com/a.png'}}).image, 'http://example.com/a.png')
  })

  it('should keep a relative URL without a base, but not one that starts with a scheme it cannot parse', () => {
    assert.equal(loose({meta: {image: 'img/a:b.png'}}).image, 'img/a:b.png')
    for (const hidden of ['http://[x', 'h2://[x']) assert.equal(loose({meta: {image: hidden}}).image, undefined, hidden)
  })

  it('should write BlogPosting with the same context and fields', () => {
    const article = parsePost(sample)
    const {['@type']: blogType, ...blog} = toJsonLd(article, {type: 'BlogPosting'})
    const {['@type']: newsType, ...news} = toJsonLd(article)
    assert.equal(blogType, 'BlogPosting')
    assert.equal(newsType, 'NewsArticle')
    assert.deepEqual(blog, news)
  })

  it('should guess the language from letters only, English on a tie, and from the start of a long text', () => {
    assert.equal(loose({text: '서울!!! 123 456 789'}).inLanguage, 'ko')
    assert.equal(loose({text: '서울 ab'}).inLanguage, 'en')
    assert.equal(loose({text: 'a'.repeat(10_000) + '서울'.repeat(10_000)}).inLanguage, 'en')
    assert.equal(loose({meta: {title: '서울의 봄'}, text: 'ab'}).inLanguage, 'ko')
  })
})

describe('serializeJsonLd', () => {
  it('should escape `<`, `>`, `&`, U+2028 and U+2029', () => {
    assert.equal(serializeJsonLd({a: '<b>&\u2028\u2029'}), '{"a":"\\u003cb\\u003e\\u0026\\u2028\\u2029"}')
  })

  it('should give back the same value through JSON.parse', () => {
    const value = {headline: '</script><!-- <script> & \u2028 "quoted" \\ 北·러', n: [1, null, true]}
    assert.deepEqual(JSON.parse(serializeJsonLd(value)), value)
  })

  it('should keep a title with `</script>` inside its script element', () => {
    const article = parsePost('---\ntitle: "</script><script>alert(1)</script><!--"\n---\n<p>x</p>')
    const json = serializeJsonLd(toJsonLd(article))
    const document = parse(`<!doctype html><head><script type="application/ld+json">${json}</script></head>`)
    const scripts = collect(document, 'script')
    assert.equal(scripts.length, 1)
    const text = scripts[0]!.childNodes.map((node) => ('value' in node ? node.value : '')).join('')
    assert.equal(text, json)
    assert.equal((JSON.parse(text) as {headline: string}).headline, '</script><script>alert(1)</script><!--')
  })

  it('should throw a TypeError for a value with no JSON form', () => {
    assert.throws(() => serializeJsonLd(undefined), {name: 'TypeError', message: 'Expected a JSON-serialisable value, not undefined'})
    assert.throws(() => serializeJsonLd(() => 1), TypeError)
  })
})

interface Node {
  nodeName: string
  childNodes?: Node[]
  value?: string
}

function collect(node: Node, name: string): Array<Node & {childNodes: Node[]}> {
  const found: Array<Node & {childNodes: Node[]}> = []
  if (node.nodeName === name && node.childNodes) found.push(node as Node & {childNodes: Node[]})
  for (const child of node.childNodes ?? []) found.push(...collect(child, name))
  return found
}
