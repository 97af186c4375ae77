import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {contentWords} from '../../src/article/content-words.ts'

describe('contentWords', () => {
  it('should give the content words of a row without particles, endings or words that name no subject', () => {
    assert.deepEqual(contentWords('국민과 소통하며 통일 정책을'), ['국민', '소통', '통일', '정책'])
    assert.deepEqual(contentWords('용의자의 검거 과정 및 관련 내용'), ['용의자', '검거'])
    assert.deepEqual(contentWords('정치적 의미, 피해자에게'), ['정치', '의미', '피해자'])
    // Two syllables stay whole ("목적" is no "목" + "적"); other scripts are kept as written, lower case.
    assert.deepEqual(contentWords('목적 YBM의 역할 and Costs'), ['목적', 'ybm', '역할', 'costs'])
  })
})
