/**
 * The record `parsePost` leaves on what it read, for the renderer.
 *
 * `parsePost` keeps an item's source only when reading the body (parse,
 * sanitise, balance) changed nothing in it, and it writes a digest of the
 * item's fields. Without more, `renderHtml` must compute every digest again
 * and read every source again, because an Article may have been edited or
 * built by hand since. Here, parsed items, the layout and the meta carry a
 * hidden record of what they held when they were read: while an item still
 * holds exactly that (compared leaf by leaf, strings by `===`) and is
 * rendered under the policy it was read with, its source is *kept* (written
 * as it is) without either step; while the meta does, `renderPost` keeps
 * the front matter block without parsing it again.
 *
 * This changes no output: an item the record proves kept would pass the
 * digest and the reading anyway, and anything else (an edit, a copy, a
 * JSON round trip, another schema) takes the usual path. The records live
 * on the objects, so nothing here outlives the Article. A schema is taken
 * as a value, as everywhere else: the same schema object is the same policy
 * (changing one in place between parsing and rendering is not noticed).
 * Whatever the schema, the renderer's own reading never lets script through.
 */
import type {Article, Layout, Meta} from '../types.ts'
import type {Schema} from '../body/schema.ts'
import {keepsBlock} from '../front-matter/render.ts'
import {inDigest} from './digest.ts'
import {itemsOf} from './items.ts'

/** The settings a reading was made under. */
export interface ReadingPolicy {
  schema: Schema
  embedHosts: readonly string[]
}

/**
 * A record of one reading, on the object read, under a symbol, not
 * enumerable (so copies, spreads and JSON leave it behind). Only this module
 * can make one: a record found on an object is one this module made.
 */
class ReadingRecord {
  readonly #brand = true
  constructor(
    /** What was recorded: an item, a layout, or a meta whose block `renderFrontMatter` would give back. */
    readonly kind: 'item' | 'layout' | 'meta',
    readonly policy: ReadingPolicy,
    /** An item's or the meta's fields as a flat list of markers and leaves (see `flatten`), or a layout's gaps. */
    readonly leaves: unknown[],
    /** An item's source HTML as read, the body a layout's gaps and items were read from, or the meta's front matter block. */
    readonly html: string,
    /** The same object for every record of one parse: an item's body is that layout's body only if they share it. */
    readonly reading: object,
    /** An item's source digest and index (a change to either is an edit). */
    readonly source: {digest: unknown; index: unknown} = {digest: undefined, index: undefined}
  ) {}

  static of(value: unknown): ReadingRecord | undefined {
    if (typeof value !== 'object' || value === null) return undefined
    const record = (value as {[key: symbol]: unknown})[key]
    return typeof record === 'object' && record !== null && #brand in record ? (record as ReadingRecord) : undefined
  }

  static attach(value: object, record: ReadingRecord): void {
    Object.defineProperty(value, key, {value: record, configurable: true})
  }
}

const key = Symbol('article-kit: read by parsePost')

// Markers in a flat list of leaves: private objects, so no value an Article holds can equal them.
const objectStart = {}
const arrayStart = {}
// Deeper than any Article item; anything deeper is simply not recorded.
const maxDepth = 32

/**
 * Record every item of a freshly parsed Article, and its layout, as read under `policy`.
 * Call it only when reading the body under that policy changed nothing (every source and gap kept as written).
 * (Its meta is recorded apart, whatever the body: `recordFrontMatter`.)
 *
 * @param article - The Article `parsePost` is about to return.
 * @param body - The body it was read from, which its gaps and items, in turn, spell out exactly.
 * @param policy - Schema and embed hosts of the check.
 */
export function recordReading(article: Article, body: string, policy: ReadingPolicy): void {
  // Only what the reading depends on: not the caches a parse's settings also carry.
  const read: ReadingPolicy = {schema: policy.schema, embedHosts: policy.embedHosts}
  const reading = {}
  for (const item of itemsOf(article)) {
    const source = item.source
    if (typeof source?.html !== 'string') continue
    const leaves: unknown[] = []
    if (flatten(item, leaves, 0, true)) ReadingRecord.attach(item, new ReadingRecord('item', read, leaves, source.html, reading, {digest: source.digest, index: source.index}))
  }
  ReadingRecord.attach(article.layout, new ReadingRecord('layout', read, [...article.layout.gaps], body, reading))
}

/**
 * Record `meta` with the front matter block it was just read from, when
 * `renderFrontMatter` would give that block back for it (decided here, once):
 * `renderPost` then writes the block without parsing it again.
 *
 * @param meta - The meta read from `block`.
 * @param block - The block as written, or null.
 * @param postHasNewline - Whether the post had a `\n` (how the block's lone CRs were read).
 */
export function recordFrontMatter(meta: Meta, block: string | null, postHasNewline: boolean): void {
  if (typeof block !== 'string' || !keepsBlock(block, postHasNewline)) return
  const leaves: unknown[] = []
  // A meta's record is about its block alone: no schema, and no parse's body, is involved.
  if (flatten(meta, leaves, 0, false)) ReadingRecord.attach(meta, new ReadingRecord('meta', noPolicy, leaves, block, {}))
}

