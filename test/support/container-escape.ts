/**
 * Whether rendered HTML stays inside the element a page writes it into
 * (issue 18, finding 2), judged by an HTML parser (parse5, the one jsdom
 * uses, in `test/security/static-audit.test.ts`, Chromium's own in
 * `test/browser/xss.test.ts`). Written apart from the library's balancing
 * (`src/body/balance.ts`) on purpose, so a case it misses is not missed here
 * as well.
 *
 * Each output is written into a whole page, between the page's own markup:
 *
 * ```html
 * <main data-page="page"><article data-page="box">OUTPUT</article><p data-page="after">after</p></main>
 * ```
 *
 * and the page is parsed as a document. Then the page's *skeleton* (every
 * node of the document, with the box's content left out, every attribute
 * included) must be the one the same page has with no output at all. That
 * one comparison says all of:
 *
 * - (a) every node the output made is inside the box: a node anywhere else
 *   (the page's `<main>`, `<body>`, `<html>`, the document itself, as a
 *   comment after `</html>` is) adds to the skeleton;
 * - (b) `after` is where the page put it, with nothing of the post's around
 *   it: a `<b>` the parser reopens, a `<table>` that fosters it, a
 *   `<select>` or comment that swallows it, all change it;
 * - (c) the box ends where the page ends it: ended early, the rest of the
 *   output lands after it; ended late, `after` lands in it;
 * - and no page element gained attributes (`<body onload>` and `<html lang>`
 *   in a body are copied onto the page's own `<body>` and `<html>`).
 *
 * The check is a script (a string) so both suites run the same code in their
 * own window, with that window's `DOMParser`; a document from `DOMParser`
 * runs no script and loads nothing. It parses with scripting off, which only
 * changes how `<noscript>` is read; the static audit and the browser sweep
 * already fail any output with a `<noscript>` in it.
 */

import {parse, type DefaultTreeAdapterMap} from 'parse5'

/** One kind of element a page writes a post into. */
export interface Container {
  /** Short name, used in findings. */
  name: string
  /** The page's markup before the output; the element the output goes in has `data-page="box"`. */
  open: string
  /** The page's markup after the output, closing what `open` opened. */
  close: string
}

/**
 * The containers a post's HTML is placed in. Each is one a real layout uses
 * and each makes the parser read the output differently:
 *
 * - `div`: the most common (WordPress's `.entry-content`, Tistory skins);
 *   a stray `</div>` closes it.
 * - `article` and `section`: semantic layouts (Jekyll and Astro themes, the
 *   browser sweep's own page); a stray `</article>`/`</section>` closes them.
 * - `td` in a table: table layouts (older blog skins, e-mail newsletters).
 *   Inside a cell, `</td>`, `</tr>`, `</table>`, and a bare `<td>`, `<tr>`,
 *   `<tbody>` or `<caption>` start tag, close the page's cell and table.
 * - `li` in a list: archive and feed pages list posts with their content;
 *   a bare `<li>` start tag closes the page's item (through any `<div>`s
 *   and phrasing elements of the body's), `</ul>` its list.
 * - `dd` in a description list: glossary and FAQ layouts; a bare `<dd>` or
 *   `<dt>` start tag closes the page's `dd` as `<li>` closes an `li`.
 *
 * Not here: phrasing and interactive containers (`span`, `p`, headings,
 * `a`, `button`). A body is flow content (paragraphs, tables, lists); no
 * layout writes one into a `<p>` or a heading (its first block would end
 * it, whatever the library does), nor into an `<a>` (its first link would
 * end it), and a `<span>` reads every tag of a body as a `<div>` does.
 */
export const containers: readonly Container[] = [
  {name: 'div', open: '<div class="entry-content" data-page="box">', close: '</div>'},
  {name: 'article', open: '<article data-page="box">', close: '</article>'},
  {name: 'section', open: '<section data-page="box">', close: '</section>'},
  {
    name: 'td',
    open: '<table data-page="table"><tbody data-page="tbody"><tr data-page="tr"><td data-page="box">',
    close: '</td></tr></tbody></table>'
  },
  {name: 'li', open: '<ul data-page="list"><li data-page="box">', close: '</li></ul>'},
  {name: 'dd', open: '<dl data-page="list"><dt data-page="term">post</dt><dd data-page="box">', close: '</dd></dl>'}
]

/** One output that does not stay in one container. */
export interface Escape {
  /** Index of the output in the list given to the check. */
  index: number
  container: string
  /** Where the skeletons first differ: the page without output, then with it. */
  expected: string
  actual: string
}

