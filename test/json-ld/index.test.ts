import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'
import {parse} from 'parse5'
import {parsePost} from '../../src/index.ts'
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
    assert.throws(() => serializeJsonLd(undefined), TypeError)
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
