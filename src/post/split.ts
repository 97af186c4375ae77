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

// A fence line: three dashes (or dots to close), then only spaces or tabs.
const openingFence = /---[ \t]*(?:\r\n|\r|\n|$)/y
const closingFence = /^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/gm

/**
 * Find the front matter fences and the body.
 *
 * The opening fence must be the first line (after a byte order mark); the
 * first later line that is `---` or `...` closes it, so `---` inside the
 * body is body. Trailing spaces on fences are allowed.
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
  openingFence.lastIndex = start
  const open = openingFence.exec(raw)
  if (!open) return {bom, eol, frontMatter: null, unclosed: false, bodyStart: start}
  const contentStart = start + open[0].length
  // A fence with nothing after it on the last line cannot open a block.
  if (contentStart === raw.length && !/[\r\n]$/.test(open[0])) {
    return {bom, eol, frontMatter: null, unclosed: true, bodyStart: start}
  }

  closingFence.lastIndex = contentStart
  const close = closingFence.exec(raw)
  if (!close) return {bom, eol, frontMatter: null, unclosed: true, bodyStart: start}
  const end = close.index + close[0].length
  return {
    bom,
    eol,
    frontMatter: {start, end, contentStart, contentEnd: close.index},
    unclosed: false,
    bodyStart: end
  }
}

/**
 * The line ending a text uses most (`\n` when it has none).
 *
 * @param value - Any text.
 * @returns `'\n'`, `'\r\n'` or `'\r'`.
 */
export function dominantLineEnding(value: string): '\n' | '\r\n' | '\r' {
  let lf = 0
  let crlf = 0
  let cr = 0
  let index = value.indexOf('\r')
  if (index === -1) return '\n'
  for (index = 0; index < value.length; index++) {
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
