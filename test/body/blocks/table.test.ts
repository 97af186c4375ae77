import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element} from 'hast'
import {rowsOf, table} from '../../../src/body/blocks/table.ts'
import type {Context} from '../../../src/body/hast.ts'
import {element} from './read.ts'

const clean = (body: string): Context => ({body, isDirty: () => false})

function read(body: string) {
  return table(clean(body), element(body))
}

/** A hand-built cell (no positions: its html is serialised). */
function cell(tagName: string, properties: Element['properties'] = {}, text = 'x'): Element {
  return {type: 'element', tagName, properties, children: [{type: 'text', value: text}]}
}

function row(...cells: Element[]): Element {
  return {type: 'element', tagName: 'tr', properties: {}, children: cells}
}

function hand(...children: Element[]): Element {
  return {type: 'element', tagName: 'table', properties: {}, children}
}

describe('table', () => {
  it('should read rows of cells with their text, inner HTML and header mark', () => {
    assert.deepEqual(read('<table><tr><th>A</th><th>B</th></tr><tr><td>a <b>1</b></td><td></td></tr></table>'), {
      type: 'table',
      text: 'A\tB\na 1', // innerText: cells apart by tabs, rows by newlines, trimmed
      rows: [
        [
          {text: 'A', html: 'A', header: true},
          {text: 'B', html: 'B', header: true}
        ],
        [
          {text: 'a 1', html: 'a <b>1</b>', header: false},
          {text: '', html: '', header: false}
        ]
      ]
    })
  })

  it('should read the rows of thead, tbody and tfoot in the order written', () => {
    const body = '<table><caption>c</caption><thead><tr><th>h</th></tr></thead><tbody><tr><td>b</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot><tbody><tr><td>b2</td></tr></tbody></table>'
    assert.deepEqual(
      read(body).rows.map((cells) => cells.map((item) => item.text)),
      [['h'], ['b'], ['f'], ['b2']]
    )
  })

  it('should read rows written straight in the table (a hand-built tree) and leave out anything but rows and cells', () => {
    const tree = hand(
      row(cell('td', {}, 'a')),
      {type: 'element', tagName: 'colgroup', properties: {}, children: [row(cell('td', {}, 'no'))]},
      {type: 'element', tagName: 'tbody', properties: {}, children: [{type: 'element', tagName: 'div', properties: {}, children: [row(cell('td', {}, 'no'))]}, row(cell('td', {}, 'b'))]},
      {type: 'element', tagName: 'tfoot', properties: {}, children: [row(cell('div', {}, 'no'), cell('th', {}, 'c'))]},
      {type: 'element', tagName: 'thead', properties: {}, children: [row(cell('td', {}, 'd'))]}
    )
    assert.deepEqual(
      rowsOf({body: '', isDirty: () => true}, tree).map((cells) => cells.map((item) => item.text)),
      [['a'], ['b'], ['c'], ['d']]
    )
  })

  it('should keep a nested table inside its cell', () => {
    const result = read('<table><tr><td><table><tr><td>in</td></tr></table></td></tr></table>')
    assert.equal(result.rows.length, 1)
    assert.equal(result.rows[0]![0]!.html, '<table><tr><td>in</td></tr></table>')
  })

  it('should serialise a cell’s inner HTML when the sanitiser changed it', () => {
    const body = '<table><tr><td>a <B>b</B></td></tr></table>'
    assert.deepEqual(table({body, isDirty: () => true}, element(body)).rows, [[{text: 'a b', html: 'a <b>b</b>', header: false}]])
  })
})

describe('table: spans', () => {
  const spans = (attributes: string) => {
    const {colspan, rowspan} = read(`<table><tr><td ${attributes}>x</td></tr></table>`).rows[0]![0]!
    return [colspan, rowspan]
  }

  it('should keep colspan and rowspan above 1, and leave the field out otherwise', () => {
    assert.deepEqual(spans('colspan="2" rowspan="3"'), [2, 3])
    assert.deepEqual(spans('colspan=1 rowspan=1'), [undefined, undefined])
    assert.deepEqual(spans('colspan=0 rowspan=-2'), [undefined, undefined])
    assert.deepEqual(spans('colspan="x" rowspan=""'), [undefined, undefined])
    assert.deepEqual(spans(''), [undefined, undefined])
    const {colspan, rowspan} = read('<table><tr><td>x</td></tr></table>').rows[0]![0]!
    assert.equal(colspan, undefined)
    assert.equal(rowspan, undefined)
    assert.deepEqual(Object.keys(read('<table><tr><td colspan=1>x</td></tr></table>').rows[0]![0]!), ['text', 'html', 'header'])
  })

  it('should read a span as a whole number: a string as parseInt reads it in base 10, a number only when it is an integer', () => {
    const one = (colSpan: unknown) => rowsOf({body: '', isDirty: () => true}, hand(row(cell('td', {colSpan: colSpan as number}))))[0]![0]!.colspan
    assert.equal(one('3'), 3)
    assert.equal(one('4abc'), 4)
    assert.equal(one(' 5'), 5)
    assert.equal(one('08'), 8)
    assert.equal(one('0x10'), undefined)
    assert.equal(one('1e3'), undefined)
    assert.equal(one('2.5'), 2)
    assert.equal(one(2.5), undefined)
    assert.equal(one(7), 7)
    assert.equal(one(1), undefined)
    assert.equal(one(null), undefined)
    assert.equal(one(Number.NaN), undefined)
    assert.equal(one(Number.POSITIVE_INFINITY), undefined)
    assert.equal(one(['2']), 2)
  })
})
