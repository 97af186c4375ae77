import type {SummaryItem, TableCell} from '../types.ts'
import {contentWords} from './content-words.ts'
import {punctuationClass} from './punctuation.ts'

/** A section as the matcher sees it. */
export interface Heading {
  id: string
  heading: string
  /** 1 to 6; a row is matched by its place only to a heading at a rank other rows name. */
  depth: number
}

/** A heading or row made ready for matching: its key and the key's sorted bigrams. */
interface Prepared {
  key: string
  bigrams: number[]
  /** A heading's content words, once a table needs them. */
  words?: string[]
}

/** How a one-column table's rows match the sections. */
export interface SummaryMatch {
  title: string | null
  items: SummaryItem[]
  matched: number
}

/**
 * A section's own text (its blocks and its subsections, headings included), by the heading's index: what a
 * row no heading names may still name ("감독 선임 과정에 대한 불만" for "이동국의 발언", whose text says so).
 */
export type SectionText = (heading: number) => string

/** The matcher for one Article: headings are prepared once, whatever the number of tables. */
export type SummaryMatcher = (rows: TableCell[][]) => SummaryMatch | undefined

const threshold = 0.5

/**
 * Match the rows of one-column tables against the section headings.
 *
 * Rows are often shortened headings ("강화된 군사·외교·경제 협력" for
 * "동반자 협정 서명으로 강화된 군사·외교·경제 협력"), so a row matches a
 * heading when one contains the other or their character bigrams overlap
 * enough; each heading is matched at most once, best pairs of the whole
 * table first. A row that is only a table word ("내용") matches only a
 * heading written as it is. In a table those matches make a summary
 * (`isSummary`), two more readings follow, and neither can make one: rows
 * that alternate with the items as sentences about them are descriptions
 * (`isDescription`, never matched), and a row left over is matched by its
 * place between the matched rows and the distinctive words it shares with
 * one free heading there ("용의자 검거" → "살인사건과 용의자"), or else
 * with the text of one free section there.
 *
 * @param headings - Every section, in order.
 * @param sectionText - Each section's text, read only for a row left over (default: no text, only headings count).
 * @returns A matcher: given a table's rows (one cell each), the title row (if any), the items, and how many matched; undefined when the table is not one column.
 * @example
 * summaryMatcher([{id: 'the-costs', heading: 'The costs', depth: 2}])([[{text: 'Plan', html: 'Plan', header: true}], [{text: 'Costs', html: 'Costs', header: false}]])?.items
 * //=> [{text: 'Costs', sectionId: 'the-costs'}]
 */
export function summaryMatcher(headings: Heading[], sectionText?: SectionText | null): SummaryMatcher {
  let prepared: Prepared[] | undefined
  let byKey: Map<string, number[]> | undefined
  let budget = maxComparisons
  // Each section's content words, read once per Article, when a leftover row first needs them.
  const textWords: Array<ReadonlySet<string> | undefined> = []
  const wordsOf = (heading: number): ReadonlySet<string> => (textWords[heading] ??= new Set(sectionText ? contentWords(sectionText(heading)) : []))
  return (rows) => {
    if (rows.length < 2 || rows.some((row) => row.length !== 1)) return undefined
    prepared ??= prepareAll(headings)
    byKey ??= headingsByKey(prepared)
    const comparisons = rows.length * headings.length
    const exact = comparisons > budget
    if (!exact) budget -= comparisons
    return match(rows, headings, prepared, byKey, exact, wordsOf)
  }
}

/**
 * How many row-to-heading comparisons the tables of one post may make. A
 * summary compares a few dozen rows with a few dozen headings; a post of
 * thousands of headings and table rows (generated, or hostile) would make
 * millions. Past this, a table's rows are matched only to headings written
 * as they are (one lookup a row), so reading a post stays linear in its size.
 */
const maxComparisons = 100_000

/** The indexes of the headings with each key, in order. */
function headingsByKey(prepared: Prepared[]): Map<string, number[]> {
  const byKey = new Map<string, number[]>()
  prepared.forEach(({key}, index) => {
    const list = byKey.get(key)
    if (list) list.push(index)
    else byKey.set(key, [index])
  })
  return byKey
}

