import type {SummaryItem, TableCell} from '../types.ts'

/** A section as the matcher sees it. */
export interface Heading {
  id: string
  heading: string
}

/** A heading or row made ready for matching: its key and the key's sorted bigrams. */
interface Prepared {
  key: string
  bigrams: number[]
}

/** How a one-column table's rows match the sections. */
export interface SummaryMatch {
  title: string | null
  items: SummaryItem[]
  matched: number
}

/** The matcher for one Article: headings are prepared once, whatever the number of tables. */
export type SummaryMatcher = (rows: TableCell[][]) => SummaryMatch | undefined

const threshold = 0.5

/**
 * Match the rows of one-column tables against the section headings.
 *
 * Rows are often shortened headings ("강화된 군사·외교·경제 협력" for
 * "동반자 협정 서명으로 강화된 군사·외교·경제 협력"), so a row matches a
 * heading when one contains the other or their character bigrams overlap
 * enough; each heading is matched at most once, best pairs first.
 *
 * @param headings - Every section, in order.
 * @returns A matcher: given a table's rows (one cell each), the title row (if any), the items, and how many matched; undefined when the table is not one column.
 * @example
 * summaryMatcher([{id: 'the-costs', heading: 'The costs'}])([[{text: 'Plan', html: 'Plan', header: true}], [{text: 'Costs', html: 'Costs', header: false}]])?.items
 * //=> [{text: 'Costs', sectionId: 'the-costs'}]
 */
export function summaryMatcher(headings: Heading[]): SummaryMatcher {
  let prepared: Prepared[] | undefined
  return (rows) => {
    if (rows.length < 2 || rows.some((row) => row.length !== 1)) return undefined
    prepared ??= headings.map((heading) => prepare(heading.heading))
    return match(rows, headings, prepared)
  }
}

function match(rows: TableCell[][], headings: Heading[], prepared: Prepared[]): SummaryMatch {
  const texts = rows.map((row) => row[0]!.text.replace(/[\s\u00a0]+/g, ' ').trim())
  const pairs: Array<[score: number, row: number, heading: number]> = []
  // A first row that names the table ("목차", "판결 요약", "주요 내용") is its title, whatever heading ends in the same word.
  const named = isTableName(texts[0]!, prepared)
  for (let row = named ? 1 : 0; row < texts.length; row++) {
    const key = prepare(texts[row]!)
    for (let heading = 0; heading < prepared.length; heading++) {
      const score = similarity(key, prepared[heading]!)
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

  const first = rows[0]![0]!
  const hasTitle = named || (!rowMatch.has(0) && texts[0] !== '' && (first.header || /^<(b|strong)\b/i.test(first.html.trim()) || rows.length > 2))
  const items: SummaryItem[] = []
  for (let row = hasTitle ? 1 : 0; row < rows.length; row++) {
    const heading = rowMatch.get(row)
    items.push({text: texts[row]!, sectionId: heading === undefined ? null : headings[heading]!.id})
  }
  return {title: hasTitle ? texts[0]! : null, items, matched: rowMatch.size}
}

/**
 * Words a table's name ends with ("목차", "판결 요약", "주요 내용", "Key points"), as match keys. A row
 * ending in one names the table, not a section, even when a heading ends in the same word ("판결 내용").
 */
const tableNameEndings = ['목차', '요약', '개요', '내용', '정리', '포인트', '핵심', 'summary', 'contents', 'overview', 'keypoints', 'toc']

/** Whether a first row names the table: it ends with a table-name word and is no heading as written. */
function isTableName(text: string, prepared: Prepared[]): boolean {
  const key = matchKey(text)
  if (!tableNameEndings.some((ending) => key.endsWith(ending))) return false
  return !prepared.some((heading) => heading.key === key)
}

/** Whether a match is good enough to call the table a summary. */
export function isSummary(match: SummaryMatch): boolean {
  return match.matched >= 2 && match.matched * 2 >= match.items.length
}

/** Letters and digits only, NFKC, lower case: what matching compares. */
export function matchKey(value: string): string {
  // ASCII and Hangul syllables are what posts are made of, and NFKC leaves them as they are.
  if (asciiOrHangul.test(value)) return value.replace(/[^\dA-Za-z\uac00-\ud7a3]+/g, '').toLowerCase()
  return value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

const asciiOrHangul = /^[\u0000-\u007f\uac00-\ud7a3]*$/

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
