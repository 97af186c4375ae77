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
const capital = /[A-Z]/g
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
    const rest = property.slice(4)
    // `find` leaves a name with a dash before a lower-case letter as it is.
    if (dashLetter.test(rest)) return {attribute: property, commaSeparated: false}
    const dashes = rest.replace(capital, (letter) => '-' + letter.toLowerCase())
    return {attribute: 'data' + (dashes.charAt(0) === '-' ? dashes : '-' + dashes), commaSeparated: false}
  }
  return find(html, property)
}

/** What reading an attribute's value as a property needs to know: property-information's `Info`. */
export type PropertyInfo = Pick<Info, 'property' | 'attribute' | 'boolean' | 'overloadedBoolean' | 'spaceSeparated' | 'commaSeparated' | 'commaOrSpaceSeparated' | 'number'>

const dashLetters = /-[a-z]/g

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
    const rest = attribute.slice(5).replace(dashLetters, (match) => match.charAt(1).toUpperCase())
    const property = 'data' + rest.charAt(0).toUpperCase() + rest.slice(1)
    return {property, attribute, boolean: false, overloadedBoolean: false, spaceSeparated: false, commaSeparated: false, commaOrSpaceSeparated: false, number: false}
  }
  return find(html, attribute)
}