/** Each heading prepared; headings with the same text share one object, so `bestPairs` scores a row against it once. */
function prepareAll(headings: Heading[]): Prepared[] {
  const byText = new Map<string, Prepared>()
  return headings.map(({heading}) => {
    let prepared = byText.get(heading)
    if (!prepared) {
      prepared = prepare(heading)
      byText.set(heading, prepared)
    }
    return prepared
  })
}

function match(rows: TableCell[][], headings: Heading[], prepared: Prepared[], byKey: ReadonlyMap<string, number[]>, exact: boolean, wordsOf: (heading: number) => ReadonlySet<string>): SummaryMatch {
  const texts = rows.map((row) => row[0]!.text.replace(/[\s\u00a0]+/g, ' ').trim())
  // A first row that names the table ("목차", "판결 요약", "주요 내용") is its title, whatever heading ends in the same word.
  const named = isTableName(texts[0]!, byKey)
  const {rowMatch, taken} = exact ? exactPairs(texts, named ? 1 : 0, byKey) : bestPairs(texts, named ? 1 : 0, prepared, byKey)
  const first = rows[0]![0]!
  const hasTitle = named || (!rowMatch.has(0) && texts[0] !== '' && (first.header || /^<(b|strong)\b/i.test(first.html.trim()) || rows.length > 2))
  const start = hasTitle ? 1 : 0
  let descriptions = noRows
  // Only a table the matches above already make a summary is read further, so what follows never makes one.
  if (!exact && rowMatch.size >= 2 && rowMatch.size * 2 >= rows.length - start) {
    descriptions = descriptionRows(texts, start, rowMatch)
    fillGaps({texts, start, title: hasTitle ? texts[0]! : null, headings, prepared, wordsOf, rowMatch, taken, skip: descriptions})
  }
  const items: SummaryItem[] = []
  for (let row = start; row < rows.length; row++) {
    const heading = rowMatch.get(row)
    const item: SummaryItem = {text: texts[row]!, sectionId: heading === undefined ? null : headings[heading]!.id}
    if (descriptions.has(row)) item.isDescription = true
    items.push(item)
  }
  return {title: hasTitle ? texts[0]! : null, items, matched: rowMatch.size}
}

/** Rows matched to headings by similarity, each heading once: the best-scoring pairs of the whole table first. */
function bestPairs(texts: string[], start: number, prepared: Prepared[], byKey: ReadonlyMap<string, number[]>): {rowMatch: Map<number, number>; taken: Set<number>} {
  const pairs: Array<[score: number, row: number, heading: number]> = []
  // The score of a row against each distinct heading (repeated headings share their prepared object).
  const scores = new Map<Prepared, number>()
  for (let row = start; row < texts.length; row++) {
    const key = prepare(texts[row]!)
    // A row that is only a table word ("내용" under a title row) heads the rows below it: it names a section only as written.
    if (tableNameEndings.includes(key.key)) {
      for (const heading of byKey.get(key.key) ?? []) pairs.push([1, row, heading])
      continue
    }
    scores.clear()
    for (let heading = 0; heading < prepared.length; heading++) {
      const other = prepared[heading]!
      let score = scores.get(other)
      if (score === undefined) {
        score = similarity(key, other)
        scores.set(other, score)
      }
      if (score >= threshold) pairs.push([score, row, heading])
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2])
  const rowMatch = new Map<number, number>()
  const taken = new Set<number>()
  for (const [, row, heading] of pairs) {
    if (rowMatch.has(row) || taken.has(heading)) continue
    rowMatch.set(row, heading)
    taken.add(heading)
  }
  return {rowMatch, taken}
}

/**
 * Rows matched only to headings with the same key, each heading once: what
 * `bestPairs` gives when only exact matches count (they all score 1, taken
 * by row, then heading), without comparing every row with every heading.
 */
function exactPairs(texts: string[], start: number, byKey: ReadonlyMap<string, number[]>): {rowMatch: Map<number, number>; taken: Set<number>} {
  const rowMatch = new Map<number, number>()
  const taken = new Set<number>()
  const used = new Map<string, number>()
  for (let row = start; row < texts.length; row++) {
    const key = matchKey(texts[row]!)
    const list = key === '' ? undefined : byKey.get(key)
    const next = used.get(key) ?? 0
    if (!list || next >= list.length) continue
    rowMatch.set(row, list[next]!)
    taken.add(list[next]!)
    used.set(key, next + 1)
  }
  return {rowMatch, taken}
}

