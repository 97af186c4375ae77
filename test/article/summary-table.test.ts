import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {matchKey, summaryMatcher} from '../../src/article/summary-table.ts'

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

  it('should not read a table of more than one column', () => {
    assert.equal(summaryMatcher([{id: 'a', heading: 'A'}])([[...cell('A'), ...cell('B')], cell('A')]), undefined)
  })
})
