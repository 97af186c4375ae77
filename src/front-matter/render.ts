import {isMap, isScalar, parseDocument, stringify} from 'yaml'
import type {Meta, MetaValue} from '../types.ts'
import {splitPost} from '../post/split.ts'
import {parseFrontMatter, readLineBreaks} from './parse.ts'
import {knownKeys, type KnownKey} from './normalize.ts'

/**
 * Write front matter for `meta`, fences included.
 *
 * When `original` (the block as it was parsed, in `article.layout.frontMatter`)
 * still says what `meta` says, it is returned unchanged, comments, quoting
 * and folding included. When some keys changed, only those lines are
 * rewritten; the rest stays as written. Without an original, the YAML is
 * written from scratch. The result never contains a fence line of its own,
 * whatever the values hold, so it cannot break out into the body.
 *
 * @param meta - The front matter values.
 * @param original - The block as written, if any.
 * @param lineEnding - Line ending for new lines (default `'\n'`; a lone `\r` is written as `\n`).
 * @returns The block, or `''` when there is nothing to write.
 * @example
 * renderFrontMatter({...parseFrontMatter('---\ntitle: A\n---\n').meta, title: 'B'}, '---\ntitle: A\n---\n')
 * //=> '---\ntitle: B\n---\n'
 */
export function renderFrontMatter(meta: Meta, original?: string | null, lineEnding: '\n' | '\r\n' | '\r' = '\n'): string {
  const pairs = toPairs(meta)
  // New lines never end in a lone `\r`: Jekyll would not see the fences.
  const eol = lineEnding === '\r\n' ? '\r\n' : '\n'
  if (typeof original === 'string' && isReusable(original)) {
    const parsed = parseFrontMatter(original)
    // Unchanged values keep the block as written, even YAML that only reads with recovery.
    if (samePairs(toPairs(parsed.meta), pairs)) return original
    if (!parsed.messages.some((message) => message.fatal)) {
      const patched = patch(original, parsed.meta, pairs, eol)
      if (patched !== undefined && isWholeBlock(patched) && samePairs(toPairs(parseFrontMatter(patched).meta), pairs)) return patched
    }
  }
  if (pairs.length === 0) return ''
  return fresh(pairs, eol)
}

type Pair = [key: string, value: MetaValue]

/** Meta as ordered YAML pairs: known keys first (as YAML names), then `extra`; an `extra` entry for a known key wins. */
function toPairs(meta: Meta): Pair[] {
  const extra = Array.isArray(meta?.extra) ? meta.extra : []
  const extraKeys = new Set(extra.map((entry) => String(entry?.[0])))
  const pairs: Pair[] = []
  for (const yamlKey of Object.keys(knownKeys) as KnownKey[]) {
    if (extraKeys.has(yamlKey)) continue
    const value = (meta as unknown as Record<string, unknown> | null | undefined)?.[knownKeys[yamlKey]]
    if (yamlKey === 'categories' || yamlKey === 'tags') {
      if (Array.isArray(value) && value.length > 0) pairs.push([yamlKey, value.map(String)])
    } else if (value !== null && value !== undefined) pairs.push([yamlKey, plain(value, 0)])
  }
  for (const entry of extra) if (Array.isArray(entry)) pairs.push([String(entry[0]), plain(entry[1], 0)])
  return pairs
}

function samePairs(a: Pair[], b: Pair[]): boolean {
  if (a.length !== b.length) return false
  const map = new Map(a.map(([key, value]) => [key, JSON.stringify(value)]))
  return b.every(([key, value]) => map.get(key) === JSON.stringify(value))
}

/** Rewrite only the keys whose values changed; drop removed keys; append new ones. */
function patch(original: string, before: Meta, pairs: Pair[], eol: string): string | undefined {
  const block = splitPost(original).frontMatter!
  const text = original.slice(block.contentStart, block.contentEnd)
  // Parsed with lone `\r`s read as line breaks, as parseFrontMatter reads them (same offsets); sliced from the text as written.
  const document = parseDocument(readLineBreaks(text), {logLevel: 'error'})
  const yaml = text
  if (!isMap(document.contents)) return undefined
  const old = new Map(toPairs(before).map(([key, value]) => [key, JSON.stringify(value)]))
  const wanted = new Map(pairs.map(([key, value]) => [key, value]))
  let result = ''
  let cursor = 0
  const written = new Set<string>()
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) return undefined
    const key = String(pair.key.value)
    const start = pair.key.range[0]
    const valueEnd = (pair.value as {range?: number[]} | null)?.range?.[1] ?? pair.key.range[1]
    // Block scalars (`>`, `|`) end after their last line break already.
    const end = /[\r\n]/.test(yaml.charAt(valueEnd - 1)) ? valueEnd : lineEnd(yaml, valueEnd)
    result += yaml.slice(cursor, start)
    cursor = end
    written.add(key)
    if (!wanted.has(key)) continue
    const value = wanted.get(key)!
    if (old.get(key) === JSON.stringify(value)) result += yaml.slice(start, end)
    else result += line(key, value, eol)
  }
  result += yaml.slice(cursor)
  for (const [key, value] of pairs) if (!written.has(key)) result += (result === '' || /[\r\n]$/.test(result) ? '' : eol) + line(key, value, eol)
  return original.slice(0, block.contentStart) + result + original.slice(block.contentEnd)
}