const noRows: ReadonlySet<number> = new Set()

/**
 * The rows that describe the item row above them: in a table that alternates
 * a short item row and a sentence about it ("정치 경력", then "2015년 … 출마"),
 * every second row is unmatched and at least twice as long as the row above.
 * Such a row is an item (it stays where it is written), not a section name.
 */
function descriptionRows(texts: string[], start: number, rowMatch: ReadonlyMap<number, number>): ReadonlySet<number> {
  const count = texts.length - start
  if (count < 4 || count % 2 !== 0) return noRows
  const rows = new Set<number>()
  for (let row = start + 1; row < texts.length; row += 2) {
    if (rowMatch.has(row) || texts[row]!.length < 2 * texts[row - 1]!.length) return noRows
    rows.add(row)
  }
  return rows
}

interface Gaps {
  texts: string[]
  /** The first item row. */
  start: number
  title: string | null
  headings: Heading[]
  prepared: Prepared[]
  /** Each section's text as content words. */
  wordsOf: (heading: number) => ReadonlySet<string>
  rowMatch: Map<number, number>
  taken: Set<number>
  /** Rows that are not to be matched (descriptions). */
  skip: ReadonlySet<number>
}

/**
 * Match the rows left over by the order they stand in: a summary lists the
 * sections in order, so an unmatched row between two matched rows names one
 * of the free headings between theirs ("용의자 검거" between the rows of
 * "서론" and "검거 과정" names "살인사건과 용의자"). Order alone proves
 * nothing: the row must share more distinctive words (`contentWords`, less
 * the words of the title row and of most headings) with one of those
 * headings than with any other, or, where no heading's words single one
 * out, with one of those sections' text; and the heading must be at a rank
 * the matched rows name. Two headings that share as many words are told
 * apart by the table's order: a row right under a matched row names the
 * first of them, a row right above one the last ("허경영 명예대표의 주장"
 * above "고소인 측의 주장" names "허경영의 성추행 혐의", the heading just
 * before it, not the post's opening section).
 */
function fillGaps(gaps: Gaps): void {
  const {texts, start, headings, prepared, wordsOf, rowMatch, taken, skip} = gaps
  // Most summaries name every section: then there is nothing to place, and no heading's words to read.
  let left = false
  for (let row = start; row < texts.length && !left; row++) left = !rowMatch.has(row) && !skip.has(row) && texts[row] !== ''
  if (!left) return
  const headingWords = prepared.map((heading, index) => (heading.words ??= [...new Set(contentWords(headings[index]!.heading))]))
  // Words of the title row and of most headings name the post's subject, not one section.
  const common = new Set(gaps.title === null ? [] : contentWords(gaps.title))
  const counts = new Map<string, number>()
  for (const words of headingWords) for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1)
  for (const [word, count] of counts) if (count * 2 > headings.length) common.add(word)
  const distinct = headingWords.map((words) => words.filter((word) => !common.has(word)))
  const depths = new Set([...rowMatch.values()].map((heading) => headings[heading]!.depth))
  // The heading of the nearest matched row below each row; a row matched here only narrows the rows after it.
  const below: number[] = []
  for (let row = texts.length - 1, next = headings.length; row >= start; row--) {
    below[row] = next
    next = rowMatch.get(row) ?? next
  }
  const gap: Gap = {headings, prepared, wordsOf, distinct, common, depths, taken}
  // The heading of the matched row above the one `low` is of.
  let previous = -1
  let low = -1
  for (let row = start; row < texts.length; row++) {
    const matched = rowMatch.get(row)
    if (matched !== undefined) {
      previous = low
      low = matched
      continue
    }
    if (skip.has(row)) continue
    // The matched row the row sits right next to, for a tie; none when it sits between two (or none).
    const side = rowMatch.has(row - 1) === rowMatch.has(row + 1) ? undefined : rowMatch.has(row - 1) ? 'after' : 'before'
    let heading = bestInGap(texts[row]!, low, below[row]!, side, gap)
    if (heading === undefined && rowMatch.has(row - 1)) heading = reseat(texts, rowMatch, row, row - 1, previous, below[row]!, gap)
    if (heading === undefined && rowMatch.has(row + 1)) heading = reseat(texts, rowMatch, row, row + 1, low, below[row + 1]!, gap)
    if (heading === undefined) continue
    rowMatch.set(row, heading)
    taken.add(heading)
    low = heading
  }
}

