// computeStats and countWords as they were before counting in one pass: the reference the tests compare them with.
// Verbatim but for the export names, the import path and these comments.
import type {Stats} from '../../src/types.ts'

/** Configuration for `computeStats`. */
interface StatsOptions {
  /** Reading rate for space-separated words, a positive number (default: `230`). */
  wordsPerMinute?: number | null | undefined
  /** Reading rate for Han ideographs and Kana, a positive number (default: `500`). */
  cjkCharactersPerMinute?: number | null | undefined
}

const emptyOptions: Readonly<StatsOptions> = Object.freeze({})
const defaultWordsPerMinute = 230
const defaultCjkCharactersPerMinute = 500

const letterOrNumber = /[\p{L}\p{N}]/u
const mark = /\p{M}/u
const number = /\p{N}/u
// Script_Extensions rather than Script, so the prolonged sound mark `ー`
// (Common) counts with the Kana it lengthens; punctuation such as `。` is
// excluded because only letters and numbers reach this test.
const ideographic = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u
// Keep a word together when between two letters or numbers: `don't`,
// `well-known`, `e.g.`, `name@example.com`, `한·미`.
const joiners = new Set([0x27, 0x20_19, 0x2d, 0x20_10, 0x20_11, 0x2e, 0xb7, 0x5f, 0x40])
// Keep a number together: `1,000`, `12:30`, `2024/01/02`.
const numberJoiners = new Set([0x2c, 0x3a, 0x2f])
const urlPrefixes = ['https://', 'http://', 'ftp://', 'www.']

type Kind = 'word' | 'cjk' | 'mark' | 'other'

/**
 * Count characters and words in `text` and estimate its reading time.
 *
 * The text is normalised to NFC first, so decomposed Hangul jamo (NFD, as
 * macOS file names produce) count exactly like composed syllables.
 * Characters are code points, not UTF-16 units, so an emoji outside the BMP
 * counts once (but a ZWJ sequence counts each of its code points).
 * Words follow `countWords`; reading time adds `words / wordsPerMinute` for
 * space-separated words and `characters / cjkCharactersPerMinute` for Han
 * and Kana, rounds up, and is at least 1 when there is any word.
 *
 * @param text - Plain text (for example the output of `hast-util-to-text`).
 * @param options - Reading rates (optional).
 * @returns The counts and the reading time in minutes.
 * @throws {TypeError} When `text` is not a string.
 * @throws {RangeError} When a rate is not a positive finite number.
 * @example
 * computeStats('북한과 러시아가 군사, 외교')
 * //=> {characters: 15, charactersWithoutSpaces: 12, words: 4, readingMinutes: 1}
 */
export function referenceComputeStats(text: string, options?: Readonly<StatsOptions> | null): Stats {
  const settings = options || emptyOptions
  const wordsPerMinute = rate(settings.wordsPerMinute, defaultWordsPerMinute, 'wordsPerMinute')
  const cjkPerMinute = rate(settings.cjkCharactersPerMinute, defaultCjkCharactersPerMinute, 'cjkCharactersPerMinute')
  const value = normalize(text)
  let characters = 0
  let charactersWithoutSpaces = 0

  // Code points, read as numbers: no string per character.
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code >= 0xd8_00 && code <= 0xdb_ff && index + 1 < value.length) {
      const next = value.charCodeAt(index + 1)
      if (next >= 0xdc_00 && next <= 0xdf_ff) index++
    }
    characters++
    if (!isWhiteSpace(code)) charactersWithoutSpaces++
  }

  const {spaced, cjk} = tally(value)
  // One division over a common denominator: adding two rounded fractions
  // could land just above a whole number and gain a minute from `ceil`.
  const minutes = Math.ceil((spaced * cjkPerMinute + cjk * wordsPerMinute) / (wordsPerMinute * cjkPerMinute))

  return {
    characters,
    charactersWithoutSpaces,
    words: spaced + cjk,
    readingMinutes: spaced + cjk === 0 ? 0 : Math.max(1, minutes)
  }
}

