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

describe('contentWords, word by word', () => {
  it('should split at anything but letters and digits, after NFKC and lower-casing', () => {
    assert.deepEqual(contentWords('통일·외교/경제—안보 (2024년)'), ['통일', '외교', '경제', '안보', '2024년'])
    assert.deepEqual(contentWords('ＡＢＣ ① Ｄ２'), ['abc', 'd2'])
    assert.deepEqual(contentWords('  '), [])
    assert.deepEqual(contentWords(''), [])
  })

  it('should keep words of two characters or more, repeats included, in order', () => {
    assert.deepEqual(contentWords('x 및 ab 가나 ab'), ['ab', '가나', 'ab'])
  })

  it('should drop the words that name no subject, in either case', () => {
    // A listed word is dropped as written ("중요한", not read as "중요" and an ending) and with an ending ("중요한의").
    const stop = '내용 과정 관련 대한 대해 위한 위해 통한 따른 주요 중요한 중요한의 이번 현재 있는 있음 없는 그리고 문제 사항 요약 목차 개요 정리 포인트 핵심 and the of for to in on with a an'
    assert.deepEqual(contentWords(stop), [])
    assert.deepEqual(contentWords(stop.toUpperCase()), [])
    // Each on its own, beside a word that stays.
    for (const word of stop.split(' ')) assert.deepEqual(contentWords(`통일 ${word}`), ['통일'], word)
    // The stem of a listed word is not listed itself.
    assert.deepEqual(contentWords('중요 중요성 중요한'), ['중요', '중요성'])
  })

  it('should take the longest particle or ending off a Korean word, leaving two syllables at least', () => {
    // Longest first: "에서는" before "는", "으로부터" before "부터" and "로".
    assert.deepEqual(contentWords('학교에서는 서울으로부터 정부와의 국민과의'), ['학교', '서울', '정부', '국민'])
    // "국민의" leaves two syllables; "목적" would leave one.
    assert.deepEqual(contentWords('국민의 목적 나라를'), ['국민', '목적', '나라'])
    // A word that is only two syllables and an ending keeps them; one syllable and an ending is no word.
    assert.deepEqual(contentWords('통일을 책을'), ['통일', '책을'])
    // One ending only: "정책적으로" loses "적으로", not "으로" and then "적".
    assert.deepEqual(contentWords('정책적으로 대통령이'), ['정책', '대통령'])
  })

  it('should take every listed particle and ending off a word of two syllables', () => {
    const endings = '으로부터 했습니다 하겠다는 에서는 에게는 에서의 으로의 으로는 으로서 으로써 이라는 합니다 됩니다 입니다 에서 에게 으로 까지 부터 처럼 보다 과의 와의 에는 에도 이나 이며 이고 이다 라는 만이 하며 하고 하는 하여 해야 했다 한다 하다 되어 되는 적인 적으로 의 과 와 은 는 이 가 을 를 에 로 도 만 된 한 함 됨 적 할'
    for (const ending of endings.split(' ')) assert.deepEqual(contentWords(`통일${ending}`), ['통일'], ending)
  })

  it('should take a particle off Latin letters or digits, never off a Hangul syllable inside a mixed word', () => {
    assert.deepEqual(contentWords('YBM의 2024의 x가y의'), ['ybm', '2024', 'x가y'])
    // The syllable before the particle makes it part of the word.
    assert.deepEqual(contentWords('1국민의 ab가의 2024년의'), ['1국민의', 'ab가의', '2024년의'])
    // A word that starts with syllables is no Korean word when other letters follow.
    assert.deepEqual(contentWords('코로나19백신의'), ['코로나19백신의'])
    // Latin letters keep two characters too.
    assert.deepEqual(contentWords('ab의 a의'), ['ab', 'a의'])
  })
})
