import GithubSlugger from 'github-slugger'

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
  const slugger = new GithubSlugger()
  const used = new Set<string>()
  return (text, existing) => {
    if (existing && !used.has(existing)) {
      used.add(existing)
      return existing
    }
    let id = slugger.slug(text.normalize('NFC'))
    // An explicit id elsewhere may already have taken the slug.
    while (used.has(id) || id === '') id = slugger.slug(text.normalize('NFC') || 'section')
    used.add(id)
    return id
  }
}
