import type {Properties} from 'hast'
import {checkProperty, isAllowedSandbox, isSafeComment} from '../body/sanitize.ts'
import {embedHost} from '../body/url.ts'
import {propertyInfo} from '../body/attribute-name.ts'
import {documentTags, scanTag} from '../body/tag-scanner.ts'
import type {Policy} from './policy.ts'

/*
 * A strict, linear check that an HTML string can be written out exactly as
 * it is. It accepts only a subset of HTML in which a browser's tokenizer
 * never leaves the data state between tags: complete tags with allowed
 * names and attributes, complete safe comments, and text. Raw-text and
 * foreign elements (`script`, `style`, `textarea`, `svg`, …) are never in
 * the schema, and an `<iframe>` must be empty, so there is no second
 * tokenizer state for a payload to hide in. Anything else returns false and
 * the caller sanitises the string properly instead: this check only decides
 * whether the source can be reused byte for byte.
 */

const whitespace = /[\t\n\f\r ]*/y

// Called on the string rather than looked up on it: a lookup that has seen the many
// representations of an Article's strings (sliced, flat, one- or two-byte) is slow.
const {charCodeAt, includes, indexOf, slice} = String.prototype

/**
 * Whether `html` may be emitted verbatim under `policy`. A string accepted
 * once is remembered in `policy.verbatim` (when the caller gives one).
 *
 * @param html - A fragment of HTML.
 * @param policy - Schema and embed hosts.
 * @returns True when it is safe to reuse as is.
 * @example
 * const policy = {schema: defaultSchema, embedHosts: defaultEmbedHosts}
 * isVerbatimSafe('<p data-ke-size="size16">Hi</p>', policy)
 * //=> true
 * isVerbatimSafe('<p onclick="alert(1)">Hi</p>', policy)
 * //=> false
 */
export function isVerbatimSafe(html: string, policy: Policy): boolean {
  // A string accepted before in this call (posts repeat their layout; a rewrite repeats the post) is accepted again.
  if (policy.verbatim?.has(html)) return true
  if (!scanIsSafe(html, policy)) return false
  policy.verbatim?.add(html)
  return true
}

/** The check itself: one pass over the tags and comments, text skipped. */
function scanIsSafe(html: string, policy: Policy): boolean {
  if (includes.call(html, '\u0000')) return false
  let index = 0
  while (true) {
    const open = indexOf.call(html, '<', index)
    if (open === -1) return true
    const next = charCodeAt.call(html, open + 1)
    if (next === 33 /* ! */) {
      index = comment(html, open, policy)
    } else if (next === 47 /* / */ || isAsciiAlpha(next)) {
      // A tag this call accepted before, written the same, is accepted again without a scan:
      // its text up to the first `>` is all the scan would read (no accepted tag looks further).
      const tags = policy.tags
      const close = tags ? indexOf.call(html, '>', open + 2) : -1
      if (close !== -1 && tags!.has(slice.call(html, open, close + 1))) {
        index = close + 1
        continue
      }
      index = next === 47 ? endTag(html, open, policy) : startTag(html, open, policy)
    } else if (next === 63 /* ? */ || Number.isNaN(next)) {
      return false // `<?` is a bogus comment; a lone `<` at the end is ambiguous across pieces.
    } else {
      index = open + 1 // `<` before anything else is text.
    }
    if (index === -1) return false
  }
}

function comment(html: string, open: number, policy: Policy): number {
  if (!html.startsWith('<!--', open)) return -1
  const close = html.indexOf('-->', open + 4)
  if (close === -1) return -1
  const value = html.slice(open + 4, close)
  if (!policy.schema.allowComments || !isSafeComment(value)) return -1
  return close + 3
}

function endTag(html: string, open: number, policy: Policy): number {
  // `</` then a letter starts an end tag; anything else there is a bogus comment or ignored: refuse.
  if (!isAsciiAlpha(html.charCodeAt(open + 2))) return -1
  const tag = scanTag(html, open + 2)
  if (!tag) return -1
  // End tags cannot switch the tokenizer's state, and their attributes are ignored: only the name matters.
  return isAllowedTag(tag.name, policy) || !startsRawText(tag.name) ? accepted(html, open, tag.end, policy) : -1
}

/** Remember a tag accepted in this call, by its exact text; returns where it ends. */
function accepted(html: string, open: number, end: number, policy: Policy): number {
  policy.tags?.add(slice.call(html, open, end))
  return end
}