/**
 * Give a row left without a heading the one its neighbour (the row right
 * above or below it) took by likeness, when the row's words single that
 * heading out between `low` and `high` and the neighbour's words then
 * single out a free heading on its own side of it: best-first matching let
 * a long row take a short heading it only half names ("이스라엘은 하마스의
 * … 반응을 검토 중" took "하마스의 반응", which the next row, "하마스는
 * 전쟁 중단을 … 바라고 함", says; its own words are those of the section
 * before, "이스라엘 총리실의 발표"). A neighbour written as its heading keeps it.
 *
 * @returns The heading for `row` (the neighbour is moved), or undefined (nothing changes).
 */
function reseat(texts: string[], rowMatch: Map<number, number>, row: number, neighbour: number, low: number, high: number, gap: Gap): number | undefined {
  const held = rowMatch.get(neighbour)!
  if (matchKey(texts[neighbour]!) === gap.prepared[held]!.key) return undefined
  const {taken} = gap
  taken.delete(held)
  const mine = bestInGap(texts[row]!, low, high, undefined, gap)
  const moved = mine !== held ? undefined : neighbour < row ? bestInGap(texts[neighbour]!, low, held, undefined, gap) : bestInGap(texts[neighbour]!, held, high, undefined, gap)
  if (moved === undefined) {
    taken.add(held)
    return undefined
  }
  rowMatch.set(neighbour, moved)
  taken.add(moved)
  return held
}

interface Gap {
  headings: Heading[]
  prepared: Prepared[]
  wordsOf: (heading: number) => ReadonlySet<string>
  /** Each heading's content words, less the common ones. */
  distinct: string[][]
  common: ReadonlySet<string>
  depths: ReadonlySet<number>
  /** Headings matched so far; `reseat` frees one while it tries a move. */
  taken: Set<number>
}

/**
 * The free heading between `low` and `high` that shares the most distinctive
 * words with the row; where none or several do, the one among them whose
 * section's text holds the most of the row's words; where several still do,
 * the one next to the matched row the row is `side` of (`after` the one
 * above it, `before` the one below it), if any.
 */
function bestInGap(text: string, low: number, high: number, side: 'after' | 'before' | undefined, gap: Gap): number | undefined {
  const rowKey = matchKey(text)
  const rowWords = contentWords(text).filter((word) => !gap.common.has(word))
  const free: number[] = []
  for (let heading = low + 1; heading < high; heading++) {
    if (!gap.taken.has(heading) && gap.depths.has(gap.headings[heading]!.depth)) free.push(heading)
  }
  let best = most(free, (heading) => Math.max(count(rowWords, gap.prepared[heading]!.key), count(gap.distinct[heading]!, rowKey)))
  if (best.length !== 1) {
    const byText = most(best.length === 0 ? free : best, (heading) => {
      const words = gap.wordsOf(heading)
      let shared = 0
      for (const word of new Set(rowWords)) if (words.has(word)) shared++
      return shared
    })
    if (byText.length > 0) best = byText
  }
  if (best.length === 1 || side === 'after') return best[0]
  return side === 'before' ? best.at(-1) : undefined
}

/** The candidates with the highest score above zero, in order. */
function most(candidates: readonly number[], score: (candidate: number) => number): number[] {
  let top = 0
  let found: number[] = []
  for (const candidate of candidates) {
    const value = score(candidate)
    if (value > top) {
      top = value
      found = [candidate]
    } else if (value === top && value > 0) found.push(candidate)
  }
  return found
}

/** How many of the words occur in the key (a word inside a compound counts: "대북" in "대북제재"). */
function count(words: readonly string[], key: string): number {
  let shared = 0
  for (const word of words) if (key.includes(word)) shared++
  return shared
}

/**
 * Words a table's name ends with ("목차", "판결 요약", "주요 내용", "Key points"), as match keys. A row
 * ending in one names the table, not a section, even when a heading ends in the same word ("판결 내용").
 */
const tableNameEndings = ['목차', '요약', '개요', '내용', '정리', '포인트', '핵심', 'summary', 'contents', 'overview', 'keypoints', 'toc']

