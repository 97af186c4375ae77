import {scanTag} from './tag-scanner.ts'
import {voidElements} from './void-elements.ts'

const rawText = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext'])
// Elements whose start tag closes an open one of the same name (`<p>a<p>b`, `<li>a<li>b`).
const selfClosing = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th'])

/**
 * Keep parse5 away from deep stacks: its tree builder scans the stack of
 * open elements for every tag, so 100,000 nested `<div>`s take it minutes.
 * A quick estimate of the nesting (tag names only, no tree) finds start tags
 * deeper than `limit`, and a copy of the HTML is made with those tags blanked
 * out by spaces (same length, so every offset still points into the
 * original): their content becomes siblings at the limit, as in Chromium.
 *
 * @param html - The body.
 * @param limit - The deepest nesting kept.
 * @returns The HTML to parse (the same string when nothing is too deep) and where nesting was cut.
 */
export function limitNesting(html: string, limit: number): {html: string; cut: number[]} {
  if (!mayBeDeep(html, limit)) return {html, cut: []}
  const stack: string[] = []
  const blanks: Array<[number, number]> = []
  const tag = /<(\/?)([a-zA-Z][^\t\n\f\r />]*)/g
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const name = match[2]!.toLowerCase()
    const scanned = scanTag(html, match.index + 1 + match[1]!.length)
    if (!scanned) break
    tag.lastIndex = scanned.end
    if (match[1]) {
      // An end tag closes the nearest open element of its name (looking a bounded way down).
      for (let index = stack.length - 1; index >= Math.max(0, stack.length - 64); index--) {
        if (stack[index] === name) {
          stack.length = index
          break
        }
      }
      continue
    }
    if (rawText.has(name)) {
      // Their content is not markup: skip to the end tag.
      const close = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi')
      close.lastIndex = scanned.end
      const found = close.exec(html)
      tag.lastIndex = found ? found.index : html.length
      continue
    }
    if (voidElements.has(name)) continue
    if (selfClosing.has(name) && stack.at(-1) === name) stack.pop()
    if (stack.length >= limit) blanks.push([match.index, scanned.end])
    else stack.push(name)
  }
  if (blanks.length === 0) return {html, cut: []}
  let result = ''
  let cursor = 0
  for (const [start, end] of blanks) {
    result += html.slice(cursor, start) + ' '.repeat(end - start)
    cursor = end
  }
  return {html: result + html.slice(cursor), cut: [blanks[0]![0]]}
}

/**
 * A cheap bound first: how far start tags ever outnumber end tags. Most
 * posts never come near the limit, and skip the estimate.
 */
function mayBeDeep(html: string, limit: number): boolean {
  let balance = 0
  for (let index = html.indexOf('<'); index !== -1; index = html.indexOf('<', index + 1)) {
    const next = html.charCodeAt(index + 1)
    if (next === 47 /* / */) balance--
    else if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) {
      // A quarter of the limit: stray end tags can hide some depth from this count.
      if (++balance > limit / 4) return true
    }
  }
  return false
}