function startTag(html: string, open: number, policy: Policy): number {
  const tag = scanTag(html, open + 1)
  if (!tag) return -1
  // Inside a body, `<html>`, `<head>` and `<body>` tags do nothing, unless their attributes
  // are copied onto the page's own elements (`<body onload>`): only bare ones pass.
  if (documentTags.has(tag.name)) return tag.attributes.length === 0 ? accepted(html, open, tag.end, policy) : -1
  if (!isAllowedTag(tag.name, policy)) return -1
  let sandboxed = false
  let src: string | undefined
  for (const [name, value] of tag.attributes) {
    if (!isAllowedAttribute(tag.name, name, value, policy)) return -1
    if (name === 'sandbox') sandboxed = isAllowedSandbox(value ?? '')
    if (name === 'src') src = value
  }
  if (tag.name === 'iframe') {
    // An iframe's content is raw text to a browser: it must be empty, from an allowed host, sandboxed.
    const host = src === undefined ? undefined : embedHost(src)
    if (!sandboxed || !host || !policy.embedHosts.includes(host)) return -1
    whitespace.lastIndex = tag.end
    whitespace.exec(html)
    if (!/^<\/iframe[\t\n\f\r ]*>/i.test(html.slice(whitespace.lastIndex, whitespace.lastIndex + 24))) return -1
    // Not remembered: an iframe's check reads on, past its start tag, to the end tag.
    return tag.end
  }
  return accepted(html, open, tag.end, policy)
}

function startsRawText(name: string): boolean {
  return rawText.has(name)
}

function isAllowedTag(name: string, policy: Policy): boolean {
  const {schema} = policy
  if (name === 'iframe') return Boolean(schema.tagNames?.includes('iframe'))
  return Boolean(schema.tagNames?.includes(name)) && !rawText.has(name)
}

// Elements whose content a browser does not tokenize as HTML, or that switch namespaces.
const rawText = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'noscript', 'plaintext', 'template', 'svg', 'math', 'select', 'iframe', 'object', 'embed'])

function isAllowedAttribute(tag: string, attribute: string, value: string | undefined, policy: Policy): boolean {
  if (attribute.startsWith('on')) return false
  const info = propertyInfo(attribute)
  const raw = value ?? ''
  const decoded = decode(raw)
  // Where the exact value matters (CSS, ids), an unknown reference is refused.
  if (decoded === undefined) {
    if (attribute === 'style' || attribute === 'id' || attribute === 'name') return false
  }
  const text = decoded ?? raw
  let property: Properties[string]
  if (info.boolean || (info.overloadedBoolean && raw === '')) property = true
  else if (info.spaceSeparated) property = text.split(/[\t\n\f\r ]+/).filter(Boolean)
  else if (info.commaSeparated) property = text.split(',').map((item) => item.trim()).filter(Boolean)
  else if (info.number && /^-?\d+$/.test(text.trim())) property = Number(text)
  else property = text
  // A character reference inside a URL's scheme is read differently by browsers; refuse it.
  if ((info.property === 'href' || info.property === 'src' || info.property === 'srcSet' || info.property === 'cite' || info.property === 'poster' || info.property === 'longDesc') && schemeHasReference(raw)) return false
  return checkProperty(policy.schema, tag, info.property, property, policy).ok
}

function schemeHasReference(value: string): boolean {
  const ampersand = value.indexOf('&')
  if (ampersand === -1) return false
  const end = value.search(/[/?#]/)
  return end === -1 || ampersand < end
}

const references: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'}

/** Decode the character references we know; undefined when there is one we do not. */
function decode(value: string): string | undefined {
  if (!value.includes('&')) return value
  let failed = false
  const result = value.replace(/&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[a-zA-Z][a-zA-Z0-9]*;?)?/g, (match, body: string | undefined) => {
    if (!body) return match // A lone `&` is text.
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10)
      if (code === 0 || code > 0x10_ff_ff || (code >= 0xd8_00 && code <= 0xdf_ff)) {
        failed = true
        return ''
      }
      return String.fromCodePoint(code)
    }
    if (body.endsWith(';') && Object.hasOwn(references, body.slice(0, -1))) return references[body.slice(0, -1)]!
    failed = true
    return ''
  })
  return failed ? undefined : result
}

function isAsciiAlpha(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}