function lineEnd(text: string, offset: number): number {
  const match = /\r\n|\r|\n/g
  match.lastIndex = offset
  const found = match.exec(text)
  return found ? found.index + found[0].length : text.length
}

// Characters some front matter readers (JavaScript regexes with the `m` flag) take for line breaks.
const separators = /[\u0085\u2028\u2029]/

function line(key: string, value: MetaValue, eol: string): string {
  let text = stringify(new Map([[key, value]]), {lineWidth: 0, minContentWidth: 0})
  if (separators.test(text) || hasBlankLines(key) || hasBlankLines(value)) {
    // Double quotes everywhere, so the separators can be written as escapes and never start a line.
    text = stringify(new Map([[key, value]]), {lineWidth: 0, minContentWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'QUOTE_DOUBLE', blockQuote: false})
    text = text.replace(/\u0085/g, '\\N').replace(/\u2028/g, '\\L').replace(/\u2029/g, '\\P')
  }
  return eol === '\n' ? text : text.replace(/\n/g, eol)
}

/**
 * Whether a value holds a string of white space with a line break in it
 * (`' \n'`): yaml writes it as a block scalar (`|+` and a line of spaces)
 * that reads back as another string. Double quotes keep it.
 */
function hasBlankLines(value: MetaValue): boolean {
  if (typeof value === 'string') return blankLines.test(value)
  if (Array.isArray(value)) return value.some(hasBlankLines)
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([key, item]) => blankLines.test(key) || hasBlankLines(item))
  return false
}

const blankLines = /^[\t\n\r ]*[\r\n][\t\n\r ]*$/

function fresh(pairs: Pair[], eol: string): string {
  let yaml = ''
  for (const [key, value] of pairs) yaml += line(key, value, eol)
  return '---' + eol + yaml + '---' + eol
}

/**
 * Whether `renderFrontMatter(meta, block)` gives `block` back for the meta
 * `parsePost` read from it, without parsing it again: it is one whole block
 * with no fence line inside, and its lone CRs read as they did in the post
 * (line breaks only in a file without `\n`). The same YAML then gives the
 * same meta.
 *
 * @param block - The front matter block as written (`article.layout.frontMatter`).
 * @param postHasNewline - Whether the whole post it was read from has a `\n`.
 * @returns True when the block is written back as it is while the meta is unchanged.
 */
export function keepsBlock(block: string, postHasNewline: boolean): boolean {
  return isReusable(block) && block.includes('\n') === postHasNewline
}

/** Whether `renderFrontMatter` may give a block back as written at all: the one place that decides it. */
function isReusable(block: string): boolean {
  return isWholeBlock(block) && !hasHiddenFence(block)
}

/**
 * Whether a block holds a fence line that some readers see and we do not:
 * JavaScript regexes with the `m` flag end lines at a lone `\r`, U+2028 and
 * U+2029 too. Such a block is written afresh, never as it was.
 */
function hasHiddenFence(text: string): boolean {
  // A fence line holds `---` or `...`: a block whose only `---` after its opening fence is its closing one has none.
  if (!text.includes('...') && text.indexOf('---', text.indexOf('---', 3) + 3) === -1) return false
  const lines = text.split(/\r\n|[\n\r\u0085\u2028\u2029]/)
  return lines.slice(1, -2).some((line) => /^(?:---|\.\.\.)[ \t]*$/.test(line))
}

function isWholeBlock(text: string): boolean {
  const split = splitPost(text)
  return split.frontMatter !== null && split.frontMatter.start === 0 && split.frontMatter.end === text.length
}

/** Any value as JSON-safe front matter data (hand-built Articles may hold anything). */
function plain(value: unknown, depth: number): MetaValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
  if (depth > 64 || typeof value !== 'object') return String(value)
  if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1))
  const object: {[key: string]: MetaValue} = {}
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(object, key, {value: plain(item, depth + 1), enumerable: true, writable: true, configurable: true})
  }
  return object
}
