/**
 * Read a tag's extent the way a browser's tokenizer does, for the string
 * pre-pass that caps nesting before parsing (`limit-nesting.ts`) and for
 * finding where a run's text ends in the source (`flatten.ts`): both look at
 * source text where there is no tree yet, or none for that text.
 */

/** A tag as a browser's tokenizer reads it. */
export interface ScannedTag {
  name: string
  attributes: Array<[name: string, value: string | undefined]>
  end: number
}

/**
 * Read a tag from its name on, following the tokenizer states of the HTML
 * standard (<https://html.spec.whatwg.org/multipage/parsing.html#tag-name-state>),
 * so the tag ends exactly where a browser ends it. Undefined at the end of input.
 */
export function scanTag(html: string, from: number): ScannedTag | undefined {
  const attributes: ScannedTag['attributes'] = []
  const nameEnd = tagNameEnd(html, from)
  const end = readTag(html, nameEnd, attributes)
  if (end === -1) return undefined
  return {name: html.slice(from, nameEnd).toLowerCase(), attributes, end}
}

/**
 * Where a tag read from its name on ends (after its `>`), as `scanTag` reads
 * it but without building anything: for callers that need only the end.
 *
 * @returns The offset after the tag, or -1 at the end of input.
 */
export function tagEnd(html: string, from: number): number {
  return readTag(html, tagNameEnd(html, from), undefined)
}

/** The tokenizer walk behind `scanTag` and `tagEnd`, from the end of the tag's name: attributes are collected only when asked for. */
function readTag(html: string, nameEnd: number, attributes: ScannedTag['attributes'] | undefined): number {
  const length = html.length
  // Names and values are sliced, not built a character at a time: every `+=` would be a new string.
  let index = nameEnd
  while (index < length) {
    // Before attribute name.
    while (index < length && isSpace(html.charCodeAt(index))) index++
    if (index >= length) return -1
    if (html[index] === '>') return index + 1
    if (html[index] === '/') {
      index++
      continue
    }
    // Attribute name: a leading `=` is part of it.
    const nameStart = index++
    while (index < length && !isSpace(html.charCodeAt(index)) && html[index] !== '/' && html[index] !== '>' && html[index] !== '=') index++
    const nameEnd = index
    // After attribute name.
    let afterName = index
    while (afterName < length && isSpace(html.charCodeAt(afterName))) afterName++
    if (html[afterName] !== '=') {
      attributes?.push([html.slice(nameStart, nameEnd).toLowerCase(), undefined])
      index = afterName
      continue
    }
    index = afterName + 1
    while (index < length && isSpace(html.charCodeAt(index))) index++
    if (index >= length) return -1
    const quote = html[index]
    let valueStart = index
    let valueEnd = index
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, index + 1)
      if (close === -1) return -1
      valueStart = index + 1
      valueEnd = close
      index = close + 1
    } else if (quote !== '>') {
      while (index < length && !isSpace(html.charCodeAt(index)) && html[index] !== '>') index++
      valueEnd = index
    }
    attributes?.push([html.slice(nameStart, nameEnd).toLowerCase(), html.slice(valueStart, valueEnd)])
  }
  return -1
}

/** Where a tag's name read from `from` ends: at white space, `/` or `>` (or the end of input). */
function tagNameEnd(html: string, from: number): number {
  let index = from
  while (index < html.length && !endsTagName(html.charCodeAt(index))) index++
  return index
}

/**
 * Where the last `</` starting at or before `from` and at or after `min` is,
 * or -1: `text.lastIndexOf('</', from)`, without looking past `min`. An
 * element's end tag is looked for within its own source; unbounded, each
 * search that finds none would read back to the body's start, and a body of
 * many elements without end tags (`<p>a<p>b…`) would take the square of its
 * length.
 *
 * @example
 * lastEndTagStart('<p>a</b><p>c', 11, 8)
 * //=> -1
 */
export function lastEndTagStart(text: string, from: number, min: number): number {
  for (let index = Math.min(from, text.length - 2); index >= min; index--) {
    if (text.charCodeAt(index) === 60 /* < */ && text.charCodeAt(index + 1) === 47 /* / */) return index
  }
  return -1
}

/** Whether a character ends a tag's name, as a browser's tokenizer reads it: HTML white space, `/` or `>`. */
export function endsTagName(code: number): boolean {
  return isSpace(code) || code === 47 /* / */ || code === 62 /* > */
}

/** HTML white space: tab, line feed, form feed, carriage return, space. */
export function isSpace(code: number): boolean {
  return code === 9 || code === 10 || code === 12 || code === 13 || code === 32
}

/**
 * Whether a text holds only HTML white space from `start` to `end` (true when empty): inter-element white space.
 *
 * @example
 * isSpaces(' \n\t')
 * //=> true
 */
export function isSpaces(value: string, start = 0, end = value.length): boolean {
  for (let index = start; index < end; index++) if (!isSpace(value.charCodeAt(index))) return false
  return true
}
