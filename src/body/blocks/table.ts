import type {Element} from 'hast'
import type {TableBlock, TableCell} from '../../types.ts'
import {elementChildren, innerHtml, textOf, type Context} from '../hast.ts'

/** A `<table>`: rows of cells, header cells marked, spans kept. Nested tables stay inside their cell. */
export function table(context: Context, node: Element): Omit<TableBlock, 'position' | 'source'> {
  return {type: 'table', text: textOf(node), rows: rowsOf(context, node)}
}

/** The rows of a table, through `thead`, `tbody` and `tfoot`. */
export function rowsOf(context: Context, node: Element): TableCell[][] {
  const rows: TableCell[][] = []
  for (const child of elementChildren(node)) {
    if (child.tagName === 'tr') rows.push(cellsOf(context, child))
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
      for (const row of elementChildren(child)) if (row.tagName === 'tr') rows.push(cellsOf(context, row))
    }
  }
  return rows
}

function cellsOf(context: Context, row: Element): TableCell[] {
  const cells: TableCell[] = []
  for (const cell of elementChildren(row)) {
    if (cell.tagName !== 'td' && cell.tagName !== 'th') continue
    const result: TableCell = {text: textOf(cell), html: innerHtml(context, cell), header: cell.tagName === 'th'}
    const colspan = span(cell.properties['colSpan'])
    const rowspan = span(cell.properties['rowSpan'])
    if (colspan !== undefined) result.colspan = colspan
    if (rowspan !== undefined) result.rowspan = rowspan
    cells.push(result)
  }
  return cells
}

function span(value: unknown): number | undefined {
  if (value === undefined) return undefined // The usual case: no attribute.
  const number = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10)
  return Number.isInteger(number) && number > 1 ? number : undefined
}