/** Whether a first row names the table: it ends with a table-name word and is no heading as written. */
function isTableName(text: string, byKey: ReadonlyMap<string, number[]>): boolean {
  const key = matchKey(text)
  if (!tableNameEndings.some((ending) => key.endsWith(ending))) return false
  return !byKey.has(key)
}

/** Whether a match is good enough to call the table a summary. */
export function isSummary(match: SummaryMatch): boolean {
  return match.matched >= 2 && match.matched * 2 >= match.items.length
}

/** Letters and digits only, NFKC, lower case: what matching compares. */
export function matchKey(value: string): string {
  // ASCII, Hangul syllables and punctuation are what posts are made of, and NFKC leaves them as they are.
  if ((asciiHangulOrPunctuation ??= plainText()).test(value)) return value.replace(/[^\dA-Za-z\uac00-\ud7a3]+/g, '').toLowerCase()
  return value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

/**
 * ASCII, Hangul syllables, and the punctuation (`punctuation.ts`) that NFKC
 * makes neither a letter, a digit nor a mark: on such text the key is the
 * ASCII letters, digits and syllables, lower-cased, without normalising.
 * Made on the first key asked for, not when the module is imported.
 */
let asciiHangulOrPunctuation: RegExp | undefined

function plainText(): RegExp {
  const punctuation = punctuationClass('NFKC', (character) => !/[\p{L}\p{N}\p{M}]/u.test(character.normalize('NFKC')))
  return new RegExp('^[\\u0000-\\u007f\\uac00-\\ud7a3' + punctuation + ']*$')
}

function prepare(value: string): Prepared {
  const key = matchKey(value)
  // A plain array: allocating and sorting a typed array costs several times more for keys this short.
  const bigrams: number[] = []
  for (let index = 0; index + 1 < key.length; index++) bigrams.push(key.charCodeAt(index) * 65_536 + key.charCodeAt(index + 1))
  return {key, bigrams: bigrams.length <= shortList ? insertionSort(bigrams) : bigrams.sort(ascending)}
}

/** Up to this many, insertion sort beats `Array#sort` (which copies the array and calls a comparator). */
const shortList = 48

function insertionSort(list: number[]): number[] {
  for (let index = 1; index < list.length; index++) {
    const value = list[index]!
    let at = index - 1
    while (at >= 0 && list[at]! > value) {
      list[at + 1] = list[at]!
      at--
    }
    list[at + 1] = value
  }
  return list
}

function similarity(a: Prepared, b: Prepared): number {
  if (a.key.length === 0 || b.key.length === 0) return 0
  if (a.key === b.key) return 1
  const [short, long] = a.key.length <= b.key.length ? [a.key, b.key] : [b.key, a.key]
  if (short.length >= 2 && long.includes(short)) return 0.6 + 0.4 * (short.length / long.length)
  return pairScore(a.bigrams, b.bigrams)
}

/** Below this many character pairs, the shorter of two keys is matched by Dice alone: a few shared pairs say little. */
const minimumPairsForOverlap = 5
/** What the overlap coefficient gives up against Dice: it forgives the longer key its extra words, not much else. */
const overlapDiscount = 0.15

/** Ascending numbers, for `Array#sort`. */
function ascending(a: number, b: number): number {
  return a - b
}

/**
 * Dice over character pairs, or, when the shorter key has pairs enough, the
 * share of its pairs the longer one holds (the overlap coefficient), less
 * `overlapDiscount`: a row paraphrases its heading with words left out
 * ("강압수사에 반대" for "수사기관의 강압적 태도에 반대"), which Dice counts
 * against it.
 */
function pairScore(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0
  const shared = sharedPairs(a, b)
  const diceScore = (2 * shared) / (a.length + b.length)
  const shorter = Math.min(a.length, b.length)
  if (shorter < minimumPairsForOverlap) return diceScore
  return Math.max(diceScore, shared / shorter - overlapDiscount)
}

/** How many pairs two sorted lists share, as multisets: a merge of the two. */
function sharedPairs(a: readonly number[], b: readonly number[]): number {
  let shared = 0
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++
      i++
      j++
    } else if (a[i]! < b[j]!) i++
    else j++
  }
  return shared
}
