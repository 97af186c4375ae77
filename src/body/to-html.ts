import type {Nodes, Properties} from 'hast'
import {toHtml} from 'hast-util-to-html'
import type {Info} from 'property-information'
import {attributeName, type AttributeName} from './attribute-name.ts'

/*
 * hast-util-to-html with its default settings, for the trees this library
 * writes: HTML elements, text, and raw nodes. The output is the same string
 * (character references as uppercase hexadecimal, every attribute
 * double-quoted, void elements without a slash, no tags omitted); anything
 * else in the tree (comments, doctypes, SVG, templates, `<script>` and
 * `<style>` text, attribute names that need escaping) is handed to
 * hast-util-to-html itself.
 */

// hast-util-to-html's void elements (`command` too), not the parser's (`void-elements.ts`): the output must match it.
const voids = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
// Elements whose content the default serialiser writes differently (not escaped, or in another space).
const elsewhere = new Set(['script', 'style', 'svg', 'template'])
const textSpecial = /[<&]/g
const hasTextSpecial = /[<&]/
const valueSpecial = /[\0"&'`]/g
// Attribute names hast-util-to-html would escape (its `name` subset): such trees take the long way.
const nameSpecial = /[\0\t\n\f\r "&'/<=>`]/

/** Thrown inside the writer when the tree has something only hast-util-to-html writes. */
const unsupported = Symbol('unsupported')

/**
 * Serialise a hast tree as `toHtml(tree, {allowDangerousHtml})` does.
 *
 * @param tree - A node or root.
 * @param allowDangerousHtml - Write `raw` nodes as they are (else as text).
 * @returns HTML, equal to hast-util-to-html's with default settings.
 * @example
 * writeHtml({type: 'element', tagName: 'p', properties: {className: ['a']}, children: [{type: 'text', value: 'a < b'}]}, false)
 * //=> '<p class="a">a &#x3C; b</p>'
 */
export function writeHtml(tree: Nodes, allowDangerousHtml: boolean): string {
  try {
    return write(tree, allowDangerousHtml)
  } catch (error) {
    if (error !== unsupported) throw error
    return toHtml(tree, {allowDangerousHtml})
  }
}

function write(node: Nodes, allowDangerousHtml: boolean): string {
  switch (node.type) {
    case 'root': {
      let result = ''
      for (const child of node.children) result += write(child, allowDangerousHtml)
      return result
    }
    case 'text':
      return escapeText(node.value)
    case 'element': {
      const tagName = node.tagName
      if (elsewhere.has(tagName)) throw unsupported
      const open = '<' + tagName + attributes(node.properties) + '>'
      let content = ''
      for (const child of node.children) content += write(child, allowDangerousHtml)
      // A void element with content is written as any other (hast-util-to-html does the same).
      if (content === '' && voids.has(tagName.toLowerCase())) return open
      return open + content + '</' + tagName + '>'
    }
    default:
      if ((node as {type: string}).type === 'raw') {
        const value = (node as unknown as {value: string}).value
        return allowDangerousHtml ? value : escapeText(value)
      }
      throw unsupported
  }
}

function attributes(properties: Properties | undefined): string {
  let result = ''
  if (!properties) return result
  // `for…in`, as hast-util-to-html walks them.
  for (const key in properties) {
    let value = properties[key]
    if (value === null || value === undefined) continue
    // property-information's `find(html, key)`: the data-* spelling carries no flags, which is theirs too.
    const info = attributeName(key) as AttributeName & Partial<Pick<Info, 'boolean' | 'overloadedBoolean'>>
    const attribute = info.attribute
    if (info.overloadedBoolean && (value === attribute || value === '')) value = true
    else if ((info.boolean || info.overloadedBoolean) && (typeof value !== 'string' || value === attribute || value === '')) value = Boolean(value)
    if (value === false || (typeof value === 'number' && Number.isNaN(value))) continue
    if (nameSpecial.test(attribute)) throw unsupported
    result += ' ' + attribute
    if (value === true) continue
    const text = Array.isArray(value) ? (info.commaSeparated ? commas(value) : value.join(' ').trim()) : String(value)
    result += '="' + text.replace(valueSpecial, reference) + '"'
  }
  return result
}

/** comma-separated-tokens' `stringify` with hast-util-to-html's padding. */
function commas(values: Array<string | number>): string {
  const input = values[values.length - 1] === '' ? [...values, ''] : values
  return input.join(', ').trim()
}

function escapeText(value: string): string {
  return hasTextSpecial.test(value) ? value.replace(textSpecial, reference) : value
}

function reference(character: string): string {
  return '&#x' + character.charCodeAt(0).toString(16).toUpperCase() + ';'
}
