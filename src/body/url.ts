/**
 * URL checks shared by the sanitiser and the renderer.
 */

import {trimWhere} from './trim.ts'

// Browsers drop ASCII tabs and newlines anywhere in a URL, and C0 controls and spaces at its ends.
const removedByBrowsers = /[\t\n\r]/g
const trimmedByBrowsers = (code: number) => code <= 0x20

/**
 * Whether a URL is relative or uses one of `protocols`, judged the way a
 * browser reads it (`java\tscript:` is `javascript:`).
 *
 * @param value - The attribute value, entities already decoded.
 * @param protocols - Allowed schemes, lower case, without the colon.
 * @returns True when safe.
 * @example
 * isSafeUrl(' JavaScript:alert(1)', ['http', 'https'])
 * //=> false
 */
export function isSafeUrl(value: string, protocols: readonly string[]): boolean {
  const url = trimWhere(value.replace(removedByBrowsers, ''), trimmedByBrowsers)
  const colon = url.indexOf(':')
  if (colon === -1) return true
  // A colon after `/`, `?` or `#` is not a scheme's.
  for (const mark of ['/', '?', '#']) {
    const index = url.indexOf(mark)
    if (index !== -1 && index < colon) return true
  }
  const scheme = url.slice(0, colon).toLowerCase()
  return protocols.includes(scheme)
}

const hostPattern = /^(?:https?:)?\/\/([^/?#:@\s]+)(?::\d+)?(?:[/?#]|$)/i

/**
 * The host of an absolute or protocol-relative http(s) URL, lower case.
 *
 * @param value - A URL.
 * @returns The host, or undefined for anything else.
 * @example
 * embedHost('//www.youtube.com/embed/x')
 * //=> 'www.youtube.com'
 */
export function embedHost(value: string): string | undefined {
  const match = hostPattern.exec(trimWhere(value.replace(removedByBrowsers, ''), trimmedByBrowsers))
  return match ? match[1]!.toLowerCase() : undefined
}
