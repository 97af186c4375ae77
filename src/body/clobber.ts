/**
 * DOM clobbering: an element with `id="location"` or `name="cookie"` shadows
 * `document.location` or a form's `submit`, which scripts on the page trust.
 * Like DOMPurify's SANITIZE_DOM, only such values are dropped, so ordinary
 * ids stay byte for byte and links to them keep working.
 */
import {domNames} from './dom-names.ts'

// Every property of `document`, a `<form>` and `window` a named element could shadow (generated: see dom-names.ts).
const names = new Set(domNames)

/**
 * Whether an `id` or `name` value would clobber a DOM property.
 *
 * @param value - The attribute value.
 * @returns True when it must be dropped.
 * @example
 * clobbers('location')
 * //=> true
 */
export function clobbers(value: string): boolean {
  return names.has(value.trim())
}
