/**
 * Code frames: the offending line of a post, with a line-number gutter, one
 * line of context either side, and carets under the span.
 *
 * Messages count columns in UTF-16 code units (as unist does), but terminals
 * count cells: a tab moves to the next tab stop, Hangul and other East Asian
 * wide characters take two cells, combining marks none. We measure every
 * shown line once in cells, so the text and the carets are laid out by the
 * same rule and stay aligned. Control and bidirectional formatting characters
 * are shown as visible stand-ins: a post must not be able to drive the
 * terminal or reorder what the reader sees.
 */

/** A span, as in `Message.place` (offsets are not needed). */
export interface Span {
  start: {line: number; column: number}
  end: {line: number; column: number}
}

/** How to paint the parts of a frame (for colour); each defaults to leaving the text as is. */
export interface FrameStyle {
  /** The line numbers and the `|` after them. */
  gutter?: ((text: string) => string) | null | undefined
  /** The `>` before the offending line and the carets under it. */
  marker?: ((text: string) => string) | null | undefined
}

/** Options of `codeFrame`. */
export interface FrameOptions {
  /** Lines of context shown above and below (default: `1`). */
  context?: number | null | undefined
  /** Cells of each line shown; longer lines are cut around the carets and marked `…` (default: `100`). */
  width?: number | null | undefined
  /** Cells between tab stops (default: `4`). */
  tabSize?: number | null | undefined
  /** Colours (default: none). */
  style?: FrameStyle | null | undefined
}

/** One code point as shown: its text, where it starts in cells and code units, and how wide it is. */
interface Cell {
  text: string
  start: number
  width: number
  /** Where the code point starts in the line, in UTF-16 code units. */
  unit: number
  /** Its length in code units (2 for a surrogate pair). */
  units: number
}

const emptyOptions: Readonly<FrameOptions> = Object.freeze({})
const plain = (text: string): string => text

/**
 * Split a post into lines the way article-kit counts them: `\r\n`, `\r` and
 * `\n` each end a line, and a leading byte order mark is not a column.
 *
 * @param source - The whole raw post.
 * @returns Its lines, without line endings.
 * @example
 * splitLines('\uFEFFa\r\nb\rc') //=> ['a', 'b', 'c']
 */
export function splitLines(source: string): string[] {
  return (source.charCodeAt(0) === 0xfe_ff ? source.slice(1) : source).split(/\r\n|\r|\n/)
}

/**
 * Render the code frame for `span`.
 *
 * Only the start line is marked; a span that runs on to later lines is
 * underlined to the end of its first line. An empty span gets one caret.
 *
 * @param lines - The post's lines (see `splitLines`).
 * @param span - Where the problem is (1-based lines, 1-based UTF-16 columns).
 * @param options - Configuration (optional).
 * @returns The frame, lines joined by `\n` without a final one; `''` when the line does not exist.
 * @example
 * codeFrame(['a', '<img>', 'b'], {start: {line: 2, column: 1}, end: {line: 2, column: 6}})
 * //=> '  1 | a\n> 2 | <img>\n    | ^^^^^\n  3 | b'
 */
export function codeFrame(lines: readonly string[], span: Span, options?: Readonly<FrameOptions> | null): string {
  const settings = options || emptyOptions
  const context = Math.max(0, settings.context ?? 1)
  const width = Math.max(10, settings.width ?? 100)
  const tabSize = Math.max(1, settings.tabSize ?? 4)
  const gutterStyle = settings.style?.gutter ?? plain
  const markerStyle = settings.style?.marker ?? plain

  const target = span.start.line
  if (!Number.isInteger(target) || target < 1 || target > lines.length) return ''
  const first = Math.max(1, target - context)
  const last = Math.min(lines.length, target + context)
  const shown: Cell[][] = []
  for (let line = first; line <= last; line++) shown.push(measure(lines[line - 1]!, tabSize))

  const cells = shown[target - first]!
  const lineEnd = cellEnd(cells)
  const from = cellAt(cells, span.start.column - 1)
  const to = span.end.line > target ? lineEnd : cellAt(cells, span.end.column - 1)
  const caretStart = from
  const caretEnd = Math.max(to, caretStart + 1)

  // Cut long lines to a window around the carets; every shown line uses the same one.
  const longest = Math.max(...shown.map(cellEnd))
  let left = 0
  if (longest > width) {
    const spanWidth = Math.min(caretEnd - caretStart, width)
    left = Math.max(0, Math.min(caretStart - Math.floor((width - spanWidth) / 2), longest - width))
  }
  const right = longest > width ? left + width : Number.POSITIVE_INFINITY

  const numberWidth = String(last).length
  const result: string[] = []
  for (let line = first; line <= last; line++) {
    const marker = line === target ? markerStyle('>') : ' '
    const gutter = gutterStyle(String(line).padStart(numberWidth) + ' |')
    const text = slice(shown[line - first]!, left, right)
    result.push((marker + ' ' + gutter + (text ? ' ' + text : '')).trimEnd())
    if (line === target) {
      const visibleStart = Math.max(caretStart, left)
      const visibleEnd = Math.max(Math.min(caretEnd, right), visibleStart + 1)
      // One extra cell when the window is cut: the `…` (or its space) before the text.
      const pad = (left > 0 ? 1 : 0) + visibleStart - left
      const carets = markerStyle('^'.repeat(visibleEnd - visibleStart))
      result.push('  ' + gutterStyle(' '.repeat(numberWidth) + ' |') + ' ' + ' '.repeat(pad) + carets)
    }
  }
  return result.join('\n')
}

