/**
 * Sanitiser for the value of an HTML `style` attribute.
 *
 * Declarations are split the way CSS does (on `;` outside strings, comments
 * and brackets, see <https://drafts.csswg.org/css-syntax-3/#consume-list-of-declarations>),
 * then each one must pass three gates: clean syntax, an allowed property and
 * a plain value (keywords, numbers, lengths, colours, a few functions).
 * Whatever is kept is self-contained (balanced, no escapes, no comments), so
 * a browser re-parsing the output sees exactly the declarations we checked.
 * Everything runs in one linear pass; no regex can backtrack.
 */

import {isSafeUrl} from './url.ts'

/** One declaration that `sanitizeStyle` dropped. */
export interface StyleRemoval {
  /** Lower-cased property name ('' when the declaration could not be parsed). */
  property: string
  /** The declaration's text as written (trimmed). */
  declaration: string
  /** Why: 'property' (not allowed), 'value' (dangerous or non-plain value), 'syntax' (unparsable / comment / escape). */
  reason: 'property' | 'value' | 'syntax'
  /** UTF-16 offset of the declaration in the input value. */
  offset: number
}

/** What `sanitizeStyle` returns. */
export interface StyleResult {
  /** The sanitised value: the input itself when nothing was removed. */
  value: string
  /** Dropped declarations, in input order. */
  removed: StyleRemoval[]
}

/** Configuration for `sanitizeStyle` and `isSafeStyle`. */
export interface StyleOptions {
  /**
   * Extra allowed property names (lower case), merged over the defaults
   * (default: none). Properties that can overlay the page or load resources
   * (`z-index`, `top`, `content`, `--*`, …) stay dropped even when listed,
   * and values are checked as for every other property.
   */
  allowProperties?: readonly string[] | null
}

/**
 * Properties kept by default: text, font, box and border styling seen in
 * real posts, none of which can load a resource or leave the flow.
 *
 * @example
 * defaultStyleProperties.includes('font-family')
 * //=> true
 */
export const defaultStyleProperties: readonly string[] = Object.freeze([
  'color', 'background-color', 'background',
  'text-align', 'text-decoration', 'text-decoration-line', 'text-decoration-color',
  'text-decoration-style', 'text-decoration-thickness', 'text-indent', 'text-transform',
  'font', 'font-family', 'font-size', 'font-style', 'font-weight', 'font-stretch', 'font-variant',
  'font-variant-caps', 'font-variant-east-asian', 'font-variant-ligatures', 'font-variant-numeric',
  'line-height', 'letter-spacing', 'word-spacing', 'word-break', 'word-wrap', 'overflow-wrap',
  'white-space', 'vertical-align',
  'width', 'height', 'min-width', 'min-height', 'max-width', 'max-height',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border', 'border-top', 'border-right', 'border-bottom', 'border-left',
  'border-width', 'border-style', 'border-color',
  ...['top', 'right', 'bottom', 'left'].flatMap((side) =>
    ['width', 'style', 'color'].map((part) => `border-${side}-${part}`)),
  'border-collapse', 'border-spacing', 'border-radius', 'border-top-left-radius',
  'border-top-right-radius', 'border-bottom-right-radius', 'border-bottom-left-radius',
  'list-style-type', 'float', 'clear', 'display', 'box-sizing', 'direction',
  // Inert in every value a plain value can be (SECURITY.md, "Inert markup, kept"): clipping and
  // scrolling inside the element's own box, list markers (an image marker needs `url()`), table
  // layout, page breaking, Office's and WebKit's text styling, the background's sub-properties.
  // `background` and `background-image` may hold one image `url()` (see `urlProperties`);
  // `position` and `visibility` only with the values in `valueSets`.
  'overflow', 'overflow-x', 'overflow-y', 'list-style', 'list-style-position', 'table-layout',
  'orphans', 'widows', 'text-autospace', '-webkit-text-stroke', '-webkit-text-stroke-width',
  '-webkit-text-stroke-color', 'background-attachment', 'background-clip', 'background-image',
  'background-origin', 'background-position', 'background-repeat', 'background-size',
  'position', 'visibility'
])

type Reason = StyleRemoval['reason']

interface Declaration {
  /** Offset of the first non-white-space character. */
  start: number
  /** Offset after the last non-white-space character. */
  end: number
  /** Contains an escape, comment, control character or unbalanced bracket or string. */
  broken: boolean
}

