/**
 * Split a raw post into its front matter and body: the only code that sees
 * the `---` fences.
 */

/** Where the front matter block is in the raw post. */
export interface FrontMatterBlock {
  /** Offset of the opening fence. */
  start: number
  /** Offset just after the closing fence's line ending (where the body starts). */
  end: number
  /** Offset of the first YAML character (after the opening fence's line ending). */
  contentStart: number
  /** Offset just after the YAML (the closing fence's line start). */
  contentEnd: number
}

/** A raw post, split. */
export interface SplitPost {
  /** Whether the post starts with a byte order mark. */
  bom: boolean
  /** The line ending used most. */
  eol: '\n' | '\r\n' | '\r'
  /** The front matter block, or null when there is none (or it is unclosed). */
  frontMatter: FrontMatterBlock | null
  /** True when an opening fence has no closing fence. */
  unclosed: boolean
  /** Offset where the body starts. */
  bodyStart: number
}

/**
 * Find the front matter fences and the body.
 *
 * The opening fence must be the first line (after a byte order mark); the
 * first later line that is `---` or `...` closes it, so `---` inside the
 * body is body. Trailing spaces and tabs on fences are allowed.
 *
 * Lines end where Jekyll ends them: at `\n` (so `\r\n` too). A lone `\r`
 * ends a line only in a file that has no `\n` at all (old Mac files);
 * U+2028 and U+2029 never do. Otherwise a post could close its front matter
 * at a place where Jekyll does not, and smuggle markup past one of the two.
 *
 * @param raw - The whole post.
 * @returns Where everything is.
 * @example
 * splitPost('---\ntitle: A\n---\n<p>b</p>').bodyStart
 * //=> 17
 */
export function splitPost(raw: string): SplitPost {
  const bom = raw.charCodeAt(0) === 0xfe_ff
  const start = bom ? 1 : 0
  const eol = dominantLineEnding(raw)
  const breaks = raw.includes('\n') ? '\n' : '\r'
  const none = {bom, eol, frontMatter: null, unclosed: false, bodyStart: start}

  const first = lineAt(raw, start, breaks)
  if (!isFence(raw, start, first.end, false)) return none
  if (first.next === first.end) return {...none, unclosed: true} // `---` alone at the very end.

  for (let line = lineAt(raw, first.next, breaks); ; line = lineAt(raw, line.next, breaks)) {
    if (isFence(raw, line.start, line.end, true)) {
      return {bom, eol, frontMatter: {start, end: line.next, contentStart: first.next, contentEnd: line.start}, unclosed: false, bodyStart: line.next}
    }
    if (line.next === line.end) return {...none, unclosed: true}
  }
}

/** The line starting at `start`: where its content ends and where the next line starts. */
function lineAt(raw: string, start: number, breaks: '\n' | '\r'): {start: number; end: number; next: number} {
  const index = raw.indexOf(breaks, start)
  if (index === -1) return {start, end: raw.length, next: raw.length}
  // `\r\n`: the `\r` is part of the line ending, not of the line.
  const end = breaks === '\n' && index > start && raw.charCodeAt(index - 1) === 13 ? index - 1 : index
  return {start, end, next: index + 1}
}

function isFence(raw: string, start: number, end: number, closing: boolean): boolean {
  const marker = raw.slice(start, start + 3)
  if (marker !== '---' && !(closing && marker === '...')) return false
  for (let index = start + 3; index < end; index++) {
    const code = raw.charCodeAt(index)
    if (code !== 32 && code !== 9) return false
  }
  return true
}

/**
 * The line ending a text uses most (`\n` when it has none).
 *
 * @param value - Any text.
 * @returns `'\n'`, `'\r\n'` or `'\r'`.
 * @example
 * dominantLineEnding('a\r\nb\r\nc\n')
 * //=> '\r\n'
 */
export function dominantLineEnding(value: string): '\n' | '\r\n' | '\r' {
  if (!value.includes('\r')) return '\n'
  let lf = 0
  let crlf = 0
  let cr = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 13) {
      if (value.charCodeAt(index + 1) === 10) {
        crlf++
        index++
      } else cr++
    } else if (code === 10) lf++
  }
  if (crlf >= lf && crlf >= cr) return '\r\n'
  return cr > lf ? '\r' : '\n'
}