/**
 * Make text safe and legible on a terminal: control characters become their
 * visible Unicode pictures (`␛` for escape), C1 controls, lone surrogates
 * and bidirectional formatting characters become `�`, and a tab becomes a
 * space. Used for reasons and file names; frames do the same per cell.
 *
 * @param text - Any text.
 * @returns The text, one shown character per unsafe code point.
 * @example
 * printable('a\u001B[31mb') //=> 'a␛[31mb'
 */
export function printable(text: string): string {
  let result = ''
  for (const character of text) result += character === '\t' ? ' ' : show(character)
  return result
}

/**
 * How many terminal cells a code point takes (a small `wcwidth`).
 *
 * @param code - A code point.
 * @returns `0` for combining marks and zero-width characters, `2` for East Asian wide and fullwidth characters and most emoji, else `1`.
 * @example
 * cellWidth('한'.codePointAt(0)) //=> 2
 */
export function cellWidth(code: number): 0 | 1 | 2 {
  if (inRanges(code, zeroWidth)) return 0
  if (inRanges(code, wide)) return 2
  return 1
}

/** Measure a line into cells (tabs expanded, unsafe characters replaced). */
function measure(line: string, tabSize: number): Cell[] {
  const cells: Cell[] = []
  let position = 0
  let unit = 0
  for (const character of line) {
    let text: string
    let width: number
    if (character === '\t') {
      width = tabSize - (position % tabSize)
      text = ' '.repeat(width)
    } else {
      text = show(character)
      width = text === character ? cellWidth(character.codePointAt(0)!) : 1
    }
    cells.push({text, start: position, width, unit, units: character.length})
    position += width
    unit += character.length
  }
  return cells
}

/** The cell where code unit `unit` is drawn (inside a surrogate pair: the pair's cell; past the end: just after the line). */
function cellAt(cells: readonly Cell[], unit: number): number {
  let previous = 0
  for (const cell of cells) {
    if (cell.unit === unit) return cell.start
    if (cell.unit > unit) return previous
    previous = cell.start
  }
  const last = cells.at(-1)
  return last && unit < last.unit + last.units ? last.start : cellEnd(cells)
}

function cellEnd(cells: readonly Cell[]): number {
  const last = cells.at(-1)
  return last ? last.start + last.width : 0
}

/** The cells in `[left, right)`, with `…` where the line goes on beyond the window. */
function slice(cells: readonly Cell[], left: number, right: number): string {
  let text = left > 0 ? (cells.length > 0 && cells[0]!.start < left ? '…' : ' ') : ''
  for (const cell of cells) {
    if (cell.start < left) {
      // A wide character cut in half by the window leaves a gap: keep the columns aligned.
      const overhang = cell.start + cell.width - left
      if (overhang > 0) text += ' '.repeat(overhang)
      continue
    }
    if (cell.start + cell.width > right) return text + '…'
    text += cell.text
  }
  return text.trimEnd()
}

function show(character: string): string {
  const code = character.codePointAt(0)!
  if (code < 0x20) return String.fromCodePoint(0x24_00 + code)
  if (code === 0x7f) return '\u2421'
  if ((code >= 0x80 && code <= 0x9f) || inRanges(code, unsafe)) return '\uFFFD'
  return character
}

