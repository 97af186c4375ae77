import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {isSummary, matchKey, summaryMatcher} from '../../src/article/summary-table.ts'

const cell = (text: string, header = false) => [{text, html: text, header}]
const sections = (...headings: string[]) => headings.map((heading, index) => ({id: `h${index}`, heading, depth: 2}))
const ids = (result: ReturnType<ReturnType<typeof summaryMatcher>>) => result?.items.map((item) => item.sectionId)
const reference = (value: string) => value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

describe('summary matching', () => {
  it('should give the NFKC key on its ASCII and Hangul fast path too', () => {
    const unit = fc.constantFrom(...'aZ09 -_.,!?가힣한국어\t\n()[]ＡＢ①ﬁé·–“”…「」\u00a0\u0301\u3099'.split(''))
    fc.assert(fc.property(fc.string({unit, maxLength: 60}), (value) => matchKey(value) === reference(value)), {seed: 7, numRuns: 5000})
    for (let code = 0; code < 128; code++) assert.equal(matchKey(`x${String.fromCharCode(code)}y`), reference(`x${String.fromCharCode(code)}y`))
    // Every unit of Latin-1, general and CJK punctuation, between letters and after a syllable (where a mark would combine).
    for (const [from, to] of [[0x80, 0xff], [0x20_00, 0x20_6f], [0x30_00, 0x30_3f]] as const) {
      for (let code = from; code <= to; code++) {
        for (const value of [`x${String.fromCharCode(code)}y`, `가${String.fromCharCode(code)}`]) assert.equal(matchKey(value), reference(value), `U+${code.toString(16)}`)
      }
    }
  })

  it('should match shortened rows to headings, each heading once, and keep a title row', () => {
    const match = summaryMatcher([
      {id: 'a', heading: '동반자 협정 서명으로 강화된 군사·외교·경제 협력', depth: 2},
      {id: 'b', heading: '국제사회의 반응', depth: 2},
      {id: 'c', heading: 'Costs and benefits', depth: 2}
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
      {id: 'a', heading: '국제사회의 반응', depth: 2},
      {id: 'b', heading: 'Costs and benefits', depth: 2}
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
    // Keys longer than 48 are sorted otherwise: the second round has only those.
    const letter = fc.constantFrom(...'가나다라마바사아자차카타파하abcdefghij0123'.split(''))
    const rounds = [
      {minLength: 8, maxLength: 120, count: 4, seed: 11, numRuns: 300},
      {minLength: 60, maxLength: 150, count: 3, seed: 12, numRuns: 40}
    ]
    for (const {minLength, maxLength, count, seed, numRuns} of rounds) {
      const headings = fc.uniqueArray(fc.string({unit: letter, minLength, maxLength}), {minLength: 2, maxLength: count, selector: matchKey})
      fc.assert(
        fc.property(headings, fc.nat(), (texts, at) => {
          const sections = texts.map((heading, index) => ({id: `s${index}`, heading, depth: 2}))
          const rows = texts.map((heading) => {
            const changed = 2 + (at % (heading.length - 4))
            return cell(heading.slice(0, changed) + (heading[changed] === '힣' ? '갛' : '힣') + heading.slice(changed + 1))
          })
          assert.deepEqual(ids(summaryMatcher(sections)(rows)), sections.map((section) => section.id))
        }),
        {seed, numRuns}
      )
    }
  })

  it('should take a first row that names the table as its title, never as a heading ending in the same word', () => {
    const match = summaryMatcher([
      {id: 'a', heading: '판결 내용', depth: 2},
      {id: 'b', heading: '노소영측 반응', depth: 2},
      {id: 'c', heading: '사건 배경', depth: 2}
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
      {id: 'a', heading: '수사기관의 강압적 태도에 반대', depth: 2},
      {id: 'b', heading: '정책 변화에 민감한 대처', depth: 2},
      {id: 'c', heading: '성범죄 엄벌 및 예방에 대한 입장', depth: 2}
    ])
    const result = match([cell('발언 요약', true), cell('강압수사에 반대'), cell('정부는 정책 변화에 민감하게 대처할 수 있도록 돕는다'), cell('성범죄 엄벌 및 예방에 대한 입장')])
    assert.deepEqual(result?.items.map((item) => item.sectionId), ['a', 'b', 'c'])
  })

  it('should leave a content table that only shares a few words with the headings alone', () => {
    const match = summaryMatcher([
      {id: 'a', heading: '재료 준비', depth: 2},
      {id: 'b', heading: '반죽 만들기', depth: 2},
      {id: 'c', heading: '굽는 시간과 온도', depth: 2}
    ])
    const result = match([cell('재료', true), cell('밀가루 500g'), cell('설탕 30g'), cell('소금 한 꼬집'), cell('따뜻한 물 300ml')])
    assert.ok(result)
    assert.equal(isSummary(result), false)
  })

  it('should not read a table of more than one column', () => {
    assert.equal(summaryMatcher([{id: 'a', heading: 'A', depth: 2}])([[...cell('A'), ...cell('B')], cell('A')]), undefined)
  })

  it('should never match a row that is only a table word ("내용") to a heading ending in it', () => {
    const headings = sections('추모 공간 내용', '가족과 참석자들의 반응', '강력한 처벌 요구')
    // A content table: "내용" heads the rows below it.
    const content = summaryMatcher(headings)([cell('추모 공간 요소', true), cell('내용'), cell('제단'), cell('근조화환'), cell('애도의 메시지')])
    assert.equal(content?.items.find((item) => item.text === '내용')?.sectionId, null)
    // In a summary too, and the leftover-row pass below does not take it either.
    const summary = summaryMatcher(headings)([cell('목차', true), cell('내용'), cell('가족과 참석자 반응'), cell('강력한 처벌 요구')])
    assert.deepEqual(ids(summary), [null, 'h1', 'h2'])
    // Written as the heading is, it is the heading.
    assert.deepEqual(ids(summaryMatcher(sections('내용', '배경'))([cell('내용'), cell('배경')])), ['h0', 'h1'])
  })

  it('should mark the sentences of a table that alternates item and description rows, and match only the items', () => {
    const headings = sections('김포 당협위원장 인터뷰', '정치 경력', '정책 방향', '청년 정치인 지원')
    const rows = [
      cell('인터뷰 요약', true),
      cell('정치 경력'),
      cell('대학생위원회 위원장으로 정계에 들어와 두 번의 총선에 후보로 나섰다'),
      cell('정책 방향'),
      cell('저출산과 주택처럼 청년의 삶에 닿는 문제부터 풀겠다는 뜻을 밝혔다'),
      cell('청년 정치인 지원'),
      cell('청년 정치인이 당에 모일 수 있도록 예측 가능한 길을 마련하겠다고 했다')
    ]
    const result = summaryMatcher(headings)(rows)
    assert.ok(result)
    assert.deepEqual(result.items.map((item) => [item.sectionId, item.isDescription === true]), [
      ['h1', false], [null, true], ['h2', false], [null, true], ['h3', false], [null, true]
    ])
    assert.equal(result.matched, 3)
    // Not alternating (a sentence under one item only): no row is a description.
    const uneven = summaryMatcher(headings)([rows[0]!, rows[1]!, rows[2]!, rows[3]!, rows[5]!])
    assert.equal(uneven?.items.some((item) => item.isDescription), false)
    // Rows under items that are no longer than them are items, not descriptions.
    const short = summaryMatcher(headings)([rows[0]!, rows[1]!, cell('경력'), rows[3]!, cell('방향')])
    assert.equal(short?.items.some((item) => item.isDescription), false)
  })

  it('should match a leftover row to the one free heading between its neighbours\' that shares a distinctive word', () => {
    const headings = sections('서론', '살인사건과 용의자', '검거 과정', '결론')
    const rows = [cell('시흥 슈퍼마켓 살인사건', true), cell('용의자 검거'), cell('검거 과정'), cell('결론')]
    assert.deepEqual(ids(summaryMatcher(headings)(rows)), ['h1', 'h2', 'h3'])
    // A sentence row with its particles and endings: "국민과 소통하며 통일 정책을" shares 국민, 소통, 통일, 정책.
    const sentences = summaryMatcher(sections('차관의 메시지', '동북아 정세 속에서의 역할', '탈북민 정착 지원', '국민과의 소통과 통일 정책'))([
      cell('차관 메시지 요약', true),
      cell('동북아 정세 속에서 동맹국들과 협력하는 역할을 강조'),
      cell('탈북민의 안정적 정착 지원을 다짐'),
      cell('국민과 소통하며 통일 정책을 만들어 가겠다고 공언')
    ])
    assert.deepEqual(ids(sentences), ['h1', 'h2', 'h3'])
  })

  it('should break a tie between two free headings by the matched row the leftover row stands next to', () => {
    // "소환" and "조사" are in two free headings; the row stands right above the row of h3, so it names the heading just before h3.
    const tie = sections('현직 대통령 부인 소환 조사에 대한 의미와 파장', '검찰 내부의 갈등 상황', '소환 조사 과정의 비밀과 그 필요성', '주가조작 사건의 조사 내용', '결론: 검찰의 독립성과 중립성')
    const tied = summaryMatcher(tie)([cell('사건의 주요 내용', true), cell('김 여사의 소환 조사'), cell('주가조작 의혹의 조사'), cell('검찰의 독립성과 중립성')])
    assert.ok(tied && isSummary(tied))
    assert.deepEqual(ids(tied), ['h2', 'h3', 'h4'])
    // Right under a matched row, it names the first of the tied headings after that row's.
    const after = sections('김경수 전 지사의 복권 소식', '민주당 내 계파 반응', '정성호 의원의 경계 발언', '복권의 정치적 영향', '과거의 행보', '복권 후의 정치적 전망')
    const rows = [cell('김경수 전 지사의 복권'), cell('정성호 의원의 우려'), cell('우려가 가득한 정치 환경')]
    assert.deepEqual(ids(summaryMatcher(after)(rows)), ['h0', 'h2', 'h3'])
    // Between two matched rows, the order points both ways: the tie stays one.
    const between = sections('서론', '복권의 정치적 영향', '복권 후의 정치적 전망', '결론')
    assert.deepEqual(ids(summaryMatcher(between)([cell('서론'), cell('정치 환경'), cell('결론')])), ['h0', null, 'h3'])
  })

  it('should leave a leftover row unmatched when its place and words do not single out one heading', () => {
    // The only word it shares is the post's subject, in the title row ("이스라엘").
    const subject = sections('이스라엘과 이란 간의 긴장 고조', '헤즈볼라의 공격과 대응', '전문가들의 분석', '미국의 군사적 대응')
    assert.deepEqual(ids(summaryMatcher(subject)([cell('이란-이스라엘 갈등 요소', true), cell('이스라엘의 방공 시스템'), cell('헤즈볼라의 공격 계획'), cell('미국의 군사적 대응')])), [null, 'h1', 'h3'])
    // The heading it would name is taken by a better row ("민 대표의 해명"); a later row still finds its own.
    const taken = sections('성희롱 은폐 의혹의 전개', '피해자의 주장과 민 대표의 해명', '조사의 진행 경과', '피해자에게 필요한 지원과 법적 대응')
    const rows = [cell('성희롱 은폐 의혹'), cell('B 씨의 주장'), cell('조사의 경과'), cell('민 대표의 해명'), cell('피해자 지원 필요성')]
    assert.deepEqual(ids(summaryMatcher(taken)(rows)), ['h0', null, 'h2', 'h1', 'h3'])
    // The heading in the gap is at a rank no other row names.
    const rank = [...sections('한국 축구 현황 분석', '외국 감독과의 경험', '협회의 대응과 대안'), {id: 'deep', heading: '리더십의 부재', depth: 3}]
    const ranked = [rank[0]!, rank[3]!, rank[1]!, rank[2]!]
    assert.deepEqual(ids(summaryMatcher(ranked)([cell('한국 축구 현황 분석'), cell('협회의 리더십 문제'), cell('외국 감독과의 경험'), cell('협회의 대응과 대안')])), ['h0', null, 'h1', 'h2'])
  })

  it('should match a leftover row by the text of the one free section between its neighbours\' that holds its words', () => {
    const headings = sections('한국 축구의 현황', '이동국의 발언', '대한축구협회의 대응', '현직 선수들의 반응', '감독 선임 과정의 불투명성')
    const text = ['대표팀 감독을 정하는 방식을 두고 말이 많습니다.', '이동국은 협회의 감독 선임 과정에 불만을 털어놓았습니다.', '협회는 폭로한 선수에게 법적 조치를 예고했습니다.', '선수들도 감독 선임을 비판했습니다.', '선임 절차가 불투명하다는 지적입니다.']
    const rows = [cell('주요 포인트', true), cell('감독 선임에 대한 불만'), cell('대한축구협회의 법적 조치'), cell('감독 선임 과정의 불투명성')]
    // No heading shares a word with the row; of the free sections before h2's row, the text of h0 holds one of its words ("감독"), that of h1 all three.
    assert.deepEqual(ids(summaryMatcher(headings, (index) => text[index]!)(rows)), ['h1', 'h2', 'h4'])
    // Without the sections' text, order alone proves nothing.
    assert.deepEqual(ids(summaryMatcher(headings)(rows)), [null, 'h2', 'h4'])
    // A row whose words no free section's text holds stays unmatched ("가족과의 만남" names nothing here).
    assert.deepEqual(ids(summaryMatcher(headings, (index) => text[index]!)([rows[0]!, cell('가족과의 만남'), rows[2]!, rows[3]!])), [null, 'h2', 'h4'])
  })

  it('should give a leftover row the heading its neighbour took by likeness when both rows\' words then name their own', () => {
    // A sentence row took "하마스의 반응" by its character pairs; the next row is that section's sentence, and the first row's words are the section before's.
    const headings = [
      {id: 'top', heading: '휴전 협상의 새 국면', depth: 2},
      ...['이스라엘 총리실의 발표', '하마스의 반응', '바이든 대통령의 휴전안', '협상의 전망'].map((heading, index) => ({id: `h${index}`, heading, depth: 3}))
    ]
    const text = ['', '총리실은 인질 석방안에 대한 반응을 받아 검토하고 있다고 밝혔다.', '하마스는 전쟁을 끝낼 합의를 바란다고 말했다.', '바이든 대통령은 3단계 휴전안을 내놓았다.', '양측의 입장 차이는 여전하다.']
    // The title row makes "이스라엘" and "하마스" the post's subject: no heading's words name the second row.
    const rows = [cell('이스라엘-하마스 협상 요약', true), cell('이스라엘은 하마스의 인질안 반응을 검토 중'), cell('하마스는 전쟁을 끝낼 합의를 바람'), cell('바이든 대통령의 3단계 휴전안')]
    assert.deepEqual(ids(summaryMatcher(headings, (index) => text[index]!)(rows)), ['h0', 'h1', 'h2'])
    // Without the text, the second row names nothing, and the first keeps what its pairs gave it.
    assert.deepEqual(ids(summaryMatcher(headings)(rows)), ['h1', null, 'h2'])
    // A neighbour written as its heading keeps it.
    assert.deepEqual(ids(summaryMatcher(headings, (index) => text[index]!)([rows[0]!, cell('하마스의 반응'), rows[2]!, rows[3]!])), ['h1', null, 'h2'])
  })

  it('should move the row next to a leftover row to the heading its own words name, so the leftover row takes the one it held', () => {
    // "사퇴와 그 배경" took "사퇴와 대선 준비" by its opening pairs; its words name "사퇴 배경 및 의미", and the next row's "대선 준비".
    const headings = sections('김철수 정책위의장 사퇴 배경 및 의미', '정책위의장 자리의 중요성', '정책위의장 교체의 국회 반응', '정책위의장 사퇴와 대선 준비', '정치적 위기와 해결 방안', '결론')
    const rows = [cell('정책위의장 사퇴와 그 배경 논의'), cell('정책의 중요성 및 대선 준비'), cell('정책적 위기와 해결 방안')]
    assert.deepEqual(ids(summaryMatcher(headings)(rows)), ['h0', 'h3', 'h4'])
    // When the row above has no other heading to go to, nothing moves.
    assert.deepEqual(ids(summaryMatcher(headings.slice(1))(rows)), ['h3', null, 'h4'])
    // The same with the row below: the sections in the other order.
    const reversed = sections('정치적 위기와 해결 방안', '정책위의장 사퇴와 대선 준비', '정책위의장 교체의 국회 반응', '정책위의장 자리의 중요성', '김철수 정책위의장 사퇴 배경 및 의미')
    assert.deepEqual(ids(summaryMatcher(reversed)([rows[2]!, rows[1]!, rows[0]!])), ['h0', 'h1', 'h4'])
  })

  it('should break a tie in the sections\' text by the order of the table too', () => {
    // A player named in two sections' text (her own and the closing one): right under the row of h2, the row names the first.
    const headings = sections('파리올림픽 한국 선수들의 도전', '여서정의 도마 결선', '임시현의 양궁 16강', '펜싱과 사격', '탁구 단식 메달 도전', '배드민턴의 마지막 도전')
    const text = ['', '여서정이 결선에 올랐습니다.', '임시현이 16강에 올랐습니다.', '오상욱이 금메달을 땄습니다.', '신유빈이 동메달 결정전에 나섭니다.', '안세영과 신유빈의 경기가 남았습니다.']
    const rows = [cell('메달 기대 선수', true), cell('여서정'), cell('임시현'), cell('신유빈')]
    assert.deepEqual(ids(summaryMatcher(headings, (index) => text[index]!)(rows)), ['h1', 'h2', 'h4'])
  })

  it('should let the sections\' text decide between headings that share as many words with the row', () => {
    // "정치" is in h3 and h5; only the text of h3 also says "기대".
    const headings = sections('복권 소식과 의미', '계파 반응', '정성호 의원의 경계 발언', '복권의 정치적 영향', '과거의 행보', '복권 후의 정치적 전망')
    const text = ['', '', '', '일부는 단합을 기대하지만 균열을 걱정하는 목소리도 있습니다.', '', '정치 행보가 주목받고 있습니다.']
    const rows = [cell('복권 소식'), cell('정성호 의원의 우려'), cell('우려와 기대가 엇갈리는 정치 환경'), cell('과거의 행보')]
    assert.deepEqual(ids(summaryMatcher(headings, (index) => text[index]!)(rows)), ['h0', 'h2', 'h3', 'h4'])
  })

  it('should read leftover rows only in a table already taken as a summary, so no content table becomes one', () => {
    const headings = sections('항로 조정과 안전한 비행', '비행 스케줄 확인과 대응', '항공 안전 및 여행 안전을 위한 유의사항')
    const result = summaryMatcher(headings)([cell('유의사항'), cell('날씨 변화에 따른 항로 변동 주시'), cell('공항이 주는 안전 정보 확인'), cell('비행 스케줄 변경 시 신속한 대응')])
    assert.ok(result)
    assert.deepEqual(ids(result), ['h2', null, null, null])
    assert.equal(isSummary(result), false)
  })

  it('should give each heading once and describe only unmatched rows under an item, whatever the rows', () => {
    const word = fc.constantFrom('정치', '경력', '청년', '지원', '통일', '정책', '국민의', '소통과', '내용', '검거', '용의자', '과정', '및', '반응')
    const text = fc.array(word, {minLength: 1, maxLength: 6}).map((words) => words.join(' '))
    fc.assert(
      fc.property(fc.array(text, {minLength: 1, maxLength: 6}), fc.array(text, {minLength: 2, maxLength: 9}), fc.array(text, {maxLength: 6}), (headings, rows, bodies) => {
        // Sections' text too (a section past the list has none), so rows are also placed and moved by it.
        const result = summaryMatcher(sections(...headings), (index) => bodies[index] ?? '')(rows.map((row) => cell(row)))
        assert.ok(result)
        const found = result.items.flatMap((item) => (item.sectionId === null ? [] : [item.sectionId]))
        assert.equal(new Set(found).size, found.length)
        assert.equal(result.matched, found.length)
        result.items.forEach((item, index) => {
          if (!item.isDescription) return
          assert.equal(item.sectionId, null)
          assert.notEqual(result.items[index - 1]?.sectionId ?? null, null)
        })
      }),
      {seed: 19, numRuns: 2000}
    )
  })
})

describe('summary matching, rule by rule', () => {
  const costs = [{id: 'the-costs', heading: 'The costs', depth: 2}]
  const first = (text: string, html: string, header = false) => [{text, html, header}]

  it('should take the first of two rows as the title when it is a header cell or starts bold', () => {
    for (const html of ['<b>Plan</b>', '<STRONG class="x">Plan</STRONG>', ' \n<b>Plan</b>']) {
      const result = summaryMatcher(costs)([first('Plan', html), cell('Costs')])
      assert.equal(result?.title, 'Plan', html)
      assert.deepEqual(ids(result), ['the-costs'], html)
    }
    assert.equal(summaryMatcher(costs)([first('Plan', 'Plan', true), cell('Costs')])?.title, 'Plan')
    // `<br>` and `<bdi>` start with a `b` but are no bold; bold later in the cell is no title either.
    for (const html of ['<br>Plan', '<bdi>Plan</bdi>', 'Plan <b>x</b>']) {
      const result = summaryMatcher(costs)([first('Plan', html), cell('Costs')])
      assert.equal(result?.title, null, html)
      assert.deepEqual(ids(result), [null, 'the-costs'], html)
    }
  })

  it('should read a first row of white space only as an item, never a title', () => {
    const result = summaryMatcher(costs)([first(' \u00a0\n', '<b> </b>', true), cell('Costs'), cell('More')])
    assert.equal(result?.title, null)
    assert.deepEqual(result?.items, [
      {text: '', sectionId: null},
      {text: 'Costs', sectionId: 'the-costs'},
      {text: 'More', sectionId: null}
    ])
  })

  it('should collapse white space and no-break spaces in a row, and trim it', () => {
    const result = summaryMatcher(sections('The costs', 'Plan'))([cell(' The\u00a0 costs\n'), cell('\tPlan ')])
    assert.deepEqual(result?.items, [
      {text: 'The costs', sectionId: 'h0'},
      {text: 'Plan', sectionId: 'h1'}
    ])
  })

  it('should call a table a summary when two rows or more match, and half its items at least', () => {
    const items = (count: number) => Array.from({length: count}, () => ({text: 'x', sectionId: null}))
    assert.equal(isSummary({title: null, items: items(4), matched: 2}), true)
    assert.equal(isSummary({title: null, items: items(5), matched: 2}), false)
    assert.equal(isSummary({title: null, items: items(6), matched: 3}), true)
    assert.equal(isSummary({title: null, items: items(1), matched: 1}), false)
    assert.equal(isSummary({title: null, items: items(2), matched: 1}), false)
  })

  it('should match a key of one character only as written, and an empty key never', () => {
    assert.deepEqual(ids(summaryMatcher(sections('A', 'Bc'))([cell('A'), cell('Bc')])), ['h0', 'h1'])
    assert.deepEqual(ids(summaryMatcher(sections('Abc', 'Bc'))([cell('A'), cell('Bc')])), [null, 'h1'])
    // "—" and "…" both have the empty key.
    assert.deepEqual(ids(summaryMatcher(sections('—', 'Bc'))([cell('…'), cell('Bc')])), [null, 'h1'])
    assert.deepEqual(ids(summaryMatcher(sections('Bc', '—'))([cell('Bc'), cell('—')])), ['h0', null])
  })

  it('should match a row of two characters that a heading contains', () => {
    assert.deepEqual(ids(summaryMatcher(sections('정치 경력과 미래', '사건의 배경'))([cell('정치'), cell('배경')])), ['h0', 'h1'])
  })

  it('should give a row contained in two headings the one it is the larger part of', () => {
    // "국제반응" is 4 of the 9 characters of the first key and 4 of the 7 of the second.
    const headings = sections('국제 반응 정리 모음집', '국제 반응과 전망', '배경')
    assert.deepEqual(ids(summaryMatcher(headings)([cell('국제 반응'), cell('배경')])), ['h1', 'h2'])
    assert.deepEqual(ids(summaryMatcher([headings[1]!, headings[0]!, headings[2]!])([cell('국제 반응'), cell('배경')])), ['h1', 'h2'])
  })

  it('should match a pair score of exactly one half', () => {
    // 가나 나다 다라 라마 against 가나 나다 다바 바사: two of four pairs each, Dice 4 / 8.
    assert.deepEqual(ids(summaryMatcher(sections('가나다바사', '배경'))([cell('가나다라마'), cell('배경')])), ['h0', 'h1'])
    // One of four: 2 / 8.
    assert.deepEqual(ids(summaryMatcher(sections('가나타바사', '배경'))([cell('가나다라마'), cell('배경')])), [null, 'h1'])
  })

  it('should forgive a row of five pairs or more the pairs of the heading it leaves out, less 0.15', () => {
    const heading = 'abcd efgh ijkl mnop qrst uvwx'
    // ab bc cf fg gh: four of five in the heading (0.8 - 0.15), Dice only 8 / 28.
    assert.deepEqual(ids(summaryMatcher(sections(heading, 'Other'))([cell('abc fgh'), cell('Other')])), ['h0', 'h1'])
    // ab bc cp pq qz: three of five (0.6 - 0.15 = 0.45).
    assert.deepEqual(ids(summaryMatcher(sections(heading, 'Other'))([cell('abc pqz'), cell('Other')])), [null, 'h1'])
    // Four pairs (ab bc fg gh of abc-fgh less one character): Dice alone, 6 / 27.
    assert.deepEqual(ids(summaryMatcher(sections(heading, 'Other'))([cell('abcgh'), cell('Other')])), [null, 'h1'])
  })

  it('should count a pair as shared only when both of its characters are', () => {
    // `axcxexgx` and `abcdefgh` have the first character of four pairs in common, the second of none: no pair is shared.
    const headings = sections('zzzzzzzz', 'abcdefgh', 'yyyyyyyy')
    assert.deepEqual(ids(summaryMatcher(headings)([cell('zzzzzzzz'), cell('axcxexgx'), cell('yyyyyyyy')])), ['h0', null, 'h2'])
  })

  it('should compare the pairs of a long key with Hangul and Latin letters by their numbers, not as text', () => {
    // 63 pairs; as text, the pairs of Hangul syllables ("삼성", 3.2 × 10⁹) would sort before the Latin ones (7.5 × 10⁶).
    const heading = 'Samsung Electronics quarterly earnings and semiconductor outlook 삼성전자 실적'
    const result = summaryMatcher(sections(heading, 'Other'))([cell('Samsung Electronics quarterly earnings, semiconductor outlook'), cell('Other')])
    assert.deepEqual(ids(result), ['h0', 'h1'])
  })

  it('should place leftover rows only in a table where half the item rows match at least', () => {
    const headings = sections('서론', '대북 정책의 변화', '경제 전망', '결론')
    // Two of five rows match: "대북제재 강화" is not placed, though its words name h1.
    assert.deepEqual(ids(summaryMatcher(headings)([cell('서론'), cell('대북제재 강화'), cell('날씨 이야기'), cell('음식 이야기'), cell('결론')])), ['h0', null, null, null, 'h3'])
    // Two of four: it is.
    assert.deepEqual(ids(summaryMatcher(headings)([cell('서론'), cell('대북제재 강화'), cell('날씨 이야기'), cell('결론')])), ['h0', 'h1', null, 'h3'])
  })

  it('should break ties between pairs by row, then by heading, in order', () => {
    // Two headings written alike: the row takes the first.
    assert.deepEqual(ids(summaryMatcher(sections('배경', '배경', '결론'))([cell('배경'), cell('결론')])), ['h0', 'h2'])
    // Two rows written alike: the first takes the heading.
    assert.deepEqual(summaryMatcher(sections('배경', '결론'))([cell('배경'), cell('배경'), cell('결론')])?.items.map((item) => item.sectionId), ['h0', null, 'h1'])
  })

  it('should give a heading written as a table word to the row written so before any row that only contains it', () => {
    // "주요 내용" contains "내용" (0.8); the row "내용" is the heading as written (1).
    assert.deepEqual(ids(summaryMatcher(sections('내용', '배경'))([cell('배경'), cell('주요 내용'), cell('내용')])), ['h1', null, 'h0'])
  })

  it('should not count a word in half the headings as common', () => {
    // "대북" is in two of four headings: a distinctive word still, which names the one free heading that has it.
    const headings = sections('대북 정책의 배경', '대북 제재의 효과', '경제 전망', '결론')
    assert.deepEqual(ids(summaryMatcher(headings)([cell('대북 정책의 배경'), cell('대북 압박'), cell('결론')])), ['h0', 'h1', 'h3'])
  })

  it('should count a heading\'s word inside a compound of the row as shared', () => {
    // "대북" of the heading is inside the row's "대북제재"; no word of the row is in the heading.
    const headings = sections('서론', '대북 정책의 변화', '경제 전망', '결론')
    assert.deepEqual(ids(summaryMatcher(headings)([cell('서론'), cell('대북제재 강화'), cell('결론')])), ['h0', 'h1', 'h3'])
  })

  it('should let the sections\' text decide only between the headings tied by their words', () => {
    // "감독" is in h1 and h2; only the text of h3, which is not tied, holds it.
    const headings = sections('서론', '감독 선임 논란', '감독 교체 배경', '선수들의 반응', '결론')
    const text = ['', '선임 이야기입니다.', '배경 이야기입니다.', '감독이 선수들을 만났다.', '']
    assert.deepEqual(ids(summaryMatcher(headings, (index) => text[index]!)([cell('서론'), cell('감독 얘기'), cell('결론')])), ['h0', null, 'h4'])
  })

  it('should count each word of the row once against a section\'s text', () => {
    // "감독" twice in the row and once in h1's text; "선임" and "비판" in h2's.
    const headings = sections('서론', '팬들의 목소리', '협회의 입장', '결론')
    const text = ['', '감독이 입을 열었다.', '선임 절차를 비판했다.', '']
    assert.deepEqual(ids(summaryMatcher(headings, (index) => text[index]!)([cell('서론'), cell('감독의 감독 선임 비판'), cell('결론')])), ['h0', 'h2', 'h3'])
  })

  it('should move the row above a leftover row only to a heading after the matched row above it', () => {
    const headings = sections('김철수 정책위의장 사퇴 배경 및 의미', '정책위의장 자리의 중요성', '정책위의장 교체의 국회 반응', '정책위의장 사퇴와 대선 준비', '정치적 위기와 해결 방안', '결론')
    // The row of h1 first: the row that took h3 can no longer go to h0, before it, so nothing moves.
    const rows = [cell('정책위의장 자리의 중요성'), cell('정책위의장 사퇴와 그 배경 논의'), cell('정책의 중요성 및 대선 준비'), cell('정책적 위기와 해결 방안')]
    assert.deepEqual(ids(summaryMatcher(headings)(rows)), ['h1', 'h3', null, 'h4'])
  })

  it('should mark descriptions in a table of four item rows, a description being twice as long as its item at least', () => {
    const headings = sections('정치 경력', '정책 방향')
    // "정치 경력" and "정책 방향" are five characters; the sentences ten, then nine.
    const rows = [cell('요약', true), cell('정치 경력'), cell('선거에 두 번 나섬'), cell('정책 방향'), cell('주택 문제를 풀겠다')]
    assert.deepEqual(
      summaryMatcher(headings)(rows)?.items.map((item) => [item.sectionId, item.isDescription === true]),
      [['h0', false], [null, true], ['h1', false], [null, true]]
    )
    const shorter = summaryMatcher(headings)([...rows.slice(0, 4), cell('주택 문제 풀겠다')])
    assert.deepEqual(
      shorter?.items.map((item) => [item.sectionId, item.isDescription === true]),
      [['h0', false], [null, false], ['h1', false], [null, false]]
    )
  })
})

describe('summary matching of a post too big to compare every row with every heading', () => {
  // 400 headings and a table of 400 rows: 160,000 comparisons, past what a post's tables may make.
  const headings = Array.from({length: 400}, (_, index) => ({id: `h${index}`, heading: `섹션 ${index} 분석 결과`, depth: 2}))

  it('should still match rows written as a heading, each heading once', () => {
    const rows = headings.map(({heading}) => cell(heading))
    const result = summaryMatcher(headings)(rows)
    assert.deepEqual(ids(result), headings.map(({id}) => id))
    assert.ok(result && isSummary(result))
  })

  it('should match a shortened row only while the post is small enough to compare', () => {
    const shortened = headings.map((heading, index) => cell(index === 1 ? '섹션 1 분석' : heading.heading))
    // The first 200 rows against the first 200 headings: 80,000 comparisons, within the bound: the shortened row matches.
    assert.equal(ids(summaryMatcher(headings.slice(0, 200))(shortened.slice(0, 200)))![1], 'h1')
    // Past it, only rows written as a heading are.
    const big = ids(summaryMatcher(headings)(shortened))!
    assert.equal(big[1], null)
    assert.deepEqual(big.filter((id) => id !== null), headings.filter((_, index) => index !== 1).map(({id}) => id))
  })

  it('should compare a table that reaches the bound exactly, and no table after it', () => {
    // One heading and 399 of the same text (scored once a row): 250 rows × 400 headings, 100,000 comparisons, the bound itself.
    const repeated = [{id: 'h0', heading: '섹션 1 분석 결과', depth: 2}, ...Array.from({length: 399}, (_, index) => ({id: `r${index}`, heading: '반복 제목', depth: 2}))]
    const match = summaryMatcher(repeated)
    assert.deepEqual(ids(match([cell('섹션 1 분석'), ...Array.from({length: 249}, () => cell('다른 줄'))]))![0], 'h0')
    assert.deepEqual(ids(match([cell('섹션 1 분석'), cell('다른 줄')])), [null, null])
  })

  it('should match rows to headings with the same key in order, each once, and no row of an empty key', () => {
    const named = [{id: 'dash', heading: '—', depth: 2}, {id: 'same-1', heading: 'Same', depth: 2}, {id: 'same-2', heading: 'Same', depth: 2}, ...headings.slice(3)]
    const rows = [cell('Index'), cell('…'), cell('same'), cell('SAME'), cell('same!'), ...headings.slice(3, 300).map(({heading}) => cell(heading))]
    const result = summaryMatcher(named)(rows)
    assert.equal(result?.title, 'Index')
    assert.deepEqual(ids(result)!.slice(0, 4), [null, 'same-1', 'same-2', null])
    assert.equal(result?.matched, 2 + 297)
  })

  it('should leave the bound to a later table when a table past it is matched only as written', () => {
    const match = summaryMatcher(headings)
    // 160,000 comparisons: matched as written, and nothing taken from the bound.
    assert.equal(ids(match(headings.map(({heading}) => cell(heading))))![1], 'h1')
    // 800 comparisons: within the bound, the shortened row matches.
    assert.deepEqual(ids(match([cell('섹션 1 분석'), cell('다른 줄')])), ['h1', null])
  })

  it('should place no leftover row past the bound, where only rows written as a heading count', () => {
    // "대북제재 강화" would be placed by its words between the rows of h0 and h2 in a smaller post (see above).
    const named = [headings[0]!, {id: 'h1', heading: '대북 정책의 변화', depth: 2}, ...headings.slice(2)]
    const rows = [cell(headings[0]!.heading), cell('대북제재 강화'), ...headings.slice(2, 300).map(({heading}) => cell(heading))]
    assert.deepEqual(ids(summaryMatcher(named)(rows))!.slice(0, 3), ['h0', null, 'h2'])
  })

  it('should share the bound between the tables of one post', () => {
    const match = summaryMatcher(headings.slice(0, 200))
    const shortened = headings.slice(0, 200).map((heading, index) => cell(index === 1 ? '섹션 1 분석' : heading.heading))
    // Two tables of 200 rows × 200 headings (40,000 each) fit; the third would pass 100,000.
    assert.equal(ids(match(shortened))![1], 'h1')
    assert.equal(ids(match(shortened))![1], 'h1')
    assert.equal(ids(match(shortened))![1], null)
  })
})
