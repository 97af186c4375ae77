import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {toPieces, type Piece} from '../../src/article/pieces.ts'
import {readBody, settle} from '../../src/body/normalize.ts'
import {createCheckMemo, type SanitizeSettings} from '../../src/body/sanitize.ts'
import {defaultEmbedHosts, schemaWithDefaults} from '../../src/body/schema.ts'

/*
 * `toPieces` over a body's first reading. Each piece's HTML and each gap are
 * worked out by hand from the HTML parsing algorithm (a `<p>` is closed by a
 * `<div>` or a `<table>`, content inside a `<table>` but outside a cell is
 * moved before it, the sanitiser drops event handlers and `<style>`); and
 * gaps and pieces written in turn must be the body `settle` rewrites.
 */

const sanitize: SanitizeSettings = {schema: schemaWithDefaults(undefined), embedHosts: defaultEmbedHosts, ...createCheckMemo()}

function pieces(body: string) {
  const reading = readBody(body, sanitize)
  const result = toPieces(reading.context, reading.flat, sanitize)
  const html = (piece: Piece) => piece.context.body.slice(piece.item.start, piece.item.end)
  let written = ''
  for (const [index, piece] of result.pieces.entries()) written += result.gaps[index]! + html(piece)
  written += result.gaps.at(-1)!
  return {
    ...result,
    context: reading.context,
    html: result.pieces.map((piece) => html(piece)),
    places: result.pieces.map((piece) => [piece.start, piece.end]),
    own: result.pieces.map((piece) => piece.context === reading.context),
    written,
    settled: settle(readBody(body, sanitize), sanitize, () => {}).reading.body
  }
}

describe('toPieces', () => {
  it('should give the items of a body the sanitiser left alone, in it, with the text between them', () => {
    const body = '\n<p>a</p>\n\n<div>\n<p>b</p>\n</div>text'
    const result = pieces(body)
    assert.deepEqual(result.html, ['<p>a</p>', '<p>b</p>', 'text'])
    assert.deepEqual(result.own, [true, true, true])
    assert.deepEqual(result.places, [[1, 9], [17, 25], [32, 36]])
    for (const piece of result.pieces) assert.deepEqual([piece.start, piece.end], [piece.item.start, piece.item.end])
    assert.deepEqual(result.gaps, ['\n', '\n\n<div>\n', '\n</div>', ''])
    assert.equal(result.written, body)
  })

  it('should give an empty body no piece and one empty gap', () => {
    assert.deepEqual(pieces('').pieces, [])
    assert.deepEqual(pieces('').gaps, [''])
    assert.deepEqual(pieces('  ').gaps, ['  '])
  })

  it('should read a changed item again from its serialisation, placed where it was written', () => {
    const body = '<p>a</p>\n<p onclick="x()">b</p>\n<p>c</p>'
    const result = pieces(body)
    assert.deepEqual(result.html, ['<p>a</p>', '<p>b</p>', '<p>c</p>'])
    assert.deepEqual(result.own, [true, false, true])
    assert.deepEqual(result.places, [[0, 8], [9, 31], [32, 40]])
    assert.deepEqual(result.gaps, ['', '\n', '\n', ''])
    assert.equal(result.written, '<p>a</p>\n<p>b</p>\n<p>c</p>')
    assert.equal(result.written, result.settled)
  })

  it('should give each item a changed item parses into, with the gaps between them', () => {
    // The paragraph and its wrapper are moved before the table (foster parenting), so the item parses as a `<div>`'s paragraph and a table.
    const body = '<table><tr><td>a</td></tr><div onclick="x()"> <p>b</p> </div></table>\n<p>c</p>'
    const result = pieces(body)
    assert.deepEqual(result.html, ['<p>b</p>', '<table><tbody><tr><td>a</td></tr></tbody></table>', '<p>c</p>'])
    assert.deepEqual(result.own, [false, false, true])
    const end = body.indexOf('\n')
    assert.deepEqual(result.places, [[0, end], [0, end], [end + 1, body.length]])
    assert.equal(result.pieces[0]!.context, result.pieces[1]!.context)
    assert.equal(result.written, result.settled)
  })

  it('should keep the text around a changed item\'s items, and what follows it', () => {
    const body = '<table onclick="x()"><tr><td>a</td></tr><div><p>b</p></div></table>\n<p>c</p>'
    const result = pieces(body)
    assert.deepEqual(result.html, ['<p>b</p>', '<table><tbody><tr><td>a</td></tr></tbody></table>', '<p>c</p>'])
    assert.equal(result.gaps[0], '<div>')
    assert.deepEqual(result.gaps.slice(2), ['\n', ''])
  })

  it('should write the text after a changed element that it closed from its tree', () => {
    // The `<p>` is closed by the `<div>` after it: written on its own it closes itself, and the `<div>` is written as serialised.
    const body = '<p onclick="x()">a<div class=c>\n<p>b</p>\n</div>'
    const result = pieces(body)
    assert.deepEqual(result.html, ['<p>a</p>', '<p>b</p>'])
    assert.deepEqual(result.gaps, ['', '<div class="c">\n', '\n</div>'])
    assert.equal(result.written, result.settled)
    // The same left alone is kept as written.
    assert.deepEqual(pieces('<p>a<div class=c>\n<p>b</p>\n</div>').gaps, ['', '<div class=c>\n', '\n</div>'])
    // The end tag that closed a heading would be a stray one.
    const heading = pieces('<h2 onclick="x()">a</h3>\n<p>b</p>')
    assert.deepEqual(heading.html, ['<h2>a</h2>', '<p>b</p>'])
    assert.deepEqual(heading.gaps, ['', '\n', ''])
  })

  it('should write a gap the sanitiser changed from its tree', () => {
    const result = pieces('<p>a</p><style>s</style>\n<p>b</p>')
    assert.deepEqual(result.gaps, ['', '\n', ''])
    assert.deepEqual(result.own, [true, true])
    assert.equal(result.written, result.settled)
  })

  it('should write a gap after a changed item as it is when the item closes itself', () => {
    const result = pieces('<ul onclick="x()"><li>a</li></ul>  <p>b</p>')
    assert.deepEqual(result.html, ['<ul><li>a</li></ul>', '<p>b</p>'])
    assert.deepEqual(result.gaps, ['', '  ', ''])
    assert.equal(result.written, result.settled)
  })
})