/**
 * Source of a function expression `(parse, outputs, containers) => Escape[]`
 * that writes each output into a page in each container and compares the
 * skeletons; `parse` turns HTML into a `Document`. Plain JavaScript, to run
 * in Node on parse5's tree (`findEscapes`) and in Chromium alike.
 */
export const checkSource = String.raw`(parse, outputs, containers) => {
  const page = (container, output) =>
    '<!doctype html><html><head><title data-page="title">page</title></head><body data-page="body">' +
    '<main data-page="page">' + container.open + output + container.close +
    '<p data-page="after">after</p></main></body></html>'
  let box = null
  const skeleton = (node) => {
    if (node.nodeType === 10) return '<!doctype ' + node.name + '>'
    if (node.nodeType === 8) return '<!--' + node.data + '-->'
    if (node.nodeType === 3) return JSON.stringify(node.data)
    if (node.nodeType === 9 || node.nodeType === 11) return Array.from(node.childNodes, skeleton).join('')
    if (node.nodeType !== 1) return '<?' + node.nodeType + '>'
    const attributes = Array.from(node.attributes, (attribute) => ' ' + attribute.name + '=' + JSON.stringify(attribute.value)).join('')
    const children = node.localName === 'template' && node.content ? [node.content] : Array.from(node.childNodes)
    // The output's content is left out; everything around it is not.
    const content = node === box ? '…' : children.map(skeleton).join('')
    return '<' + node.namespaceURI + ' ' + node.localName + attributes + '>' + content + '</' + node.localName + '>'
  }
  const read = (html) => {
    const document = parse(html)
    // The first element marked so: an output cannot come before it.
    box = document.querySelector('[data-page="box"]')
    return skeleton(document)
  }
  const empty = containers.map((container) => read(page(container, '')))
  const found = []
  for (let index = 0; index < outputs.length; index++) {
    for (const [which, container] of containers.entries()) {
      const expected = empty[which]
      const actual = read(page(container, outputs[index]))
      if (actual === expected) continue
      let at = 0
      while (at < expected.length && expected[at] === actual[at]) at++
      const from = Math.max(0, at - 60)
      found.push({index, container: container.name, expected: expected.slice(from, at + 100), actual: actual.slice(from, at + 160)})
    }
  }
  return found
}`

/**
 * Known escapes (raw, not through the library), with exactly the containers
 * each escapes from: the positive controls. A stray end tag only closes what
 * it names, and only up to the nearest table cell.
 */
export const escapeControls: ReadonlyArray<[html: string, caughtIn: readonly string[]]> = [
  ['<p>intro</p>\n</div></div><p id="moved">moved</p>', ['div']],
  ['</div></article><p>moved</p>', ['div', 'article']],
  ['</section><p>moved</p>', ['section']],
  ['</td></tr></table><p>moved</p>', ['td']],
  ['</li></ul><p>moved</p>', ['li']],
  ['<li>item', ['li']],
  ['<tr><td>cell', ['td']],
  // An item's start tag ends the page's item through `<div>`s and phrasing elements, up to a special element.
  ['<div><li>item</li></div>', ['li']],
  ['<span><li>item</li></span>', ['li']],
  ['<address><li>item</li></address>', ['li']],
  ['<dd>details', ['dd']],
  ['<div><dt>term</dt></div>', ['dd']],
  // A table part's start tag ends the page's cell wherever it is but in a table of its own.
  ['<p>a</p><tr><td>cell', ['td']],
  ['<div><caption>caption</caption></div>', ['td']],
  ['<col span="2">', ['td']],
  ['<table><tr><td>cell', ['div', 'article', 'section', 'td', 'li', 'dd']],
  // In a cell the page's `</td>` ends a select, and the cell is a marker: no formatting element is reopened past it.
  ['<select><option>a', ['div', 'article', 'section', 'li', 'dd']],
  ['<textarea>text', ['div', 'article', 'section', 'td', 'li', 'dd']],
  ['<b>bold', ['div', 'article', 'section', 'li', 'dd']],
  ['<a href="https://example.com/">link', ['div', 'article', 'section', 'li', 'dd']],
  ['<p class="x', ['div', 'article', 'section', 'td', 'li', 'dd']],
  ['text <!--', ['div', 'article', 'section', 'td', 'li', 'dd']],
  ['<body class="taken">', ['div', 'article', 'section', 'td', 'li', 'dd']],
  ['<html lang="ko">', ['div', 'article', 'section', 'td', 'li', 'dd']],
  // In a cell `</body>` is ignored; elsewhere it ends the body, and a comment after `</html>` goes to the document.
  ['</body></html><!-- after -->', ['div', 'article', 'section', 'li', 'dd']],
  ['<svg><foreignObject><p>in</p></svg></div></article><p>moved</p>', ['div', 'article']]
]

