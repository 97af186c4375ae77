import {find, html, type Info} from 'property-information'

/** What writing a property as an attribute needs to know. */
export interface AttributeName {
  /** The HTML attribute name (`className` → `class`, `dataKeSize` → `data-ke-size`). */
  attribute: string
  /** Whether a list value is joined with commas (else spaces). */
  commaSeparated: boolean
}

const own = Object.prototype.hasOwnProperty
const validData = /^data[-\w.:]+$/i
const dashLetter = /-[a-z]/

/**
 * The attribute of a hast property in HTML: property-information's
 * `find(html, property)`, without its cost for the two kinds every post is
 * made of. A known property is a table lookup (`find` gives that same
 * entry); a `data*` property is spelled out as `find` spells it, without
 * building an `Info` object each time.
 *
 * @param property - A hast property name.
 * @returns The attribute name and how lists are joined.
 * @example
 * attributeName('dataKeSize').attribute
 * //=> 'data-ke-size'
 */
export function attributeName(property: string): AttributeName {
  if (own.call(html.property, property)) return html.property[property]!
  const lower = property.toLowerCase()
  if (property.length > 4 && lower.startsWith('data') && property.charAt(4) !== '-' && !own.call(html.normal, lower) && validData.test(property)) {
    // `find` leaves a name with a dash before a lower-case letter as it is.
    if (dashLetter.test(property.slice(4))) return {attribute: property, commaSeparated: false}
    return {attribute: kebab(property), commaSeparated: false}
  }
  return find(html, property)
}

/** What reading an attribute's value as a property needs to know: property-information's `Info`. */
export type PropertyInfo = Pick<Info, 'property' | 'attribute' | 'boolean' | 'overloadedBoolean' | 'spaceSeparated' | 'commaSeparated' | 'commaOrSpaceSeparated' | 'number'>


/**
 * The hast property of an HTML attribute: property-information's
 * `find(html, attribute)`, the other way round, without its cost for the
 * two kinds every post is made of. A known attribute is a table lookup; a
 * `data-*` attribute is camel-cased as `find` does it.
 *
 * @param attribute - An attribute name, lower case (as a tokenizer gives it).
 * @returns How its value reads as a property.
 * @example
 * propertyInfo('data-ke-size').property
 * //=> 'dataKeSize'
 */
export function propertyInfo(attribute: string): PropertyInfo {
  const lower = attribute.toLowerCase()
  if (own.call(html.normal, lower)) return html.property[html.normal[lower]!]!
  if (attribute.length > 5 && lower.startsWith('data') && attribute.charAt(4) === '-' && validData.test(attribute)) {
    const property = camel(attribute)
    return {property, attribute, boolean: false, overloadedBoolean: false, spaceSeparated: false, commaSeparated: false, commaOrSpaceSeparated: false, number: false}
  }
  return find(html, attribute)
}

/** `dataKeSize` → `data-ke-size`: find's `-` before each capital, lower-cased (a loop: a replace with a callback costs more than the rest of a lookup). */
function kebab(property: string): string {
  let result = 'data'
  let start = 4
  for (let index = 4; index < property.length; index++) {
    const code = property.charCodeAt(index)
    if (code >= 65 && code <= 90) {
      result += property.slice(start, index) + '-' + String.fromCharCode(code + 32)
      start = index + 1
    }
  }
  result += property.slice(start)
  return result.charAt(4) === '-' ? result : 'data-' + result.slice(4)
}

/** `data-ke-size` → `dataKeSize`: find's camel-casing of each `-` and lower-case letter, then a capital after `data`. */
function camel(attribute: string): string {
  let rest = ''
  let start = 5
  for (let index = 5; index < attribute.length - 1; index++) {
    const next = attribute.charCodeAt(index + 1)
    if (attribute.charCodeAt(index) === 45 && next >= 97 && next <= 122) {
      rest += attribute.slice(start, index) + String.fromCharCode(next - 32)
      start = index + 2
      index++
    }
  }
  rest += attribute.slice(start)
  return 'data' + rest.charAt(0).toUpperCase() + rest.slice(1)
}
