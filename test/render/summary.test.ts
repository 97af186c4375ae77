import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {parsePost, renderPost, type Summary} from '../../src/index.ts'
import {policyOf} from '../../src/render/policy.ts'
import {trimmedSummary} from '../../src/render/summary.ts'

const policy = policyOf(undefined)

const row = (text: string) => `\n  <tr><td><b>${text}</b></td></tr>`
const table = (...rows: string[]) => `<table><tbody>${rows.map((text) => row(text)).join('')}\n</tbody></table>`

/** The summary table of `html` with the given title and item texts. */
function trim(html: unknown, title: string | null, items: unknown[]): string | undefined {
  const summary = {title, items: items.map((text) => (typeof text === 'string' ? {text, sectionId: null} : text)), rows: [], source: {index: 0, html, digest: ''}}
  return trimmedSummary(summary as unknown as Summary, policy)
}

describe('trimmedSummary', () => {
  it('should give the source back when every row is still there', () => {
    const html = table('T', 'a', 'b')
    assert.equal(trim(html, 'T', ['a', 'b']), html)
    assert.equal(trim(table('a', 'b'), null, ['a', 'b']), table('a', 'b'))
  })

  it('should cut the rows of removed items, with the white space before them', () => {
    assert.equal(trim(table('T', 'a', 'b', 'c'), 'T', ['a', 'c']), table('T', 'a', 'c'))
    assert.equal(trim(table('T', 'a', 'b', 'c'), 'T', ['b', 'c']), table('T', 'b', 'c'))
    assert.equal(trim(table('T', 'a', 'b', 'c'), 'T', ['a', 'b']), table('T', 'a', 'b'))
    assert.equal(trim(table('T', 'a', 'b', 'c'), 'T', []), table('T'))
    assert.equal(trim(table('a', 'b', 'c'), null, ['c']), table('c'))
    assert.equal(trim(table('a', 'b', 'c'), null, ['b']), table('b'))
    assert.equal(trim(table('a', 'b', 'c'), '', []), table())
  })

  it('should match rows by their text with white space collapsed', () => {
    const html = '<table><tr><td> a\n  b </td></tr><tr><td>c&nbsp;d</td></tr><tr><td>e</td></tr></table>'
    assert.equal(trim(html, null, ['a b', 'c d']), '<table><tr><td> a\n  b </td></tr><tr><td>c&nbsp;d</td></tr></table>')
    assert.equal(trim(html, null, [' a  b', {text: 'e'}]), '<table><tr><td> a\n  b </td></tr><tr><td>e</td></tr></table>')
  })

  it('should read rows outside a tbody as well', () => {
    const html = '<table><thead><tr><td>a</td></tr></thead><tr><td>b</td></tr><tfoot><tr><td>c</td></tr></tfoot></table>'
    assert.equal(trim(html, null, ['a', 'c']), '<table><thead><tr><td>a</td></tr></thead><tfoot><tr><td>c</td></tr></tfoot></table>')
    // Only rows count: not a caption's content.
    const captioned = '<table><caption><b>x</b></caption><tr><td>a</td></tr></table>'
    assert.equal(trim(captioned, null, ['a']), captioned)
    assert.equal(trim(captioned, null, []), '<table><caption><b>x</b></caption></table>')
  })

  it('should read the table, not what comes before it', () => {
    const html = '<p>a</p>' + table('a', 'b')
    assert.equal(trim(html, null, ['a']), '<p>a</p>' + table('a'))
    assert.equal(trim('<p>a</p>', null, []), undefined)
  })

  it('should give up on a renamed, added or moved row, or a removed title', () => {
    const html = table('T', 'a', 'b')
    assert.equal(trim(html, 'T', ['a', 'B']), undefined)
    assert.equal(trim(html, 'T', ['a', 'b', 'c']), undefined)
    assert.equal(trim(html, 'T', ['b', 'a']), undefined)
    assert.equal(trim(html, 'U', ['a', 'b']), undefined)
    assert.equal(trim(html, null, ['T', 'a', 'b', 'x']), undefined)
    // Leaving the title out of the wanted rows while keeping one: the first row goes, so it is a rename.
    assert.equal(trim(html, 'a', ['b']), undefined)
  })

  it('should skip items that are not objects, and read a missing text as empty', () => {
    assert.equal(trim(table('a', 'b'), null, [null, 'a', 3, 'b']), table('a', 'b'))
    assert.equal(trim(table('a', '', 'b'), null, ['a', {text: null}, 'b']), table('a', '', 'b'))
  })

  it('should give up when the source is not a plain, safe table of positioned rows', () => {
    for (const html of [
      undefined,
      null,
      42,
      '<p>a</p>',
      '',
      '<table><tr><td onclick="x()">a</td></tr></table>',
      '<table><tr><td title="x" title="y">a</td></tr></table>',
      // A row the parser made up (from a stray cell) has no position.
      '<table><td>a</td></table>'
    ]) {
      assert.equal(trim(html, null, ['a']), undefined, String(html))
    }
    const noSource = {title: null, items: [], rows: []} as unknown as Summary
    assert.equal(trimmedSummary(noSource, policy), undefined)
  })

  it('should keep the table’s tags when the first item of a summary without a title is removed', () => {
    const raw = '---\ntitle: T\n---\n<h2>A</h2>\n<p>x</p>\n<h2>B</h2>\n<p>y</p>\n<table><tbody>\n<tr><td><b>A</b></td></tr>\n<tr><td><b>B</b></td></tr>\n</tbody></table>\n'
    const article = parsePost(raw)
    assert.equal(article.summary?.title, null)
    article.summary!.items.shift()
    assert.equal(renderPost(article), raw.replace('\n<tr><td><b>A</b></td></tr>', ''))
  })
})
