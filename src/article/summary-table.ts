import type {SummaryItem, TableCell} from '../types.ts'

/** A section as the matcher sees it. */
export interface Heading {
  id: string
  heading: string
}

/** How a one-column table's rows match the sections. */
export interface SummaryMatch {
  title: string | null
  items: SummaryItem[]
  matched: number
}

const threshold = 0.5

/**
 * Match the rows of a one-column table against the section headings.
 *
 * Rows are often shortened headings ("강화된 군사·외교·경제 협력" for
 * "동반자 협정 서명으로 강화된 군사·외교·경제 협력"), so a row matches a
 * heading when one contains the other or their character bigrams overlap
 * enough; each heading is matched at most once, best pairs first.
 *
 * @param rows - The table's rows (one cell each).
 * @param headings - Every section, in order.
 * @returns The title row (if any), the items, and how many matched; undefined when the table is not one column.
 * @example
 * matchSummary([[{text: 'Plan', html: 'Plan', header: true}], [{text: 'Costs', html: 'Costs', header: false}]], [{id: 'the-costs', heading: 'The costs'}])?.items
 * //=> [{text: 'Costs', sectionId: 'the-costs'}]
 */
export function matchSummary(rows: TableCell[][], headings: Heading[]): SummaryMatch | undefined {
  if (rows.length < 2 || rows.some((row) => row.length !== 1)) return undefined
  const texts = rows.map((row) => row[0]!.text.replace(/[\s\u00a0]+/g, ' ').trim())
  const keys = texts.map(matchKey)
  const headingKeys = headings.map((heading) => matchKey(heading.heading))

  const pairs: Array<[score: number, row: number, heading: number]> = []
  for (let row = 0; row < keys.length; row++) {
    for (let heading = 0; heading < headingKeys.length; heading++) {
      const score = similarity(keys[row]!, headingKeys[heading]!)
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
  return value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

function similarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0
  if (a === b) return 1
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (short.length >= 2 && long.includes(short)) return 0.6 + 0.4 * (short.length / long.length)
  return dice(a, b)
}

// Sørensen–Dice over character bigrams.
function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return 0
  const counts = new Map<string, number>()
  for (let index = 0; index < a.length - 1; index++) {
    const bigram = a.slice(index, index + 2)
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1)
  }
  let shared = 0
  for (let index = 0; index < b.length - 1; index++) {
    const bigram = b.slice(index, index + 2)
    const count = counts.get(bigram) ?? 0
    if (count > 0) {
      shared++
      counts.set(bigram, count - 1)
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1)
}