const emptyOptions: Readonly<StyleOptions> = Object.freeze({})
const defaultAllowed: ReadonlySet<string> = new Set(defaultStyleProperties)
// Never allowed, even through `allowProperties`: they overlay or hide the
// page, run code (IE `behavior`, Firefox XBL) or load resources.
const denied: ReadonlySet<string> = new Set([
  'z-index', 'content', 'behavior', '-moz-binding', 'binding',
  'filter', 'clip', 'clip-path', 'transform', 'opacity', 'cursor', 'pointer-events',
  'top', 'left', 'right', 'bottom', 'list-style-image', 'border-image', 'border-image-source'
])
const deniedPrefixes = ['--', 'mask', 'inset']
const vendorPrefix = /^-(?:webkit|moz|ms|o)-/
// `display: none` and friends could hide content; only flow layouts stay.
const displayValues: ReadonlySet<string> = new Set([
  'inline', 'block', 'inline-block', 'list-item', 'table', 'inline-table', 'table-row',
  'table-cell', 'table-caption', 'table-column', 'table-column-group', 'table-header-group',
  'table-footer-group', 'table-row-group'
])
// Properties kept only with some values. `position`: `static` and `relative` stay in the flow (the
// offsets that would move a relative box, `top`/`left`/`inset`…, are denied); `absolute`, `fixed`
// and `sticky` can lay the element over the page. `visibility`: `hidden` and `collapse` hide content,
// as `display: none` would.
const valueSets: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['display', displayValues],
  ['position', new Set(['static', 'relative'])],
  ['visibility', new Set(['visible'])]
])
// Microsoft Office's own properties (`mso-…`), which no browser implements: ignored, so inert.
const inertPrefixes = ['mso-']
const functions: ReadonlySet<string> = new Set(['rgb', 'rgba', 'hsl', 'hsla', 'calc'])
// Properties whose value may hold one `url()`: a background image, loaded as an `<img src>` is, so
// under the image rule (http, https or relative; SECURITY.md, "Backgrounds"). Any other property's
// `url()` (list markers, cursors, `content`, masks, border images, filters) is still refused.
const urlProperties: ReadonlySet<string> = new Set(['background', 'background-image'])
const imageProtocols: readonly string[] = ['http', 'https']
// Font names are the only place real posts need quotes or non-ASCII words.
const textProperties: ReadonlySet<string> = new Set(['font', 'font-family'])
// Belt and braces: the value scanner already rejects all of these.
const blockedFragments = [
  'url(', 'expression(', 'image(', 'image-set(', 'element(', 'var(', 'attr(', '@import',
  'javascript:', 'behavior', '-moz-binding', '<', '>', '\\', '/*'
]
const asciiUpper = /[A-Z]/g
const inertWords = /^[#\w.\t\n\f\r -]+$/

const codes = {
  tab: 0x09, lineFeed: 0x0a, formFeed: 0x0c, carriageReturn: 0x0d, space: 0x20,
  exclamationMark: 0x21, quotationMark: 0x22, numberSign: 0x23, percentSign: 0x25,
  apostrophe: 0x27, leftParenthesis: 0x28, rightParenthesis: 0x29, asterisk: 0x2a,
  plusSign: 0x2b, comma: 0x2c, dash: 0x2d, dot: 0x2e, slash: 0x2f, digit0: 0x30, digit9: 0x39,
  colon: 0x3a, semicolon: 0x3b, leftSquareBracket: 0x5b, backslash: 0x5c,
  rightSquareBracket: 0x5d, underscore: 0x5f, leftCurlyBrace: 0x7b, rightCurlyBrace: 0x7d
} as const

/**
 * Keep only the harmless declarations of a `style` attribute value.
 *
 * Returns `value` itself (byte for byte) when nothing was removed. Otherwise
 * the kept declarations, trimmed and as written, are joined with `'; '`, with
 * a final `;` when the input ended with one. Empty declarations (`;;`) are
 * never reported. A declaration is dropped for its `syntax` (no colon, bad
 * property name, escape, comment, control character, unbalanced quote or
 * bracket), its `property` (not allowed, or always denied) or its `value`
 * (anything but keywords, numbers, dimensions, percentages, `#hex`, commas,
 * `/`, `!important`, `rgb()`/`rgba()`/`hsl()`/`hsla()`/`calc()`, quoted
 * or non-ASCII font names in `font`/`font-family`, and one http(s),
 * relative or empty `url()` in `background`/`background-image`).
 *
 * @param value - The decoded attribute value.
 * @param options - Extra allowed properties (optional).
 * @returns The sanitised value and what was removed.
 * @throws {TypeError} When `value` is not a string.
 * @example
 * sanitizeStyle('color: red; position: fixed;')
 * //=> {value: 'color: red;', removed: [{property: 'position', declaration: 'position: fixed', reason: 'value', offset: 12}]}
 */
export function sanitizeStyle(value: string, options?: StyleOptions | null): StyleResult {
  const allowed = allowedProperties(options)
  const {declarations, trailing} = split(value)
  const removed: StyleRemoval[] = []
  const kept: string[] = []

  for (const {start, end, broken} of declarations) {
    const declaration = value.slice(start, end)
    const problem = check(declaration, broken, allowed)
    if (problem) removed.push({property: problem.property, declaration, reason: problem.reason, offset: start})
    else kept.push(declaration)
  }

  if (removed.length === 0) return {value, removed}
  return {value: kept.join('; ') + (trailing && kept.length > 0 ? ';' : ''), removed}
}

/**
 * Check whether `sanitizeStyle` would keep a `style` value unchanged.
 *
 * Same rules, but stops at the first bad declaration and builds nothing.
 *
 * @param value - The decoded attribute value.
 * @param options - Extra allowed properties (optional).
 * @returns `true` when nothing would be removed.
 * @throws {TypeError} When `value` is not a string.
 * @example
 * isSafeStyle('width: 100%; border-collapse: collapse;')
 * //=> true
 * isSafeStyle('background: url(javascript:alert(1))')
 * //=> false
 */
export function isSafeStyle(value: string, options?: StyleOptions | null): boolean {
  const allowed = allowedProperties(options)
  for (const {start, end, broken} of split(value).declarations) {
    if (check(value.slice(start, end), broken, allowed)) return false
  }
  return true
}

function allowedProperties(options: StyleOptions | null | undefined): ReadonlySet<string> {
  const extra = (options || emptyOptions).allowProperties
  if (!extra || extra.length === 0) return defaultAllowed
  return new Set([...defaultStyleProperties, ...extra.map(asciiLowercase)])
}

/** Split at top-level `;`; trim CSS white space; skip empty declarations. */
function split(value: string): {declarations: Declaration[], trailing: boolean} {
  if (typeof value !== 'string') throw new TypeError('Expected `value` to be a string')
  const declarations: Declaration[] = []
  let start = 0
  let depth = 0
  let quote = 0 // Code of the open quote, 0 outside strings.
  let broken = false
  let index = 0

  while (index < value.length) {
    const code = value.charCodeAt(index)
    if (isControl(code)) broken = true

    if (code === codes.backslash) {
      // Escapes are never kept, but skip the escaped character as CSS does so
      // `\;` or `\"` do not split or open anything.
      broken = true
      index += 2
      continue
    }

    if (code === codes.slash && value.charCodeAt(index + 1) === codes.asterisk) {
      broken = true
      // Inside a string `/*` is text, but we drop it anyway.
      if (quote === 0) {
        const close = value.indexOf('*/', index + 2)
        index = close === -1 ? value.length : close + 2
        continue
      }
    }

    if (quote !== 0) {
      if (code === quote) quote = 0
      else if (code === codes.lineFeed || code === codes.carriageReturn || code === codes.formFeed) {
        // A newline ends a string as a bad string:
        // <https://drafts.csswg.org/css-syntax-3/#consume-string-token>.
        quote = 0
        broken = true
      }
    } else if (code === codes.quotationMark || code === codes.apostrophe) {
      quote = code
    } else if (code === codes.leftParenthesis || code === codes.leftSquareBracket || code === codes.leftCurlyBrace) {
      depth++
    } else if (code === codes.rightParenthesis || code === codes.rightSquareBracket || code === codes.rightCurlyBrace) {
      if (depth === 0) broken = true
      else depth--
    } else if (code === codes.semicolon && depth === 0) {
      push(declarations, value, start, index, broken)
      start = index + 1
      broken = false
    }

    index++
  }

  const last = declarations.length
  push(declarations, value, start, value.length, broken || quote !== 0 || depth !== 0)
  return {declarations, trailing: start > 0 && declarations.length === last}
}

function push(declarations: Declaration[], value: string, start: number, end: number, broken: boolean): void {
  while (start < end && isWhiteSpace(value.charCodeAt(start))) start++
  while (end > start && isWhiteSpace(value.charCodeAt(end - 1))) end--
  if (start < end) declarations.push({start, end, broken})
}

/** Find what is wrong with one trimmed declaration, if anything. */
function check(text: string, broken: boolean, allowed: ReadonlySet<string>): {property: string, reason: Reason} | undefined {
  const colon = text.indexOf(':')
  let nameEnd = colon
  while (nameEnd > 0 && isWhiteSpace(text.charCodeAt(nameEnd - 1))) nameEnd--
  const name = colon === -1 ? '' : text.slice(0, nameEnd)
  const property = isIdentifier(name) ? asciiLowercase(name) : ''

  // A run of words, numbers and `#` words with no colon (`ee2323`, a colour missing its property)
  // is no declaration: a browser skips it, so it is inert and kept as written.
  if (!broken && colon === -1 && inertWords.test(text)) return undefined
  if (broken || property === '') return {property, reason: 'syntax'}
  if (!(allowed.has(property) || inertPrefixes.some((prefix) => property.startsWith(prefix))) || isDenied(property)) return {property, reason: 'property'}
  if (!isPlainValue(property, text.slice(colon + 1))) return {property, reason: 'value'}
  return undefined
}

function isDenied(property: string): boolean {
  const bare = property.replace(vendorPrefix, '')
  return denied.has(bare) || deniedPrefixes.some((prefix) => property.startsWith(prefix) || bare.startsWith(prefix))
}

function isPlainValue(property: string, value: string): boolean {
  const lower = asciiLowercase(value)
  const allowUrl = urlProperties.has(property)
  if (blockedFragments.some((fragment) => lower.includes(fragment) && !(allowUrl && fragment === 'url('))) return false
  const end = scanValue(value, textProperties.has(property), allowUrl)
  if (end === -1) return false
  const values = valueSets.get(property)
  return !values || values.has(lower.slice(0, end).trim())
}

/**
 * Walk a value token by token; return where it ends before `!important`,
 * or -1 when a token is not plain. With `allowUrl`, one image `url()` at
 * the top level is plain too.
 */
function scanValue(value: string, allowText: boolean, allowUrl = false): number {
  let depth = 0 // Inside allowed functions and `calc()` groups.
  let tokens = 0
  let urls = 0
  let index = 0

  while (index < value.length) {
    const code = value.charCodeAt(index)

    if (isWhiteSpace(code) || code === codes.comma || code === codes.slash) {
      index++
      continue
    }

    if (code === codes.quotationMark || code === codes.apostrophe) {
      if (!allowText || depth > 0) return -1
      // The splitter already dropped strings that do not close on their line.
      const close = value.indexOf(String.fromCharCode(code), index + 1)
      if (close === -1) return -1
      index = close + 1
      tokens++
      continue
    }

    if (code === codes.numberSign) {
      // Any hash token, not only a hex colour: `#e5e5e5text-decoration` is a colour a browser
      // refuses, so the declaration is dropped by the browser; a hash token never loads or runs anything.
      const end = identifierEnd(value, index + 1)
      if (depth > 0 || end === index + 1) return -1
      index = end
      tokens++
      continue
    }

    // A colon outside functions (`color: #fff text-decoration: none`, two declarations missing their
    // `;`) makes the value invalid: the browser drops the declaration, nothing else.
    if (code === codes.colon && depth === 0 && tokens > 0) {
      index++
      continue
    }

    if (startsNumber(value, index)) {
      index = numberEnd(value, index)
      if (value.charCodeAt(index) === codes.percentSign) index++
      else if (startsIdentifier(value, index)) index = identifierEnd(value, index)
      tokens++
      continue
    }

    if (startsIdentifier(value, index)) {
      const end = identifierEnd(value, index)
      const word = value.slice(index, end)
      // Non-ASCII words are fine in font names only: elsewhere they are no
      // keyword, and full-width look-alikes such as `ｕｒｌ（` are just noise.
      if (!allowText && !/^[\w-]+$/.test(word)) return -1
      if (value.charCodeAt(end) === codes.leftParenthesis) {
        if (allowUrl && depth === 0 && urls === 0 && asciiLowercase(word) === 'url') {
          index = imageUrlEnd(value, end + 1)
          if (index === -1) return -1
          urls++
          tokens++
          continue
        }
        if (!functions.has(asciiLowercase(word))) return -1
        depth++
        index = end + 1
      } else {
        index = end
      }

      tokens++
      continue
    }

    if (depth > 0 && (code === codes.plusSign || code === codes.dash || code === codes.asterisk || code === codes.leftParenthesis)) {
      if (code === codes.leftParenthesis) depth++
      index++
      continue
    }

    if (depth > 0 && code === codes.rightParenthesis) {
      depth--
      index++
      continue
    }

    if (code === codes.exclamationMark && depth === 0 && tokens > 0) {
      const core = index
      index++
      while (isWhiteSpace(value.charCodeAt(index))) index++
      const end = identifierEnd(value, index)
      if (asciiLowercase(value.slice(index, end)) !== 'important') return -1
      index = end
      while (isWhiteSpace(value.charCodeAt(index))) index++
      return index === value.length ? core : -1
    }

    return -1
  }

  return depth === 0 && tokens > 0 ? value.length : -1
}

/**
 * The end of an image `url(…)` whose argument starts at `index`, or -1.
 *
 * Stricter than CSS (<https://drafts.csswg.org/css-syntax-3/#consume-url-token>):
 * the URL is quoted or unquoted, with no white space, quote, parenthesis,
 * bracket, brace or `;` inside (the splitter already refused escapes,
 * comments, controls and unbalanced quotes), and is empty, relative or
 * http(s), as an `<img src>` must be. An empty `url()` loads nothing.
 */
function imageUrlEnd(value: string, index: number): number {
  while (isWhiteSpace(value.charCodeAt(index))) index++
  const quote = value.charCodeAt(index)
  const quoted = quote === codes.quotationMark || quote === codes.apostrophe
  if (quoted) index++
  const start = index
  while (index < value.length && isUrlCharacter(value.charCodeAt(index))) index++
  const url = value.slice(start, index)
  if (quoted) {
    if (value.charCodeAt(index) !== quote) return -1
    index++
  }
  while (isWhiteSpace(value.charCodeAt(index))) index++
  if (value.charCodeAt(index) !== codes.rightParenthesis) return -1
  return isSafeUrl(url, imageProtocols) ? index + 1 : -1
}

function isUrlCharacter(code: number): boolean {
  return code > codes.space && code !== codes.quotationMark && code !== codes.apostrophe &&
    code !== codes.leftParenthesis && code !== codes.rightParenthesis && code !== codes.semicolon &&
    code !== codes.backslash && code !== codes.leftSquareBracket && code !== codes.rightSquareBracket &&
    code !== codes.leftCurlyBrace && code !== codes.rightCurlyBrace && !isControl(code)
}

/** `[+-]?` then digits, optionally a fraction and exponent. */
function startsNumber(value: string, index: number): boolean {
  let code = value.charCodeAt(index)
  if (code === codes.plusSign || code === codes.dash) code = value.charCodeAt(++index)
  if (code === codes.dot) code = value.charCodeAt(index + 1)
  return isDigit(code)
}

function numberEnd(value: string, index: number): number {
  const code = value.charCodeAt(index)
  if (code === codes.plusSign || code === codes.dash) index++
  while (isDigit(value.charCodeAt(index))) index++
  if (value.charCodeAt(index) === codes.dot && isDigit(value.charCodeAt(index + 1))) {
    index++
    while (isDigit(value.charCodeAt(index))) index++
  }

  // `| 0x20` lower-cases an ASCII letter: `e` or `E`.
  if ((value.charCodeAt(index) | 0x20) === 0x65) {
    let next = index + 1
    const sign = value.charCodeAt(next)
    if (sign === codes.plusSign || sign === codes.dash) next++
    if (isDigit(value.charCodeAt(next))) {
      index = next
      while (isDigit(value.charCodeAt(index))) index++
    }
  }

  return index
}

/** <https://drafts.csswg.org/css-syntax-3/#would-start-an-identifier> (escapes are already gone). */
function startsIdentifier(value: string, index: number): boolean {
  const code = value.charCodeAt(index)
  if (code === codes.dash) {
    const next = value.charCodeAt(index + 1)
    return next === codes.dash || isNameStart(next)
  }

  return isNameStart(code)
}

function identifierEnd(value: string, index: number): number {
  while (index < value.length && isName(value.charCodeAt(index))) index++
  return index
}

function isIdentifier(name: string): boolean {
  return name !== '' && startsIdentifier(name, 0) && identifierEnd(name, 0) === name.length
}

function isNameStart(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === codes.underscore || code >= 0x80
}

function isName(code: number): boolean {
  return isNameStart(code) || isDigit(code) || code === codes.dash
}

function isDigit(code: number): boolean {
  return code >= codes.digit0 && code <= codes.digit9
}

/** CSS white space: <https://drafts.csswg.org/css-syntax-3/#whitespace>. */
function isWhiteSpace(code: number): boolean {
  return code === codes.space || code === codes.tab || code === codes.lineFeed ||
    code === codes.carriageReturn || code === codes.formFeed
}

/** C0 (except white space), DEL and C1 controls, NUL included. */
function isControl(code: number): boolean {
  return (code < codes.space && !isWhiteSpace(code)) || (code >= 0x7f && code <= 0x9f)
}

/** CSS matches property names and keywords ASCII case-insensitively; `toLowerCase` would turn the Kelvin sign into `k`. */
function asciiLowercase(value: string): string {
  return value.replace(asciiUpper, (char) => char.toLowerCase())
}
