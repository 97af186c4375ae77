import type {Element} from 'hast'
import type {Summary} from '../types.ts'
import {parseBody} from '../body/parse.ts'
import {isClean} from '../body/normalize.ts'
import {cleanText, elementChildren, textOf} from '../body/hast.ts'
import {isSpace} from '../body/tag-scanner.ts'
import {objectsIn} from './fields.ts'
import type {Policy} from './policy.ts'

/**
 * The summary table written from its source with the rows of removed items
 * cut out, so removing an item changes nothing else in the table.
 *
 * @returns The HTML, or undefined when the summary changed in another way
 *   (a row renamed, added or moved), and must be written from its fields.
 */
export function trimmedSummary(summary: Summary, policy: Policy): string | undefined {
  const html = summary.source?.html
  if (typeof html !== 'string' || !isClean(html, policy)) return undefined
  const table = parseBody(html).tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'table')
  if (!table) return undefined
  const rows: Array<{text: string; start: number; end: number}> = []
  for (const child of elementChildren(table)) {
    const group = child.tagName === 'tr' ? [child] : elementChildren(child).filter((row) => row.tagName === 'tr')
    for (const row of group) {
      const start = row.position?.start.offset
      const end = row.position?.end.offset
      if (start === undefined || end === undefined) return undefined
      rows.push({text: cleanText(textOf(row)), start, end})
    }
  }

  const wanted = [...(summary.title ? [summary.title] : []), ...objectsIn(summary.items).map((item) => item.text)].map((text) => cleanText(String(text ?? '')))
  // The wanted rows must be the source's rows with some left out, in order.
  let result = ''
  let cursor = 0
  let next = 0
  for (const row of rows) {
    if (next < wanted.length && wanted[next] === row.text) {
      next++
      continue
    }
    if (summary.title && next === 0) return undefined // The title row cannot go: that is a rename.
    // A removed row goes with the white space before it (its line), and only that: the tags
    // between rows (`<tbody>`, `</thead>`) stay.
    let start = row.start
    while (start > cursor && isSpace(html.charCodeAt(start - 1))) start--
    result += html.slice(cursor, start)
    cursor = row.end
  }
  if (next !== wanted.length) return undefined
  return result + html.slice(cursor)
}