/** Raw HTML that stays inside every container: the controls that must not be caught. */
export const stayControls: readonly string[] = [
  '',
  '<p>clean <b>bold</b></p>',
  '<p>open paragraph',
  '<ul><li>one<li>two</ul>',
  '<table><tr><td>cell</td></tr></table>',
  '<blockquote><li>item</li></blockquote>',
  '<dl><dt>term<dd>details</dl>',
  '</body></html><p>after</p>',
  '<!-- closed -->',
  // `<head>` is ignored in a body; `<html>` and `<body>` without attributes give the page nothing.
  '<html><head></head><body><p>whole page</p></body></html>',
  '<p>a</p><HEAD ><BODY/></head>'
]

/** The part of the DOM the check reads, over a parse5 tree: what a `Document` from `DOMParser` gives it. */
interface CheckNode {
  nodeType: number
  /** A doctype's name. */
  name?: string
  /** A text's or comment's data. */
  data?: string
  localName?: string
  namespaceURI?: string
  attributes?: Array<{name: string; value: string}>
  childNodes: CheckNode[]
  /** A `<template>`'s contents. */
  content?: CheckNode
  /** On the document: the first element in tree order with the attribute `[name="value"]` (template contents aside, as in the DOM). */
  querySelector?: (selector: string) => CheckNode | null
}

type Parse5Node = DefaultTreeAdapterMap['node']

/** A parse5 node as the check reads a DOM node; an attribute's name is its qualified name (`xlink:href`), as in the DOM. */
function toCheckNode(node: Parse5Node): CheckNode {
  if (node.nodeName === '#document' || node.nodeName === '#document-fragment') {
    return {nodeType: node.nodeName === '#document' ? 9 : 11, childNodes: (node as DefaultTreeAdapterMap['parentNode']).childNodes.map(toCheckNode)}
  }
  if (node.nodeName === '#documentType') return {nodeType: 10, name: (node as DefaultTreeAdapterMap['documentType']).name, childNodes: []}
  if (node.nodeName === '#comment') return {nodeType: 8, data: (node as DefaultTreeAdapterMap['commentNode']).data, childNodes: []}
  if (node.nodeName === '#text') return {nodeType: 3, data: (node as DefaultTreeAdapterMap['textNode']).value, childNodes: []}
  const element = node as DefaultTreeAdapterMap['element']
  const result: CheckNode = {
    nodeType: 1,
    localName: element.tagName,
    namespaceURI: element.namespaceURI,
    attributes: element.attrs.map((attribute) => ({name: attribute.prefix ? attribute.prefix + ':' + attribute.name : attribute.name, value: attribute.value})),
    childNodes: element.childNodes.map(toCheckNode)
  }
  const content = (element as DefaultTreeAdapterMap['template']).content
  if (element.tagName === 'template' && content) result.content = toCheckNode(content)
  return result
}

/** Parse a whole page as `DOMParser` does (`text/html`, scripting off), into what the check reads. */
function parsePage(html: string): CheckNode {
  const document = toCheckNode(parse(html, {scriptingEnabled: false}))
  document.querySelector = (selector) => {
    const match = /^\[([\w-]+)="([^"]*)"\]$/.exec(selector)
    if (!match) throw new Error('Unsupported selector: ' + selector)
    const [, name, value] = match
    const search = (node: CheckNode): CheckNode | null => {
      if (node.nodeType === 1 && node.attributes!.some((attribute) => attribute.name === name && attribute.value === value)) return node
      for (const child of node.childNodes) {
        const found = search(child)
        if (found) return found
      }
      return null
    }
    for (const child of document.childNodes) {
      const found = search(child)
      if (found) return found
    }
    return null
  }
  return document
}

/** The check, as a function of this realm. */
const check = new Function('return ' + checkSource)() as (parse: (html: string) => CheckNode, outputs: readonly string[], list: readonly Container[]) => Escape[]

/**
 * Every output that leaves any container, read by parse5 (the HTML
 * standard's parser, as jsdom reads HTML; building parse5's own tree instead
 * of jsdom's DOM is what makes it quick enough for every container-escape
 * vector in every container).
 *
 * @param outputs - Rendered HTML.
 * @returns The escapes, by output and container; none when all stay inside.
 */
export function findEscapes(outputs: readonly string[]): Escape[] {
  return check(parsePage, outputs, containers)
}
