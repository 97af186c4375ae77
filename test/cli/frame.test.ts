import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {cellWidth, codeFrame, printable, splitLines} from '../../node/cli/frame.ts'

/** A span on one line, from `start` up to (not including) `end`, as unist columns. */
function span(line: number, start: number, end: number = start) {
  return {start: {line, column: start}, end: {line, column: end}}
}

/** Terminal cells of `text`, measured independently of the frame code. */
function cells(text: string): number {
  let total = 0
  for (const character of text) total += cellWidth(character.codePointAt(0)!)
  return total
}

/** The marked line and the caret line of a frame. */
function marked(frame: string): {text: string; carets: string} {
  const lines = frame.split('\n')
  const index = lines.findIndex((line) => line.startsWith('>'))
  return {text: lines[index]!, carets: lines[index + 1]!}
}

describe('splitLines', () => {
  it('should split on \\n, \\r\\n and \\r, as article-kit counts lines', () => {
    assert.deepEqual(splitLines('a\nb\r\nc\rd'), ['a', 'b', 'c', 'd'])
  })

  it('should drop a leading byte order mark, which is not a column', () => {
    assert.deepEqual(splitLines('\uFEFFab\n'), ['ab', ''])
  })
})

describe('codeFrame', () => {
  it('should show the line with a gutter, carets under the span and one line of context', () => {
    assert.equal(
      codeFrame(['a', '<img>', 'b'], span(2, 1, 6)),
      ['  1 | a', '> 2 | <img>', '    | ^^^^^', '  3 | b'].join('\n')
    )
  })

  it('should not invent context above the first or below the last line', () => {
    assert.equal(codeFrame(['only'], span(1, 2, 4)), ['> 1 | only', '    |  ^^'].join('\n'))
  })

  it('should size the gutter for the widest line number shown', () => {
    const lines = Array.from({length: 12}, (_, index) => 'line ' + (index + 1))
    assert.equal(
      codeFrame(lines, span(10, 6, 8)),
      ['   9 | line 9', '> 10 | line 10', '     |      ^^', '  11 | line 11'].join('\n')
    )
  })

  it('should show one caret for an empty span', () => {
    assert.equal(marked(codeFrame(['abc'], span(1, 2))).carets, '    |  ^')
  })

  it('should put a caret just after the text for a span at the end of the line', () => {
    assert.equal(marked(codeFrame(['abc'], span(1, 4))).carets, '    |    ^')
  })

  it('should underline to the end of the line when the span goes on to later lines', () => {
    const frame = codeFrame(['<p>one', 'two</p>'], {start: {line: 1, column: 1}, end: {line: 2, column: 8}})
    assert.equal(marked(frame).carets, '    | ^^^^^^')
  })

  it('should leave empty context lines without trailing spaces', () => {
    assert.equal(codeFrame(['', 'x', ''], span(2, 1, 2)), ['  1 |', '> 2 | x', '    | ^', '  3 |'].join('\n'))
  })

  it('should expand tabs to tab stops in the line and under it alike', () => {
    // Column 3 is `b`: `a` takes cell 0, the tab cells 1–3.
    const {text, carets} = marked(codeFrame(['a\tb'], span(1, 3, 4)))
    assert.equal(text, '> 1 | a   b')
    assert.equal(carets, '    |     ^')
  })

  it('should honour `tabSize`', () => {
    const {text, carets} = marked(codeFrame(['\tb'], span(1, 2, 3), {tabSize: 2}))
    assert.equal(text, '> 1 |   b')
    assert.equal(carets, '    |   ^')
  })

  it('should underline a tab with as many carets as cells it takes', () => {
    assert.equal(marked(codeFrame(['ab\tc'], span(1, 3, 4))).carets, '    |   ^^')
  })

  it('should give Hangul two cells, so carets sit under the right syllables', () => {
    // `제목: 한글`: columns count UTF-16 code units, so `한` is column 5 but cell 6.
    const {text, carets} = marked(codeFrame(['제목: 한글'], span(1, 5, 7)))
    assert.equal(text, '> 1 | 제목: 한글')
    assert.equal(carets, '    |       ^^^^')
  })

  it('should count a surrogate pair as one character of two code units', () => {
    // `😀` is columns 1–2 and two cells wide; `x` is column 3.
    assert.equal(marked(codeFrame(['😀x'], span(1, 3, 4))).carets, '    |   ^')
    // A column inside the pair points at the whole pair.
    assert.equal(marked(codeFrame(['😀x'], span(1, 2, 3))).carets, '    | ^^')
  })

  it('should mix tabs and Hangul consistently', () => {
    const line = '\t한\tX'
    const column = line.indexOf('X') + 1
    const {text, carets} = marked(codeFrame([line], span(1, column, column + 1)))
    assert.equal(text, '> 1 |     한  X')
    assert.equal(carets.indexOf('^'), text.indexOf('X') + 1, 'the caret is one cell right of where `X` starts, as `한` is wide')
  })

  it('should cut a long line around the carets and mark the cuts with `…`', () => {
    const line = 'a'.repeat(199) + 'X' + 'b'.repeat(300)
    const {text, carets} = marked(codeFrame([line], span(1, 200, 201)))
    assert.ok(text.startsWith('> 1 | …'))
    assert.ok(text.endsWith('…'))
    assert.ok(text.length <= '> 1 | '.length + 100 + 2, 'about 100 columns of text')
    assert.equal(carets.indexOf('^'), text.indexOf('X'))
    assert.equal(carets.replaceAll(' ', ''), '|^')
  })

  it('should cut every shown line with the same window, so the columns stay aligned', () => {
    const lines = ['c'.repeat(500), 'a'.repeat(299) + 'X' + 'b'.repeat(300), 'short']
    const frame = codeFrame(lines, span(2, 300, 301))
    const [above, target, caretLine, below] = frame.split('\n')
    assert.equal(above!.length, target!.length)
    assert.equal(caretLine!.indexOf('^'), target!.indexOf('X'))
    // The short line has nothing in the window: only the mark that it was cut.
    assert.equal(below, '  3 | …')
  })

  it('should keep carets aligned when a long Korean line is cut', () => {
    const line = '가'.repeat(150) + 'X' + '나'.repeat(150)
    const {text, carets} = marked(codeFrame([line], span(1, 151, 152)))
    const before = text.slice(0, text.indexOf('X'))
    assert.equal(cells(carets.slice(0, carets.indexOf('^'))), cells(before))
    assert.ok(cells(text) <= '> 1 | '.length + 100 + 2)
  })

  it('should keep a long span visible from its start', () => {
    const line = 'x'.repeat(150) + '<' + 'y'.repeat(300) + '>'
    const {text, carets} = marked(codeFrame([line], span(1, 151, 453)))
    assert.equal(carets.indexOf('^'), text.indexOf('<'))
    assert.ok(carets.endsWith('^'))
  })

  it('should honour `context` and `width`', () => {
    const frame = codeFrame(['1', '2', '3', '4', '5'], span(3, 1, 2), {context: 2})
    assert.equal(frame.split('\n').length, 6)
    const cut = codeFrame(['z'.repeat(80)], span(1, 70, 71), {width: 40})
    assert.ok(marked(cut).text.length <= '> 1 | '.length + 40 + 2)
  })

  it('should show control characters as visible pictures, never as escapes', () => {
    const {text, carets} = marked(codeFrame(['a\u001B[2Jb'], span(1, 6, 7)))
    assert.equal(text, '> 1 | a␛[2Jb')
    assert.equal(carets.indexOf('^'), text.indexOf('b'))
  })

  it('should show bidirectional controls as `�`', () => {
    assert.equal(marked(codeFrame(['a\u202Eb'], span(1, 1))).text, '> 1 | a�b')
  })

  it('should return an empty string for a line that does not exist', () => {
    assert.equal(codeFrame(['a'], span(2, 1)), '')
    assert.equal(codeFrame(['a'], span(0, 1)), '')
  })

  it('should paint the gutter and markers with `style`', () => {
    const frame = codeFrame(['ab'], span(1, 1, 2), {style: {gutter: (text) => '{' + text + '}', marker: (text) => '<' + text + '>'}})
    assert.equal(frame, ['<>> {1 |} ab', '  {  |} <^>'].join('\n'))
  })
})

describe('cellWidth', () => {
  it('should give ASCII one cell', () => {
    assert.equal(cellWidth('a'.codePointAt(0)!), 1)
  })

  it('should give Hangul syllables, CJK ideographs, fullwidth forms and emoji two cells', () => {
    for (const character of ['한', '漢', 'Ａ', '😀', 'あ']) assert.equal(cellWidth(character.codePointAt(0)!), 2, character)
  })

  it('should give combining marks and zero-width characters no cell', () => {
    for (const code of [0x03_01, 0x20_0b, 0x20_0d, 0xfe_0f]) assert.equal(cellWidth(code), 0, code.toString(16))
  })
})

describe('printable', () => {
  it('should replace control characters with their pictures', () => {
    assert.equal(printable('a\u001B[31mb\u0000\n'), 'a␛[31mb␀␊')
  })

  it('should replace C1 controls, bidirectional controls and lone surrogates with `�`', () => {
    assert.equal(printable('\u009B\u202E\u2066\uD800'), '����')
  })

  it('should keep ordinary text, Hangul and emoji as they are, and turn a tab into a space', () => {
    assert.equal(printable('한글 😀\tok'), '한글 😀 ok')
  })
})
