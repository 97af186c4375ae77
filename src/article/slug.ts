import {slug as githubSlug} from 'github-slugger'
import {punctuationClass} from './punctuation.ts'

/** Text whose slug needs no Unicode tables: ASCII letters, digits, space, `-`, `_` and Hangul syllables (NFC leaves these as they are). */
const plain = /^[ \-\w\uac00-\ud7a3]*$/
const spaces = / /g

/** Characters a reader never sees: zero-width ones, joiners, the BOM, bidi controls, the soft hyphen, Hangul fillers. */
const invisible = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g
/** White space other than the space: tabs, line breaks, no-break and typographic spaces. */
const otherSpace = /[\t-\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g
const dashes = /-{2,}/g
const edgeDashes = /^-+|-+$/g

/**
 * Make ids the way rehype-slug (and GitHub) does, so existing links keep
 * working: lower case, spaces to dashes, punctuation dropped, Hangul and
 * other letters kept as they are (never percent-encoded), and `-1`, `-2`…
 * appended to repeats. Text is NFC-normalised first, so NFD Hangul gives
 * the same id.
 *
 * Unlike rehype-slug, an id is always usable in a URL as it is: invisible
 * characters (zero-width, BOM, bidi controls) are dropped and other spaces
 * (no-break, tab, …) read as a space before slugging; then runs of `-` become
 * one and leading and trailing `-` go (`A - B` gives `a-b`, not `a---b`;
 * `🔍 Search` gives `search`, not `-search`), and a heading with nothing
 * left gives `section`, not an empty id. An explicit id is kept as written.
 *
 * @returns A function from heading text to a unique id.
 * @example
 * const slug = createSlugger()
 * slug('Hello, 세계!')
 * //=> 'hello-세계'
 * slug('Hello, 세계!')
 * //=> 'hello-세계-1'
 * slug('Q & A – notes')
 * //=> 'q-a-notes'
 */
export function createSlugger(): (text: string, existing?: string) => string {
  // github-slugger's counting of repeats, on the cleaned slug.
  const occurrences = new Map<string, number>()
  const unique = (base: string): string => {
    let result = base
    while (occurrences.has(result)) {
      const count = occurrences.get(base)! + 1
      occurrences.set(base, count)
      result = base + '-' + count
    }
    occurrences.set(result, 0)
    return result
  }
  const used = new Set<string>()
  // A slug depends on the text alone: a heading repeated (a "요약" under every part) is slugged once.
  const bases = new Map<string, string>()
  return (text, existing) => {
    if (existing && !used.has(existing)) {
      used.add(existing)
      return existing
    }
    let base = bases.get(text)
    if (base === undefined) {
      base = slugOf(text)
      bases.set(text, base)
    }
    let id = unique(base)
    // An explicit id elsewhere may already have taken the slug.
    while (used.has(id)) id = unique(base)
    used.add(id)
    return id
  }
}

/** github-slugger's slug of the text, made usable in a URL (see createSlugger); never empty. */
function slugOf(text: string): string {
  const value = text.replace(invisible, '').replace(otherSpace, ' ')
  let slug: string
  if (plain.test(value)) slug = value.toLowerCase().replace(spaces, '-')
  // Plain text with punctuation github-slugger drops (`·`, `“”`, `…`): each character on its own is lower-cased or dropped.
  else if ((dropped ??= droppedPunctuation()).only.test(value)) slug = value.toLowerCase().replace(dropped.any, '').replace(spaces, '-')
  else slug = githubSlug(value.normalize('NFC'))
  return slug.replace(dashes, '-').replace(edgeDashes, '') || 'section'
}

/**
 * The punctuation github-slugger drops, asked of github-slugger itself one
 * character at a time (once), keeping only characters NFC and lower-casing
 * leave as they are: text of these and plain characters needs neither NFC
 * nor github-slugger's expression, which walks a long list of ranges for
 * every character.
 */
function droppedPunctuation(): {only: RegExp; any: RegExp} {
  const characters = punctuationClass('NFC', (character) => character.normalize('NFC') === character && character.toLowerCase() === character && githubSlug(character) === '')
  return {only: new RegExp('^[ \\-\\w\\uac00-\\ud7a3' + characters + ']*$'), any: new RegExp('[' + characters + ']+', 'g')}
}

/** Asked of github-slugger on the first heading that needs it, not when the module is imported. */
let dropped: {only: RegExp; any: RegExp} | undefined
