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
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index)
      if (code === 10 /* \n */) starts.push(index + 1)
      else if (code === 13 /* \r */ && value.charCodeAt(index + 1) !== 10) starts.push(index + 1)
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
