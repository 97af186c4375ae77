import type {BlogPosting, NewsArticle, NewsArticleLeaf, Person, WithContext} from 'schema-dts'
import type {Article} from '../types.ts'
import {countWords} from '../article/stats.ts'

/** A schema.org article as JSON-LD, ready for `serializeJsonLd`. */
export type JsonLd = WithContext<NewsArticle> | WithContext<BlogPosting>

/** Options of `toJsonLd`. */
export interface JsonLdOptions {
  /** The schema.org type (default: `'NewsArticle'`). */
  type?: 'NewsArticle' | 'BlogPosting' | null | undefined
  /** Absolute URL that relative image URLs and `meta.permalink` resolve against (default: none, relative URLs stay relative). */
  baseUrl?: string | null | undefined
  /** The article's canonical URL (default: `meta.permalink` resolved against `baseUrl`, when both exist). */
  url?: string | null | undefined
  /** BCP 47 language tag (default: `'ko'` when Hangul is most of the letters, else `'en'`). */
  inLanguage?: string | null | undefined
}

const emptyOptions: Readonly<JsonLdOptions> = Object.freeze({})
const hangul = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7A3\uD7B0-\uD7FF]/u
const letter = /\p{L}/u
// The language shows in the first few thousand characters; a 10 MB post need not be read whole.
const languageSample = 10_000
// A URL in JSON-LD is followed by crawlers, never by the page; still, only
// web URLs are useful there, so `javascript:` or `data:` values are dropped.
const webProtocols = new Set(['http:', 'https:'])

/**
 * Describe an Article as a schema.org `NewsArticle` (or `BlogPosting`) for
 * search engines.
 *
 * Fields come from the Article: `headline` from `meta.title`, `description`
 * from `meta.excerpt`, `image` from `meta.image` or else the hero image,
 * `datePublished` from `meta.dateIso`, `articleSection` from the
 * categories, `keywords` from the tags, `wordCount` from `stats.words` and
 * `author` from `meta.author`. Fields with no value are left out rather
 * than written as `null` or `[]`. Relative image URLs are resolved against
 * `baseUrl`; URLs that are not `http(s)` are dropped. The language is
 * guessed from the title and text unless `inLanguage` is given.
 *
 * @param article - A parsed or hand-built Article (a missing or ill-typed field is read as its default).
 * @param options - Configuration (optional).
 * @returns A plain JSON-LD object with `@context` and `@type`.
 * @example
 * const article = parsePost('---\ntitle: 서울의 봄\nimage: /a.jpg\n---\n<p>오늘 서울은 맑다.</p>')
 * const jsonLd = toJsonLd(article, {baseUrl: 'https://example.com/posts/'})
 * jsonLd.headline
 * //=> '서울의 봄'
 * jsonLd.image
 * //=> 'https://example.com/a.jpg'
 * jsonLd.inLanguage
 * //=> 'ko'
 */
export function toJsonLd(article: Article, options?: Readonly<JsonLdOptions> | null): JsonLd {
  const settings = options || emptyOptions
  // A hand-built Article may lack any field or hold a value of another type (as renderHtml and
  // renderPost accept): each field read here falls back to its default then (none, [], the text's word count).
  const value: Partial<Record<keyof Article, unknown>> = isRecord(article) ? article : {}
  const meta: Partial<Record<keyof Article['meta'], unknown>> = isRecord(value.meta) ? value.meta : {}
  const hero = isRecord(value.hero) ? value.hero : undefined
  const stats = isRecord(value.stats) ? value.stats : undefined
  const base = stringOf(settings.baseUrl) || undefined
  const title = stringOf(meta.title)
  const author = stringOf(meta.author)
  const categories = stringsOf(meta.categories)
  const tags = stringsOf(meta.tags)
  const text = stringOf(value.text) ?? ''
  const words = stats?.['words']
  const image = toUrl(stringOf(meta.image) || stringOf(hero?.['src']), base)
  const permalink = stringOf(meta.permalink)
  const url = settings.url ? toUrl(stringOf(settings.url), base) : permalink && base ? toUrl(permalink, base) : undefined
  const person: Person | undefined = author ? {'@type': 'Person', name: author} : undefined
  const fields = {
    headline: title || undefined,
    description: stringOf(meta.excerpt)?.trim() || undefined,
    image,
    datePublished: stringOf(meta.dateIso) || undefined,
    author: person,
    articleSection: categories.length > 0 ? categories : undefined,
    keywords: tags.length > 0 ? tags : undefined,
    // Without usable stats, the count statsOf would give for the text.
    wordCount: typeof words === 'number' && Number.isInteger(words) && words >= 0 ? words : countWords(text),
    inLanguage: stringOf(settings.inLanguage) || detectLanguage(`${title ?? ''}\n${text.slice(0, languageSample)}`),
    url
  } satisfies Omit<NewsArticleLeaf, '@type'>
  // Drop empty fields, so the output has no `undefined` for JSON to lose.
  const present = Object.fromEntries(Object.entries(fields).filter(([, field]) => field !== undefined))
  return settings.type === 'BlogPosting'
    ? {'@context': 'https://schema.org', '@type': 'BlogPosting', ...present}
    : {'@context': 'https://schema.org', '@type': 'NewsArticle', ...present}
}

/** Whether a value is a plain object whose fields can be read (not null, not an array). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A string field, or undefined when it is missing or of another type. */
function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** The strings of a list field (`categories`, `tags`); anything else in it, or a field that is no list, is left out. */
function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []
}

/**
 * Turn a JSON-LD value into text that is safe inside
 * `<script type="application/ld+json">`.
 *
 * `JSON.stringify` leaves `<`, `>` and `&` alone, so a title containing
 * `</script>` or `<!--` would end or confuse the script element
 * (<https://html.spec.whatwg.org/multipage/scripting.html#restrictions-for-contents-of-script-elements>).
 * They are written as `\u003c`, `\u003e` and `\u0026`, and U+2028/U+2029
 * as `\u2028`/`\u2029` (line terminators to older JavaScript parsers).
 * These characters only occur inside JSON strings, where the escapes mean
 * the same, so `JSON.parse` gives the value back unchanged.
 *
 * @param value - Any JSON-serialisable value, usually from `toJsonLd`.
 * @returns The JSON text, without `<`, `>`, `&`, U+2028 or U+2029.
 * @throws {TypeError} When `value` has no JSON form (`undefined`, a function).
 * @example
 * serializeJsonLd({headline: '</script><script>alert(1)</script>'})
 * //=> '{"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(value: unknown): string {
  const json: string | undefined = JSON.stringify(value)
  if (json === undefined) throw new TypeError(`Expected a JSON-serialisable value, not ${typeof value}`)
  return json.replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** `'ko'` when Hangul is most of the letters, else `'en'`. */
function detectLanguage(text: string): string {
  let korean = 0
  let other = 0
  for (const character of text) {
    if (hangul.test(character)) korean++
    else if (letter.test(character)) other++
  }
  return korean > other ? 'ko' : 'en'
}

/** Resolve `value` against `base`; relative URLs stay relative without a base. */
function toUrl(value: string | null | undefined, base: string | undefined): string | undefined {
  const trimmed = value?.trim()
  if (!trimmed) return undefined
  let url: URL
  try {
    url = new URL(trimmed, base)
  } catch {
    // Relative with no (valid) base: keep it, unless it hides a scheme.
    return /^[a-z][a-z\d+.-]*:/i.test(trimmed) ? undefined : trimmed
  }
  return webProtocols.has(url.protocol) ? url.href : undefined
}
