import type {Point} from '../types.ts'

/**
 * Turns offsets into 1-based lines and columns, built once per post.
 *
 * `\r\n`, `\r` and `\n` each end a line, as in the HTML and YAML specs.
 * A leading byte order mark is not a column: line 1 starts after it.
 *
 * @example
 * new LineIndex('a\nbc').point(3)
 * //=> {line: 2, column: 2, offset: 3}
 */
export class LineIndex {
  readonly #starts: number[]
  readonly #length: number

  /** @param value - The whole raw post. */
  constructor(value: string) {
    const starts = [value.charCodeAt(0) === 0xfe_ff ? 1 : 0]
    // indexOf finds line breaks far faster than a loop over every character.
    let lf = value.indexOf('\n')
    let cr = value.indexOf('\r')
    while (lf !== -1 || cr !== -1) {
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        // A `\r` ends a line unless a `\n` follows (then the `\n` does).
        if (cr + 1 !== lf) starts.push(cr + 1)
        cr = value.indexOf('\r', cr + 1)
      } else {
        starts.push(lf + 1)
        lf = value.indexOf('\n', lf + 1)
      }
    }
    this.#starts = starts
    this.#length = value.length
  }

  /**
   * The point at `offset` (clamped into the text).
   *
   * @param offset - 0-based UTF-16 offset into the raw post.
   * @returns The point, with a 1-based line and column.
   */
  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(Math.floor(offset) || 0, this.#length))
    const starts = this.#starts
    let low = 0
    let high = starts.length - 1
    // Binary search for the last line start at or before the offset.
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= clamped) low = middle
      else high = middle - 1
    }
    const start = starts[low] ?? 0
    return {line: low + 1, column: Math.max(1, clamped - start + 1), offset: clamped}
  }
}
