import type {Meta, MetaValue} from '../types.ts'

/** Front matter keys with a typed field, by YAML key. */
export const knownKeys = {
  title: 'title',
  categories: 'categories',
  tags: 'tags',
  excerpt: 'excerpt',
  feature_text: 'featureText',
  image: 'image',
  date: 'date',
  author: 'author',
  permalink: 'permalink',
  layout: 'layout'
} as const satisfies Record<string, keyof Meta>

/** A YAML key that has a typed field. */
export type KnownKey = keyof typeof knownKeys

/** Whether `key` has a typed field (own keys only: `__proto__` is not known). */
export function isKnownKey(key: string): key is KnownKey {
  return Object.hasOwn(knownKeys, key)
}

/** A problem found while normalising one key. */
export interface NormalizeProblem {
  key: string
  ruleId: 'front-matter-type' | 'front-matter-date'
  reason: string
}

/** An empty Meta. */
export function emptyMeta(): Meta {
  return {
    title: null,
    categories: [],
    tags: [],
    excerpt: null,
    featureText: null,
    image: null,
    date: null,
    dateIso: null,
    author: null,
    permalink: null,
    layout: null,
    extra: []
  }
}

/**
 * Set a known key on `meta` from its YAML value, normalised: categories and
 * tags become `string[]` (a Jekyll-style `"a b"` string is split on spaces),
 * numbers and booleans become their written text, and a value of the wrong
 * shape is reported and kept, untouched, in `meta.extra`.
 *
 * @returns The problem, if any.
 */
export function setKnownKey(meta: Meta, key: KnownKey, value: MetaValue, written: string | undefined): NormalizeProblem | undefined {
  if (key === 'categories' || key === 'tags') {
    const list = toStringList(value)
    if (list) {
      meta[key] = list
      return undefined
    }
    meta.extra.push([key, value])
    return {key, ruleId: 'front-matter-type', reason: `Expected \`${key}\` to be a list of strings or a string, not ${describe(value)}`}
  }

  if (key === 'author' && isRecord(value)) {
    // WordPress exports write `author: {display_name, login, …}`: keep it all, expose the name.
    const name = value['display_name'] ?? value['name'] ?? value['login']
    meta.author = typeof name === 'string' ? name : null
    meta.extra.push([key, value])
    return undefined
  }

  const text = toText(value, written)
  if (text === undefined) {
    meta.extra.push([key, value])
    return {key, ruleId: 'front-matter-type', reason: `Expected \`${key}\` to be a string, not ${describe(value)}`}
  }

  if (key === 'date') {
    meta.date = text
    meta.dateIso = text === null ? null : parseDate(text)
    if (text !== null && meta.dateIso === null) {
      return {key, ruleId: 'front-matter-date', reason: `Expected \`date\` to be a date such as \`2024-07-18 09:30:00 +0900\`, not \`${text}\``}
    }
    return undefined
  }

  meta[knownKeys[key] as 'title'] = text
  return undefined
}

/** A scalar as text (`null` stays null); undefined for lists and maps. */
function toText(value: MetaValue, written: string | undefined): string | null | undefined {
  if (value === null) return null
  if (typeof value === 'string') return value
  // Keep numbers as written: `title: 1.10` is "1.10", not "1.1".
  if (typeof value === 'number' || typeof value === 'boolean') return written ?? String(value)
  return undefined
}

function toStringList(value: MetaValue): string[] | undefined {
  if (value === null) return []
  if (typeof value === 'string') return value.split(/[ \t\r\n]+/).filter(Boolean)
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)]
  if (!Array.isArray(value)) return undefined
  const list: string[] = []
  for (const item of value) {
    if (item === null) continue
    if (typeof item === 'object') return undefined
    list.push(String(item))
  }
  return list
}

function isRecord(value: MetaValue): value is {[key: string]: MetaValue} {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: MetaValue): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`
}

// `YYYY-MM-DD`, then optionally `T` or spaces, a time, and an offset.
const datePattern =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:[ \t]*(Z|z|[+-]\d{1,2}(?::?\d{2})?))?)?$/

/**
 * Parse a front matter date into ISO 8601 without moving it to another
 * zone: `2024-07-18` stays `2024-07-18` (no UTC midnight shift) and
 * `2014-10-10 14:22:27 +0900` becomes `2014-10-10T14:22:27+09:00`.
 *
 * @param value - The date as written.
 * @returns The ISO string, or null when it is not a valid date.
 * @example
 * parseDate('2024-07-18 09:30 +0900')
 * //=> '2024-07-18T09:30:00+09:00'
 */
export function parseDate(value: string): string | null {
  const match = datePattern.exec(value.trim())
  if (!match) return null
  const [, year, month, day, hour, minute, second, fraction, zone] = match
  const y = Number(year)
  const m = Number(month)
  const d = Number(day)
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null
  const date = `${year}-${pad(m)}-${pad(d)}`
  if (hour === undefined || minute === undefined) return date
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 60) return null
  let iso = `${date}T${pad(Number(hour))}:${minute}:${second ?? '00'}${fraction ?? ''}`
  if (zone) {
    if (zone === 'Z' || zone === 'z') return iso + 'Z'
    const sign = zone[0]
    const digits = zone.slice(1).replace(':', '')
    const hours = digits.length <= 2 ? digits : digits.slice(0, -2)
    const minutes = digits.length <= 2 ? '00' : digits.slice(-2)
    if (Number(hours) > 23 || Number(minutes) > 59) return null
    iso += `${sign}${pad(Number(hours))}:${minutes}`
  }
  return iso
}

function pad(value: number): string {
  return value < 10 ? '0' + value : String(value)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}
