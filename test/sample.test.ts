import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'
import {countWords, parsePost, renderHtml, renderPost} from '../src/index.ts'

const raw = readFileSync(new URL('../examples/sample.txt', import.meta.url), 'utf8')

describe('the reference post', () => {
  const article = parsePost(raw)

  it('should round-trip byte for byte', () => {
    assert.equal(renderPost(article), raw)
  })

  it('should render the body alone as it was written', () => {
    assert.equal(renderHtml(article), raw.slice(raw.indexOf('\n---\n', 4) + 5))
  })

  it('should have one h2 section with four h3 children', () => {
    assert.equal(article.sections.length, 1)
    const [section] = article.sections
    assert.equal(section!.depth, 2)
    assert.equal(section!.heading, '북-러 정상회담 결과 분석')
    assert.deepEqual(
      section!.children.map((child) => child.depth),
      [3, 3, 3, 3]
    )
  })

  it('should have a hero image', () => {
    assert.equal(article.hero?.src, 'https://newsdao.kr/res/images/meta/newsdao_breakingnews.jpg')
    assert.equal(article.hero?.alt, 'koreablockchain 속보')
    assert.deepEqual(article.lead, [])
  })

  it('should have a summary whose title is the first row and whose 4 items match the 4 h3 ids', () => {
    assert.equal(article.summary?.title, '포괄적 전략 동반자 협정 내용')
    assert.deepEqual(
      article.summary?.items.map((item) => item.sectionId),
      article.sections[0]!.children.map((child) => child.id)
    )
    assert.equal(article.summary?.rows.length, 5)
  })

  it('should type and normalise the front matter', () => {
    assert.equal(article.meta.title, '공고히 한 北·러, 러시아의 정책 모두 지지')
    assert.deepEqual(article.meta.categories, ['News'])
    assert.ok(article.meta.featureText?.startsWith('## koreablockchain 실시간 뉴스 속보입니다.'))
    assert.equal(article.meta.image, article.hero?.src)
  })

  it('should have no messages', () => {
    assert.deepEqual(article.messages, [])
  })

  it('should count Korean words by spaces, not syllables', () => {
    const firstParagraph = article.sections[0]!.blocks[0]!.text
    assert.equal(countWords(firstParagraph), firstParagraph.split(/\s+/).length)
    assert.equal(article.stats.words, article.text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length)
  })
})
