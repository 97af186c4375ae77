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
  for (let row = 0; row < texts.length; row++) {
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
  const hasTitle = !rowMatch.has(0) && texts[0] !== '' && (first.header || /^<(b|strong)\b/i.test(first.html.trim()) || rows.length > 2)
  const items: SummaryItem[] = []
  for (let row = hasTitle ? 1 : 0; row < rows.length; row++) {
    const heading = rowMatch.get(row)
    items.push({text: texts[row]!, sectionId: heading === undefined ? null : headings[heading]!.id})
  }
  return {title: hasTitle ? texts[0]! : null, items, matched: rowMatch.size}
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
  return dice(a.bigrams, b.bigrams)
}

/** Sørensen–Dice over character bigrams (as multisets): a merge of the two sorted lists. */
function ascending(a: number, b: number): number {
  return a - b
}

function dice(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0
  let shared = 0
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++
      i++
      j++
    } else if (a[i]! < b[j]!) i++
    else j++
  }
  return (2 * shared) / (a.length + b.length)
}
