import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {slug} from 'github-slugger'
import {createSlugger} from '../../src/article/slug.ts'

/**
 * The model: github-slugger's slug of the text (invisible characters dropped,
 * other spaces read as a space), with runs of `-` made one and edge `-`
 * trimmed (`section` when nothing is left), counted for repeats as
 * github-slugger counts.
 */
function reference(): (text: string, existing?: string) => string {
  const occurrences = new Map<string, number>()
  const used = new Set<string>()
  const unique = (base: string): string => {
    let result = base
    while (occurrences.has(result)) {
      const count = occurrences.get(base)! + 1
      occurrences.set(base, count)
      result = `${base}-${count}`
    }
    occurrences.set(result, 0)
    return result
  }
  return (text, existing) => {
    if (existing && !used.has(existing)) {
      used.add(existing)
      return existing
    }
    const cleaned = text.replace(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g, '').replace(/[\t\n\u00a0\u2003\u3000]/g, ' ')
    const base = slug(cleaned.normalize('NFC')).replace(/-+/g, '-').replace(/^-|-$/g, '') || 'section'
    let id = unique(base)
    while (used.has(id)) id = unique(base)
    used.add(id)
    return id
  }
}

/** Characters an id usable in a URL never has. */
const unusable = /[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]|^-|-$|--/

describe('createSlugger', () => {
  it('should give github-slugger’s ids made usable in URLs, repeats and explicit ids included', () => {
    const part = fc.constantFrom(
      'a', 'B', 'z', '1', ' ', '-', ' - ', '_', '한', '글', '·', '!', '.', '&', 'É', '\u1112\u1161', '\u00a0', '\u200b', '\u200d', '\u200f', '\u202e', '\ufeff', '\u00ad',
      '\u3000', '\t', '🔍', '✅', 'a-1', 'section', 'section-1', ''
    )
    const heading = fc.array(part, {maxLength: 6}).map((parts) => parts.join(''))
    const call = fc.tuple(heading, fc.option(fc.constantFrom('a', 'a-1', 'section', 'b'), {nil: undefined}))
    fc.assert(
      fc.property(fc.array(call, {maxLength: 12}), (calls) => {
        const actual = createSlugger()
        const expected = reference()
        for (const [text, existing] of calls) assert.equal(actual(text, existing), expected(text, existing))
      }),
      {seed: 4242, numRuns: 3000}
    )
  })

  it('should give github-slugger’s ids for headings with Latin-1, general or CJK punctuation', () => {
    for (const [from, to] of [[0x80, 0xff], [0x20_00, 0x20_6f], [0x30_00, 0x30_3f]] as const) {
      for (let code = from; code <= to; code++) {
        const character = String.fromCharCode(code)
        // White space and invisible characters have cases of their own above.
        if (/[\s\u0080-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f]/.test(character)) continue
        const headings = [`Ab${character}cd`, `군사${character}외교 경제`, `${character} 요약 ${character}`, `e${character}\u0301`]
        const actual = createSlugger()
        const expected = reference()
        for (const heading of headings) assert.equal(actual(heading), expected(heading), `U+${code.toString(16)} in ${JSON.stringify(heading)}`)
      }
    }
  })

  it('should never give an id with spaces, invisible characters, or edge or doubled dashes', () => {
    const part = fc.oneof(fc.string({unit: 'grapheme', maxLength: 3}), fc.constantFrom(' - ', '\u200b', '\u00a0', '\ufeff', '\u200e', '--', '🔍'))
    fc.assert(
      fc.property(fc.array(fc.array(part, {maxLength: 6}).map((parts) => parts.join('')), {maxLength: 12}), (headings) => {
        const slugger = createSlugger()
        const ids = headings.map((heading) => slugger(heading))
        for (const id of ids) assert.doesNotMatch(id, unusable, JSON.stringify(id))
        assert.equal(new Set(ids).size, ids.length)
      }),
      {seed: 4243, numRuns: 1000}
    )
  })

  // Shapes of real headings (news titles with a source after a dash, emoji bullets, Q&A labels, pasted invisible characters).
  const cases: Array<[string[], string[]]> = [
    [['Hello, 세계!', 'Hello, 세계!'], ['hello-세계', 'hello-세계-1']],
    [['Underground - A Story', 'Underground A Story'], ['underground-a-story', 'underground-a-story-1']],
    [['🔍 검색 결과', '검색 결과 ✅'], ['검색-결과', '검색-결과-1']],
    [['문의 : 담당 부서(02-123-4567)'], ['문의-담당-부서02-123-4567']],
    [['Q & A', '- 기자 이름', 'perf stat -a'], ['q-a', '기자-이름', 'perf-stat-a']],
    [['\ufeffIntro', 'Two\u00a0words', 'zero\u200bwidth', '\u200fright to left\u200f'], ['intro', 'two-words', 'zerowidth', 'right-to-left']],
    [['!!!', '', '—'], ['section', 'section-1', 'section-2']]
  ]
  for (const [headings, ids] of cases) {
    it(`should give ${ids.join(', ')}`, () => {
      const slugger = createSlugger()
      assert.deepEqual(
        headings.map((heading) => slugger(heading)),
        ids
      )
    })
  }

  it('should keep an explicit id as written, and number a slug it took', () => {
    const slugger = createSlugger()
    assert.deepEqual([slugger('x', 'a-b'), slugger('A - B'), slugger('y', 'my id')], ['a-b', 'a-b-1', 'my id'])
  })
})