function inRanges(code: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const [start, end] = ranges[middle]!
    if (code < start) high = middle - 1
    else if (code > end) low = middle + 1
    else return true
  }
  return false
}

/** Lone surrogates, bidirectional formatting characters, line and paragraph separators. */
const unsafe: ReadonlyArray<readonly [number, number]> = [
  [0x20_28, 0x20_2e],
  [0x20_66, 0x20_69],
  [0xd8_00, 0xdf_ff]
]

/** Combining marks and zero-width characters (sorted, for the binary search). */
const zeroWidth: ReadonlyArray<readonly [number, number]> = [
  [0x03_00, 0x03_6f],
  [0x04_83, 0x04_89],
  [0x05_91, 0x05_bd],
  [0x06_10, 0x06_1a],
  [0x06_4b, 0x06_5f],
  [0x0e_31, 0x0e_31],
  [0x0e_34, 0x0e_3a],
  [0x0e_47, 0x0e_4e],
  [0x11_60, 0x11_ff], // Hangul jamo vowels and final consonants join the leading consonant's cell.
  [0x1a_b0, 0x1a_ff],
  [0x1d_c0, 0x1d_ff],
  [0x20_0b, 0x20_0f],
  [0x20_d0, 0x20_ff],
  [0x30_2a, 0x30_2d],
  [0x30_99, 0x30_9a],
  [0xd7_b0, 0xd7_ff],
  [0xfe_00, 0xfe_0f],
  [0xfe_20, 0xfe_2f],
  [0xfe_ff, 0xfe_ff],
  [0x1_f3_fb, 0x1_f3_ff],
  [0xe_01_00, 0xe_01_ef]
]

/** East Asian wide and fullwidth characters, and emoji shown wide (sorted). */
const wide: ReadonlyArray<readonly [number, number]> = [
  [0x11_00, 0x11_5f],
  [0x23_1a, 0x23_1b],
  [0x23_29, 0x23_2a],
  [0x23_e9, 0x23_ec],
  [0x23_f0, 0x23_f0],
  [0x23_f3, 0x23_f3],
  [0x25_fd, 0x25_fe],
  [0x26_14, 0x26_15],
  [0x26_48, 0x26_53],
  [0x26_7f, 0x26_7f],
  [0x26_93, 0x26_93],
  [0x26_a1, 0x26_a1],
  [0x26_aa, 0x26_ab],
  [0x26_bd, 0x26_be],
  [0x26_c4, 0x26_c5],
  [0x26_ce, 0x26_ce],
  [0x26_d4, 0x26_d4],
  [0x26_ea, 0x26_ea],
  [0x26_f2, 0x26_f3],
  [0x26_f5, 0x26_f5],
  [0x26_fa, 0x26_fa],
  [0x26_fd, 0x26_fd],
  [0x27_05, 0x27_05],
  [0x27_0a, 0x27_0b],
  [0x27_28, 0x27_28],
  [0x27_4c, 0x27_4c],
  [0x27_4e, 0x27_4e],
  [0x27_53, 0x27_55],
  [0x27_57, 0x27_57],
  [0x27_95, 0x27_97],
  [0x27_b0, 0x27_b0],
  [0x27_bf, 0x27_bf],
  [0x2b_1b, 0x2b_1c],
  [0x2b_50, 0x2b_50],
  [0x2b_55, 0x2b_55],
  [0x2e_80, 0x30_29],
  [0x30_2e, 0x30_3e],
  [0x30_41, 0x30_98],
  [0x30_9b, 0xa4_cf],
  [0xa9_60, 0xa9_7f],
  [0xac_00, 0xd7_a3],
  [0xf9_00, 0xfa_ff],
  [0xfe_10, 0xfe_19],
  [0xfe_30, 0xfe_6f],
  [0xff_00, 0xff_60],
  [0xff_e0, 0xff_e6],
  [0x1_6f_e0, 0x1_6f_e4],
  [0x1_b0_00, 0x1_b2_ff],
  [0x1_f0_04, 0x1_f0_04],
  [0x1_f1_8e, 0x1_f1_8e],
  [0x1_f1_91, 0x1_f1_9a],
  [0x1_f2_00, 0x1_f2_ff],
  [0x1_f3_00, 0x1_f3_fa],
  [0x1_f4_00, 0x1_f6_4f],
  [0x1_f6_80, 0x1_f6_ff],
  [0x1_f9_00, 0x1_fa_ff],
  [0x2_00_00, 0x3_ff_fd]
]
