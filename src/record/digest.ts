/**
 * A digest of the fields of an Article item, so the renderer can tell an
 * item that was edited from one that can be written back from its source.
 * Not a security measure: the renderer re-checks every source it reuses.
 */

/**
 * A 64-bit digest (two 32-bit multiplicative lanes, FNV-1a style) of an item's own fields.
 *
 * The digest is that of the item's JSON (`JSON.stringify`) without
 * the keys below. Nested blocks and child sections are left out: they have
 * digests of their own. So are `position` and `source`.
 *
 * @param item - A block, section, hero or summary.
 * @returns 16 hex digits.
 * @example
 * digest({type: 'paragraph', text: 'a', html: 'a'}) === digest({type: 'paragraph', text: 'a', html: 'a'})
 * //=> true
 */
export function digest(item: object): string {
  // The JSON text is fed to the hash as it would be written, without being built:
  // plain data (what Articles hold) is walked here; anything else takes the long way.
  const stream = new Stream()
  if (stream.item(item as Record<string, unknown>)) return stream.finish()
  return slowDigest(item)
}

/**
 * Whether `expected` is the item's digest: `digest(item) === expected`,
 * without writing the digest out.
 *
 * @param item - A block, section, hero or summary.
 * @param expected - A digest, usually `item.source.digest` (anything else is false).
 * @returns True when they match.
 */
export function hasDigest(item: object, expected: unknown): boolean {
  if (typeof expected !== 'string' || !digestPattern.test(expected)) return false
  const stream = new Stream()
  if (!stream.item(item as Record<string, unknown>)) return slowDigest(item) === expected
  stream.end()
  return stream.a >>> 0 === Number.parseInt(expected.slice(0, 8), 16) && stream.b >>> 0 === Number.parseInt(expected.slice(8), 16)
}

const digestPattern = /^[0-9a-f]{16}$/

/**
 * Whether an item's own key is one of its fields: not where it came from
 * (`position`, `source`), nor the items it holds (`blocks`, `children`),
 * which have digests of their own.
 *
 * @param key - An own key of a block, section, hero or summary.
 * @returns True for a field the digest covers.
 */
export function inDigest(key: string): boolean {
  return key !== 'position' && key !== 'source' && key !== 'blocks' && key !== 'children'
}

/** The same digest through `JSON.stringify`, for values the walk does not handle (getters aside, exotic objects). */
function slowDigest(item: object): string {
  // A shallow copy without the omitted keys: much cheaper than a replacer function.
  const {position: _position, source: _source, blocks: _blocks, children: _children, ...own} = item as Record<string, unknown>
  const stream = new Stream()
  stream.units(JSON.stringify(own))
  return stream.finish()
}

// Called on the string, not looked up on it: the strings an Article holds come in many
// representations (sliced, flat, one- or two-byte), and a lookup that has seen them all is
// slow in every loop it sits in (the engine no longer inlines it).
const charCodeAt = String.prototype.charCodeAt
const laneA = 0x01_00_01_93
const laneB = 0x5b_d1_e9_95
// Deeper than any Article; past it (a cycle, say) JSON.stringify decides, as it always did.
const maxDepth = 64

/**
 * The hash state: two UTF-16 units per step, in two independent lanes the
 * processor can multiply side by side. A unit waiting for its pair is held
 * in `carry`, so text can be fed in pieces.
 */
class Stream {
  a = 0x81_1c_9d_c5
  b = 0x05_0c_5d_1f
  /** The first unit of an unfinished pair, or -1. */
  carry = -1
  /** Units fed so far. */
  length = 0

  /** Feed the last unit and the length: `a` and `b` are then the digest. */
  end(): void {
    if (this.carry !== -1) {
      const word = this.carry
      this.a = Math.imul(this.a ^ word, laneA)
      this.b = Math.imul(this.b ^ word, laneB)
      this.carry = -1
    }
    // The length, so a trailing unit cannot pass for a pair.
    this.a = Math.imul(this.a ^ this.length, laneA)
  }

  finish(): string {
    this.end()
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0')
  }

  /** One unit. */
  unit(code: number): void {
    this.length++
    if (this.carry === -1) {
      this.carry = code
      return
    }
    const word = this.carry | (code << 16)
    this.carry = -1
    this.a = Math.imul(this.a ^ word, laneA)
    // A multiply only carries bits upwards; the rotation brings the high half (the second unit) down.
    const b = Math.imul(this.b ^ word, laneB)
    this.b = (b << 13) | (b >>> 19)
  }

  /** Text as it is (JSON punctuation, numbers, literals, or a whole JSON text). */
  units(value: string): void {
    for (let index = 0; index < value.length; index++) this.unit(charCodeAt.call(value, index))
  }

