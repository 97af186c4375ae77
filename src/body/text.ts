import type {Element, ElementContent} from 'hast'

/*
 * Most text an Article needs is a paragraph's or a heading's: text nodes and
 * phrasing elements, nothing that adds line breaks but `<br>`. For that,
 * hast-util-to-text's `innerText` algorithm reduces to collapsing spaces and
 * tabs and turning line feeds into spaces, which this file does in one walk
 * that appends to a string. Anything else (block or table content inside,
 * preformatted white space) is left to hast-util-to-text: `inlineText`
 * returns undefined and the caller falls back.
 */

// hast-util-to-text's lists, for the elements this fast path must recognise.
const notRendered = new Set(['datalist', 'head', 'noembed', 'noframes', 'noscript', 'rp', 'script', 'style', 'template', 'title'])
const blockOrCaption = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'dialog', 'dir', 'dl', 'dt', 'div',
  'figure', 'figcaption', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'section', 'ul', 'xmp'
])
// Elements that add line breaks or tabs, change white-space handling, or lay out a table.
const notInline = new Set([
  ...blockOrCaption, 'tr', 'td', 'th', 'table', 'tbody', 'thead', 'tfoot', 'nobr', 'textarea'
])
// Block elements whose own white space is not `normal`.
const preformatted = new Set(['listing', 'plaintext', 'pre', 'xmp'])

const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
const bidiControl = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/
const spacesAndTabs = /[\t ]+/g

/** The text being written, as hast-util-to-text's results list would join it. */
interface Output {
  text: string
  /** hast-util-to-text's `count`: undefined before any text, -1 right after text, 0 when a space is due. */
  count: number | undefined
}

/**
 * `toText` of hast-util-to-text, for inline content only: the children of
 * a block (`nodes`, read as a root) or a block element without `pre` white
 * space (`h2`, `p`, `li`…).
 *
 * @param input - Nodes (read as the children of a root), or one block element.
 * @returns The same string as `toText`, or undefined when the content is not inline only.
 * @example
 * inlineText({type: 'element', tagName: 'h2', properties: {}, children: [{type: 'text', value: ' A \n b '}]})
 * //=> 'A b'
 */
export function inlineText(input: ElementContent[] | Element): string | undefined {
  let children: ElementContent[]
  let block: boolean
  if (Array.isArray(input)) {
    children = input
    block = false
  } else {
    if (!blockOrCaption.has(input.tagName) || preformatted.has(input.tagName)) return undefined
    children = input.children
    block = true
  }
  const output: Output = {text: '', count: undefined}
  // Each frame: the children of one element, and whether the edges of that list break lines (only the outermost's can).
  const stack: Array<{nodes: ElementContent[]; index: number; edge: boolean}> = [{nodes: children, index: 0, edge: block}]
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!
    if (frame.index === frame.nodes.length) {
      stack.pop()
      continue
    }
    const index = frame.index++
    const node = frame.nodes[index]!
    if (node.type === 'text') {
      const next = frame.nodes[index + 1]
      const breakAfter = next ? next.type === 'element' && next.tagName === 'br' : frame.edge
      collectText(output, node.value, index === 0 && frame.edge, breakAfter)
    } else if (node.type === 'element') {
      const name = node.tagName
      if (notRendered.has(name) || node.properties?.['hidden']) continue
      if (notInline.has(name)) return undefined
      if (name === 'br') {
        // A `<br>` is a line feed after its children; parsed ones have none.
        if (node.children.length > 0) return undefined
        append(output, '\n')
      }
      else if (node.children.length > 0) stack.push({nodes: node.children, index: 0, edge: false})
    }
  }
  return output.text
}

/** hast-util-to-text's `collectText` for `normal` white space, appended as it goes. */
function collectText(output: Output, value: string, breakBefore: boolean, breakAfter: boolean): void {
  const clean = bidiControl.test(value) ? value.replace(bidiControls, '') : value
  if (!clean.includes('\n')) {
    const line = collapse(clean, breakBefore, breakAfter)
    // An empty line alone is a space, if text comes before and after.
    if (line) append(output, line)
    else space(output)
    return
  }
  // Each line ends at a line feed; spaces and tabs at a line's edges go (the text's own edges as the caller says).
  const lines = clean.split('\n')
  const last = lines.length - 1
  for (let index = 0; index <= last; index++) {
    lines[index] = collapse(lines[index]!, index === 0 ? breakBefore : true, index === last ? breakAfter : true)
  }
  // A line feed is a space between two lines with text; none next to a zero-width space.
  let join = false
  for (let index = 0; index <= last; index++) {
    const line = lines[index]!
    if (line.charCodeAt(line.length - 1) === 0x20_0b || (index < last && lines[index + 1]!.charCodeAt(0) === 0x20_0b)) {
      append(output, line)
      join = false
    } else if (line) {
      if (join) space(output)
      append(output, line)
      join = true
    } else if (index === 0 || index === last) space(output)
  }
}

/**
 * hast-util-to-text's `trimAndCollapseSpacesAndTabs`: runs of spaces and
 * tabs become one space; at an edge with a line break they go.
 */
function collapse(value: string, breakBefore: boolean, breakAfter: boolean): string {
  let result = value.includes('\t') || value.includes('  ') ? value.replace(spacesAndTabs, ' ') : value
  if (breakBefore && result.charCodeAt(0) === 32) result = result.slice(1)
  if (breakAfter && result.charCodeAt(result.length - 1) === 32) result = result.slice(0, -1)
  return result
}

/** A string of the results list: written after the space that is due, if any. */
function append(output: Output, value: string): void {
  if (!value) return
  if (output.count !== undefined && output.count > -1) output.text += ' '
  output.count = -1
  output.text += value
}

/** A `0` of the results list: a space, if text comes before and after. */
function space(output: Output): void {
  if (output.count !== undefined && 0 > output.count) output.count = 0
}
