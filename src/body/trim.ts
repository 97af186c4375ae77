/**
 * Trimming by a loop rather than a regular expression: `/^[…]+|[…]+$/g`
 * tries its second branch at every position of a long run of those
 * characters inside the string, and fails at each, which is quadratic in the
 * run's length (80 KB of spaces in one URL took seconds).
 */

/**
 * `value` without the characters `drop` accepts at its start and its end.
 *
 * @param value - Any string.
 * @param drop - Whether a UTF-16 code unit is trimmed.
 * @returns The trimmed string (`value` itself when nothing is trimmed).
 * @example
 * trimWhere(' \ta b\n', (code) => code <= 0x20)
 * //=> 'a b'
 */
export function trimWhere(value: string, drop: (code: number) => boolean): string {
  let start = 0
  let end = value.length
  while (start < end && drop(value.charCodeAt(start))) start++
  while (end > start && drop(value.charCodeAt(end - 1))) end--
  return start === 0 && end === value.length ? value : value.slice(start, end)
}