  /** A string as `JSON.stringify` writes it: quoted, with `"`, `\`, controls and lone surrogates escaped. */
  string(value: string): void {
    this.unit(34)
    const length = value.length
    let index = 0
    while (index < length) {
      if (this.carry !== -1) {
        const code = charCodeAt.call(value, index)
        if (isSpecial(code)) {
          index = this.special(value, index)
          continue
        }
        this.unit(code)
        index++
      }
      // Aligned: whole pairs of plain units.
      index = pairs(this, value, index)
      if (index >= length) break
      const code = charCodeAt.call(value, index)
      if (isSpecial(code)) index = this.special(value, index)
      else {
        this.unit(code)
        index++
      }
    }
    this.unit(34)
  }

  /** The escape of a special unit at `index`; returns the index after what was written. */
  private special(value: string, index: number): number {
    const code = charCodeAt.call(value, index)
    if (code >= 0xd8_00 && code <= 0xdb_ff) {
      const next = charCodeAt.call(value, index + 1)
      if (next >= 0xdc_00 && next <= 0xdf_ff) {
        this.unit(code)
        this.unit(next)
        return index + 2
      }
    }
    if (code >= 0xd8_00 && code <= 0xdf_ff) {
      this.units('\\u' + code.toString(16))
      return index + 1
    }
    this.unit(92)
    const short = shortEscapes[code]
    if (short !== undefined) this.unit(short)
    else if (code === 34 || code === 92) this.unit(code)
    else this.units('u' + code.toString(16).padStart(4, '0'))
    return index + 1
  }

  /** The item itself: its own keys but the omitted ones. False when it holds something the walk leaves to JSON.stringify. */
  item(item: Record<string, unknown>): boolean {
    if (item === null || typeof item !== 'object') return false
    return this.object(item, 0, true)
  }

  /** An object's members (the item's own without the omitted keys); false at a `toJSON` of its own. */
  private object(record: Record<string, unknown>, depth: number, omit: boolean): boolean {
    this.unit(123)
    let first = true
    for (const key of Object.keys(record)) {
      if (omit && !inDigest(key)) continue
      // A toJSON method of its own; one on Object.prototype (a polluted realm) is not looked for.
      if (key === 'toJSON') return false
      const member = record[key]
      if (!this.member(key, member, first, depth)) return false
      if (!isSkipped(member)) first = false
    }
    this.unit(125)
    return true
  }

  private member(key: string, value: unknown, first: boolean, depth: number): boolean {
    if (isSkipped(value)) return true
    if (!first) this.unit(44)
    this.string(key)
    this.unit(58)
    return this.value(value, depth)
  }

  private value(value: unknown, depth: number): boolean {
    switch (typeof value) {
      case 'string':
        this.string(value)
        return true
      case 'number':
        this.units(Number.isFinite(value) ? String(value) : 'null')
        return true
      case 'boolean':
        this.units(value ? 'true' : 'false')
        return true
      case 'object':
        break
      default:
        // Undefined, functions and symbols are written as null in arrays (members skip them before); bigints throw.
        if (typeof value === 'bigint') return false
        this.units('null')
        return true
    }
    if (value === null) {
      this.units('null')
      return true
    }
    if (depth >= maxDepth) return false
    const prototype = Object.getPrototypeOf(value)
    if (Array.isArray(value)) {
      if (prototype !== Array.prototype || Object.hasOwn(value, 'toJSON')) return false
      this.unit(91)
      for (let index = 0; index < value.length; index++) {
        if (index > 0) this.unit(44)
        if (!this.value(value[index], depth + 1)) return false
      }
      this.unit(93)
      return true
    }
    if (prototype !== Object.prototype && prototype !== null) return false
    return this.object(value as Record<string, unknown>, depth + 1, false)
  }
}

/**
 * Hash whole pairs of units from `index` on while neither needs an escape; returns where it stopped.
 * A function of its own, with the state in locals, so the engine compiles this loop for itself.
 */
function pairs(stream: Stream, value: string, index: number): number {
  const length = value.length
  const start = index
  let a = stream.a | 0
  let b = stream.b | 0
  for (; index + 1 < length; index += 2) {
    const first = charCodeAt.call(value, index)
    const second = charCodeAt.call(value, index + 1)
    if (isSpecial(first) || isSpecial(second)) break
    const word = first | (second << 16)
    a = Math.imul(a ^ word, laneA)
    b = Math.imul(b ^ word, laneB)
    b = (b << 13) | (b >>> 19)
  }
  stream.a = a
  stream.b = b
  stream.length += index - start
  return index
}

/** Units `JSON.stringify` escapes in strings: controls, `"`, `\` and surrogates (kept when paired). */
function isSpecial(code: number): boolean {
  return code < 32 || code === 34 || code === 92 || (code >= 0xd8_00 && code <= 0xdf_ff)
}

/** Values an object member is left out for. */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

const shortEscapes: Record<number, number> = {8: 98, 9: 116, 10: 110, 12: 102, 13: 114}