/**
 * Count the words in `text`.
 *
 * A run of letters and numbers (any script but Han and Kana, so
 * `GPT-4로` and `3월` are one word each, as Korean spacing units are) counts
 * once; `'`, `’`, `-`, `.`, `·`, `_` and `@` join two such characters
 * (`don't`, `well-known`, `3.5`), and `,`, `:` and `/` join two digits
 * (`1,000`). A URL starting with `http://`, `https://`, `ftp://` or `www.`
 * is one word. Each Han ideograph, Hiragana or Katakana character is one
 * word. Emoji, symbols and punctuation are not words. Scripts written
 * without spaces other than CJK (Thai, Lao, Khmer, …) count one word per
 * space-separated run, since splitting them needs a dictionary.
 *
 * @param text - Plain text.
 * @returns The number of words.
 * @throws {TypeError} When `text` is not a string.
 * @example
 * countWords('AI 기술이 GPT-4로') //=> 3
 * countWords('日本語のテキスト') //=> 8
 */
export function referenceCountWords(text: string): number {
  const {spaced, cjk} = tally(normalize(text))
  return spaced + cjk
}

/** Check the input and compose it, so NFC and NFD text count alike. */
function normalize(text: unknown): string {
  if (typeof text !== 'string') {
    throw new TypeError('Expected `text` to be a string, not `' + typeof text + '`')
  }

  return text.normalize('NFC')
}

/** Read a rate option, falling back to its default when missing. */
function rate(value: number | null | undefined, fallback: number, name: string): number {
  if (value === null || value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError('Expected `' + name + '` to be a positive number, not `' + String(value) + '`')
  }

  return value
}

/** Count space-separated words and CJK characters in one pass over NFC text. */
function tally(text: string): {spaced: number; cjk: number} {
  let spaced = 0
  let cjk = 0
  let inWord = false
  let previous = -1
  let index = 0

  while (index < text.length) {
    const code = text.codePointAt(index)!
    const size = code > 0xff_ff ? 2 : 1
    const kind = kindOf(code)

    if (kind === 'cjk') {
      cjk++
      inWord = false
    } else if (kind === 'word') {
      if (!inWord) {
        spaced++
        inWord = true
        const end = urlEnd(text, index, code)

        if (end !== index) {
          index = end
          inWord = false
          previous = -1
          continue
        }
      }
    } else if (kind === 'mark') {
      // Marks extend the word they follow but never start one, so the
      // variation selector in `❤️` does not make the heart a word.
    } else if (!(inWord && joins(previous, code, text.codePointAt(index + size) ?? -1))) {
      inWord = false
    }

    previous = code
    index += size
  }

  return {spaced, cjk}
}

/** Whether the punctuation `code` joins `before` and `after` into one word. */
function joins(before: number, code: number, after: number): boolean {
  if (kindOf(after) !== 'word') return false
  if (joiners.has(code)) return true
  return numberJoiners.has(code) && isNumber(before) && isNumber(after)
}

/** Where a URL starting at `index` ends: at white space, CJK or the end; `index` when there is none. */
function urlEnd(text: string, index: number, code: number): number {
  // Only `h`, `f` and `w` can start one: most words are done with one comparison.
  const lower = code | 0x20
  if (lower !== 0x68 && lower !== 0x66 && lower !== 0x77) return index
  const head = text.slice(index, index + 8).toLowerCase()
  const prefix = urlPrefixes.find((candidate) => head.startsWith(candidate))
  if (!prefix) return index
  let end = index + prefix.length

  while (end < text.length) {
    const next = text.codePointAt(end)!
    if (isWhiteSpace(next) || kindOf(next) === 'cjk') break
    end += next > 0xff_ff ? 2 : 1
  }

  return end
}

/** Classify one code point for word counting (-1: past the end). */
function kindOf(code: number): Kind {
  if (code < 0) return 'other'
  // Fast paths for what posts are mostly made of: ASCII and Hangul syllables.
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? 'word' : 'other'
  if (code >= 0xac_00 && code <= 0xd7_a3) return 'word'
  const char = String.fromCodePoint(code)
  if (letterOrNumber.test(char)) return ideographic.test(char) ? 'cjk' : 'word'
  return mark.test(char) ? 'mark' : 'other'
}

function isNumber(code: number): boolean {
  if (code < 0) return false
  if (code < 0x80) return code >= 48 && code <= 57
  return number.test(String.fromCodePoint(code))
}

/** What `\s` matches in JavaScript (NBSP, ideographic space, U+2028/9 and the BOM included). */
function isWhiteSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  return (
    code === 0xa0 || code === 0x16_80 || (code >= 0x20_00 && code <= 0x20_0a) || code === 0x20_28 || code === 0x20_29 ||
    code === 0x20_2f || code === 0x20_5f || code === 0x30_00 || code === 0xfe_ff
  )
}
