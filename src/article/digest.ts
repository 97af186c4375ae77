/**
 * Fingerprint the fields of an Article item, so the renderer can tell an
 * item that was edited from one that can be written back from its source.
 * Not a security measure: the renderer re-checks every source it reuses.
 */

/**
 * A 64-bit FNV-1a fingerprint (two 32-bit lanes) of an item's own fields.
 *
 * Nested blocks and child sections are left out: they have fingerprints of
 * their own. So are `position` and `source`.
 *
 * @param item - A block, section, hero or summary.
 * @returns 16 hex digits.
 * @example
 * digest({type: 'paragraph', text: 'a', html: 'a'}) === digest({type: 'paragraph', text: 'a', html: 'a'})
 * //=> true
 */
export function digest(item: object): string {
  // A shallow copy without the omitted keys: much cheaper than a replacer function.
  const {position: _position, source: _source, blocks: _blocks, children: _children, ...own} = item as Record<string, unknown>
  const value = JSON.stringify(own)
  let a = 0x81_1c_9d_c5
  let b = 0x05_0c_5d_1f
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    a = Math.imul(a ^ code, 0x01_00_01_93)
    b = Math.imul(b ^ code, 0x01_00_01_93) ^ (a >>> 15)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}