const noPolicy: ReadingPolicy = {schema: {}, embedHosts: []}

/**
 * The front matter block a parsed Article was read from, while its meta still holds exactly
 * what it held and the layout still has that block. Only a block `renderFrontMatter` would
 * give back for that meta is recorded (`keepsBlock`, decided once by `recordFrontMatter`),
 * so it need not be parsed again to find that out.
 *
 * @param meta - An Article's meta.
 * @param block - Its `layout.frontMatter`.
 * @returns The block, or undefined.
 */
export function keptFrontMatter(meta: Meta, block: unknown): string | undefined {
  const record = ReadingRecord.of(meta)
  if (record?.kind !== 'meta' || block !== record.html) return undefined
  return matches(meta, record.leaves, 0, false) === record.leaves.length ? record.html : undefined
}

/**
 * Whether `item` is a parsed item as `parsePost` returned it, read under `policy`:
 * its source is then kept (written as it is).
 *
 * @param item - A block, section, hero or summary.
 * @param policy - The renderer's schema and embed hosts.
 * @returns The parse it came from (a token to compare with `keptLayout`'s), when its fields and source are exactly what was read.
 */
export function keptItem(item: {source?: {html: unknown; digest?: unknown; index?: unknown} | undefined}, policy: ReadingPolicy): object | undefined {
  const record = ReadingRecord.of(item)
  const source = item.source
  // A changed digest or index marks the item as edited, or moved, as it does for any item: so it is here.
  if (record?.kind !== 'item' || source?.html !== record.html || source.digest !== record.source.digest || source.index !== record.source.index) return undefined
  return samePolicy(record.policy, policy) && matches(item, record.leaves, 0, true) === record.leaves.length ? record.reading : undefined
}

/**
 * A parsed layout whose gaps are still those read under `policy`: every gap is then kept,
 * and when every item is a kept one of the same parse (the same
 * `reading`), each in its place, the body is what they spell out.
 *
 * @param layout - An Article's layout.
 * @param policy - The renderer's schema and embed hosts.
 * @returns The body it was read from and the parse it came from, or undefined.
 */
export function keptLayout(layout: Layout | undefined, policy: ReadingPolicy): {body: string; reading: object} | undefined {
  const record = ReadingRecord.of(layout)
  if (record?.kind !== 'layout' || !samePolicy(record.policy, policy)) return undefined
  const gaps = layout!.gaps
  if (!Array.isArray(gaps) || gaps.length !== record.leaves.length) return undefined
  for (let index = 0; index < gaps.length; index++) if (gaps[index] !== record.leaves[index]) return undefined
  return {body: record.html, reading: record.reading}
}

function samePolicy(a: ReadingPolicy, b: ReadingPolicy): boolean {
  if (a.schema !== b.schema) return false
  if (a.embedHosts === b.embedHosts) return true
  if (a.embedHosts.length !== b.embedHosts.length) return false
  for (let index = 0; index < a.embedHosts.length; index++) if (a.embedHosts[index] !== b.embedHosts[index]) return false
  return true
}

/**
 * Write a value to `leaves`: primitives as they are, objects and arrays as a marker and
 * their size, then their keys and values in order. False for anything but plain data.
 */
function flatten(value: unknown, leaves: unknown[], depth: number, isItem: boolean): boolean {
  if (value === null || typeof value !== 'object') {
    leaves.push(value)
    return true
  }
  if (depth >= maxDepth) return false
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false
    leaves.push(arrayStart, value.length)
    for (const entry of value) if (!flatten(entry, leaves, depth + 1, false)) return false
    return true
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false
  const record = value as {[key: string]: unknown}
  const keys = Object.keys(record)
  leaves.push(objectStart, keys.length)
  for (const key of keys) {
    leaves.push(key)
    // Where it came from and the items it holds are recorded on their own: only the key counts here.
    if (isItem && !inDigest(key)) continue
    if (!flatten(record[key], leaves, depth + 1, false)) return false
  }
  return true
}

/** Walk `value` as `flatten` did, against `leaves` from `index`; returns the index after it, or -1 at a difference. */
function matches(value: unknown, leaves: readonly unknown[], index: number, isItem: boolean): number {
  if (value === null || typeof value !== 'object') return leaves[index] === value ? index + 1 : -1
  if (Array.isArray(value)) {
    if (leaves[index] !== arrayStart || leaves[index + 1] !== value.length) return -1
    index += 2
    for (let entry = 0; entry < value.length && index !== -1; entry++) index = matches(value[entry], leaves, index, false)
    return index
  }
  const record = value as {[key: string]: unknown}
  const keys = Object.keys(record)
  if (leaves[index] !== objectStart || leaves[index + 1] !== keys.length) return -1
  index += 2
  for (let at = 0; at < keys.length && index !== -1; at++) {
    const key = keys[at]!
    if (leaves[index] !== key) return -1
    index = isItem && !inDigest(key) ? index + 1 : matches(record[key], leaves, index + 1, false)
  }
  return index
}
