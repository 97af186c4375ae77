/**
 * Tag names the hast converter would misread.
 *
 * hast-util-from-parse5 (under rehype-parse) builds elements with
 * hastscript, which reads a tag name as a CSS selector: `<div#x>` becomes a
 * `div` with `id="x"`, `<img.a>` a void `img` holding children, and
 * `<template.x>` a template without content, on which the converter throws.
 * Browsers see such names as unknown, inert elements, and so must we.
 * Upstream fix: the converter should create elements with the parser's tag
 * name as it is, without selector parsing.
 *
 * The scan does not know where tags can be: `<a.b` inside a comment, an
 * attribute value or a script changes too. Sources are still sliced from the
 * original (offsets are kept), so only the parsed value of such a rare spot
 * reads `-` for `.`.
 */

// A start or end tag whose name holds a `.` or `#` (the name runs to white space, `/` or `>`). Names with
// `&`, quotes, `=` or `<` are left alone: in a tag they are rare, and in an attribute value (`"<a&#x22;"`)
// a rewrite would change a character reference, and the value would grow at every round trip.
const selectorTagName = /<\/?[a-zA-Z][^\t\n\f\r />.#&"'=<]*[.#][^\t\n\f\r />&"'=<]*/g

/**
 * Replace `.` and `#` in tag names by `-`: the same length, so every offset
 * still points into the original, and the element stays unknown (the
 * sanitiser unwraps it and says so).
 *
 * @param html - An HTML fragment.
 * @returns The same string when no tag name holds `.` or `#`.
 * @example
 * neutralizeTagNames('<div#x>a</div#x>')
 * //=> '<div-x>a</div-x>'
 */
export function neutralizeTagNames(html: string): string {
  if (!html.includes('.') && !html.includes('#')) return html
  return html.replace(selectorTagName, (tag) => tag.replace(/[.#]/g, '-'))
}
