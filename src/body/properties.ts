import type {Properties} from 'hast'
import {find, type Schema} from 'property-information'
import {propertyInfo, type PropertyInfo} from './attribute-name.ts'

/*
 * Attribute values as hast properties, with hastscript's semantics
 * (property-information names, split lists, booleans, numbers): what
 * `h(tagName, {[name]: value})` gives for string values. The parser's
 * converter and the renderer's element builder share it.
 */

// space-separated-tokens splits on these only (though it trims all white space first).
const spaces = /[ \t\n\r\f]+/
const own = Object.prototype.hasOwnProperty

// How a value is split, as hastscript's `addProperty` checks it (in this order).
// Numbers, not an enum, so the file stays erasable TypeScript.
const listNone = 0
const listSpace = 1
const listComma = 2
const listCommaOrSpace = 3
type List = typeof listNone | typeof listSpace | typeof listComma | typeof listCommaOrSpace

/** The little of property-information's `Info` that value parsing needs. */
export interface Attribute {
  property: string
  list: List
  number: boolean
  /** `boolean` or `overloadedBoolean`. */
  boolean: boolean
  /** The property, lowercased: `disabled="DISABLED"` is `true` too. */
  normal: string
}

/**
 * How `name` reads in `schema`, or null for the names of `Object.prototype`
 * members, which hast-util-from-parse5 drops so as not to write over them.
 */
export function attributeInfo(schema: Schema, name: string): Attribute | null {
  if (own.call(Object.prototype, name)) return null
  return attributeOf(find(schema, name))
}

function attributeOf(info: PropertyInfo): Attribute {
  return {
    property: info.property,
    list: info.spaceSeparated ? listSpace : info.commaSeparated ? listComma : info.commaOrSpaceSeparated ? listCommaOrSpace : listNone,
    number: info.number,
    boolean: info.boolean || info.overloadedBoolean,
    normal: info.property.toLowerCase()
  }
}

/**
 * The properties `h(tagName, values)` gives an HTML element when every
 * value is a string, keyed by attribute or property name. Names of
 * `Object.prototype` members are left out.
 *
 * @param values - Values by attribute (`class`, `data-ke-size`) or property (`className`) name.
 * @returns hast properties.
 * @example
 * htmlProperties({class: 'a b', width: '10', 'data-ke-size': 'size16'})
 * //=> {className: ['a', 'b'], width: 10, dataKeSize: 'size16'}
 */
export function htmlProperties(values: Readonly<Record<string, string>>): Properties {
  const properties: Properties = {}
  for (const name in values) {
    if (!own.call(values, name) || own.call(Object.prototype, name)) continue
    addProperty(properties, attributeOf(propertyInfo(name)), values[name]!)
  }
  return properties
}

/** hastscript's `addProperty` for a string value. */
export function addProperty(properties: Properties, info: Attribute, value: string): void {
  let result: string | number | boolean | Array<string | number>

  if (info.list === listNone) result = primitive(info, value)
  else {
    const tokens =
      info.list === listSpace ? splitSpaces(value) : info.list === listComma ? splitCommas(value) : splitSpaces(splitCommas(value).join(' '))
    for (let index = 0; index < tokens.length; index++) {
      // Numbers stay strings unless the property is a number; booleans cannot come out of a list.
      ;(tokens as Array<string | number>)[index] = primitive(info, tokens[index]!) as string | number
    }

    result = tokens
  }

  if (info.property === 'className') {
    // Classes from the tag name (`<p.a>`) or an earlier `classname` attribute are kept, first.
    const existing = properties.className
    if (Array.isArray(existing)) result = [...existing, ...(Array.isArray(result) ? result : [result as string | number])]
  }

  properties[info.property] = result
}

function primitive(info: Attribute, value: string): string | number | boolean {
  // `Number` as hastscript uses it: `' '` is 0, `'1e3'` is 1000.
  if (info.number && value && !Number.isNaN(Number(value))) return Number(value)
  if (info.boolean && (value === '' || value.toLowerCase() === info.normal)) return true
  return value
}

/** space-separated-tokens' `parse`. */
function splitSpaces(value: string): string[] {
  const input = value.trim()
  return input ? input.split(spaces) : []
}

/** comma-separated-tokens' `parse`: a trailing empty token is dropped, others kept. */
function splitCommas(value: string): string[] {
  const tokens: string[] = []
  let start = 0
  let index = value.indexOf(',')

  while (index !== -1) {
    tokens.push(value.slice(start, index).trim())
    start = index + 1
    index = value.indexOf(',', start)
  }

  const token = value.slice(start).trim()
  if (token) tokens.push(token)
  return tokens
}

