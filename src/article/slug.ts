import {slug as githubSlug} from 'github-slugger'

/** Text whose slug needs no Unicode tables: ASCII letters, digits, space, `-`, `_` and Hangul syllables (NFC leaves these as they are). */
const plain = /^[ \-\w\uac00-\ud7a3]*$/
const spaces = / /g

/**
 * Make ids the way rehype-slug (and GitHub) does, so existing links keep
 * working: lower case, spaces to dashes, punctuation dropped, Hangul and
 * other letters kept as they are (never percent-encoded), and `-1`, `-2`…
 * appended to repeats. Text is NFC-normalised first, so NFD Hangul gives
 * the same id.
 *
 * @returns A function from heading text to a unique id.
 * @example
 * const slug = createSlugger()
 * slug('Hello, 세계!')
 * //=> 'hello-세계'
 * slug('Hello, 세계!')
 * //=> 'hello-세계-1'
 */
export function createSlugger(): (text: string, existing?: string) => string {
  // github-slugger's counting of repeats, kept here so plain text can skip its Unicode pass.
  const occurrences = new Map<string, number>()
  const unique = (value: string): string => {
    const base = plain.test(value) ? value.toLowerCase().replace(spaces, '-') : githubSlug(value.normalize('NFC'))
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
  return (text, existing) => {
    if (existing && !used.has(existing)) {
      used.add(existing)
      return existing
    }
    let id = unique(text)
    // An explicit id elsewhere may already have taken the slug.
    while (used.has(id) || id === '') id = unique(text.normalize('NFC') || 'section')
    used.add(id)
    return id
  }
}
