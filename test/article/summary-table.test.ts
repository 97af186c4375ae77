import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {isSummary, matchKey, summaryMatcher} from '../../src/article/summary-table.ts'

const cell = (text: string, header = false) => [{text, html: text, header}]
const reference = (value: string) => value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

describe('summary matching', () => {
  it('should give the NFKC key on its ASCII and Hangul fast path too', () => {
    const unit = fc.constantFrom(...'aZ09 -_.,!?가힣한국어\t\n()[]ＡＢ①ﬁé'.split(''))
    fc.assert(fc.property(fc.string({unit, maxLength: 60}), (value) => matchKey(value) === reference(value)), {seed: 7, numRuns: 5000})
    for (let code = 0; code < 128; code++) assert.equal(matchKey(`x${String.fromCharCode(code)}y`), reference(`x${String.fromCharCode(code)}y`))
  })

  it('should match shortened rows to headings, each heading once, and keep a title row', () => {
    const match = summaryMatcher([
      {id: 'a', heading: '동반자 협정 서명으로 강화된 군사·외교·경제 협력'},
      {id: 'b', heading: '국제사회의 반응'},
      {id: 'c', heading: 'Costs and benefits'}
    ])
    const result = match([cell('요약', true), cell('강화된 군사·외교·경제 협력'), cell('국제사회 반응'), cell('costs & benefits'), cell('전혀 다른 줄')])
    assert.deepEqual(result, {
      title: '요약',
      items: [
        {text: '강화된 군사·외교·경제 협력', sectionId: 'a'},
        {text: '국제사회 반응', sectionId: 'b'},
        {text: 'costs & benefits', sectionId: 'c'},
        {text: '전혀 다른 줄', sectionId: null}
      ],
      matched: 3
    })
  })

  it('should give a heading to one row only: the best-matching one, never a second row that also matches it', () => {
    const match = summaryMatcher([
      {id: 'a', heading: '국제사회의 반응'},
      {id: 'b', heading: 'Costs and benefits'}
    ])
    // Both rows match heading `a`; the exact one wins it wherever it stands, and the other row is left unmatched.
    for (const rows of [
      [cell('국제사회 반응'), cell('국제사회의 반응'), cell('costs and benefits')],
      [cell('국제사회의 반응'), cell('국제사회 반응'), cell('costs and benefits')]
    ]) {
      const result = match(rows)
      assert.ok(result)
      const ids = result.items.map((item) => item.sectionId)
      assert.equal(ids.filter((id) => id === 'a').length, 1, JSON.stringify(result.items))
      assert.equal(result.items.find((item) => item.sectionId === 'a')?.text, '국제사회의 반응')
      assert.equal(result.matched, 2)
    }
  })

  it('should score rows by shared character pairs, for short and long headings alike', () => {
    // A row that is its heading with one letter changed contains no heading and is contained in none:
    // only the pair overlap (about 1 - 2/length) can match it, and only if both pair lists are sorted alike.
    const letter = fc.constantFrom(...'가나다라마바사아자차카타파하abcdefghij0123'.split(''))
    const headings = fc.uniqueArray(fc.string({unit: letter, minLength: 8, maxLength: 120}), {minLength: 2, maxLength: 4, selector: matchKey})
    fc.assert(
      fc.property(headings, fc.nat(), (texts, seed) => {
        const sections = texts.map((heading, index) => ({id: `s${index}`, heading}))
        const rows = texts.map((heading) => {
          const at = 2 + (seed % (heading.length - 4))
          return cell(heading.slice(0, at) + (heading[at] === '힣' ? '갛' : '힣') + heading.slice(at + 1))
        })
        const result = summaryMatcher(sections)(rows)
        assert.deepEqual(result?.items.map((item) => item.sectionId), sections.map((section) => section.id))
      }),
      {seed: 11, numRuns: 300}
    )
  })

  it('should take a first row that names the table as its title, never as a heading ending in the same word', () => {
    const match = summaryMatcher([
      {id: 'a', heading: '판결 내용'},
      {id: 'b', heading: '노소영측 반응'},
      {id: 'c', heading: '사건 배경'}
    ])
    // `내용` (and `주요 내용`) would be contained in `판결 내용`: it names the table, not the section.
    for (const name of ['내용', '주요 내용', '판결 요약', '목차']) {
      const result = match([cell(name), cell('노소영측 반응'), cell('사건 배경')])
      assert.equal(result?.title, name, name)
      assert.deepEqual(result?.items.map((item) => item.sectionId), ['b', 'c'], name)
    }
    // A first row that is a heading as written is an item, whatever word it ends with.
    assert.deepEqual(match([cell('판결 내용'), cell('사건 배경')])?.items.map((item) => item.sectionId), ['a', 'c'])
  })

  it('should match a row that leaves words of its heading out, or says it in a sentence', () => {
    const match = summaryMatcher([
      {id: 'a', heading: '수사기관의 강압적 태도에 반대'},
      {id: 'b', heading: '정책 변화에 민감한 대처'},
      {id: 'c', heading: '성범죄 엄벌 및 예방에 대한 입장'}
    ])
    const result = match([cell('발언 요약', true), cell('강압수사에 반대'), cell('정부는 정책 변화에 민감하게 대처할 수 있도록 돕는다'), cell('성범죄 엄벌 및 예방에 대한 입장')])
    assert.deepEqual(result?.items.map((item) => item.sectionId), ['a', 'b', 'c'])
  })

  it('should leave a content table that only shares a few words with the headings alone', () => {
    const match = summaryMatcher([
      {id: 'a', heading: '재료 준비'},
      {id: 'b', heading: '반죽 만들기'},
      {id: 'c', heading: '굽는 시간과 온도'}
    ])
    const result = match([cell('재료', true), cell('밀가루 500g'), cell('설탕 30g'), cell('소금 한 꼬집'), cell('따뜻한 물 300ml')])
    assert.ok(result)
    assert.equal(isSummary(result), false)
  })

  it('should not read a table of more than one column', () => {
    assert.equal(summaryMatcher([{id: 'a', heading: 'A'}])([[...cell('A'), ...cell('B')], cell('A')]), undefined)
  })
})
