import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import type {Properties} from 'hast'
import {h, s} from 'hastscript'
import {html, svg, type Schema} from 'property-information'
import {addProperty, attributeInfo, htmlProperties} from '../../src/body/properties.ts'

describe('htmlProperties', () => {
  it('should give what hastscript’s h() gives for string values', () => {
    // Names by attribute and by property, lists, numbers, booleans, data-*, unknown, odd case.
    const known = Object.values(html.property).flatMap((info) => [info.attribute, info.property])
    const name = fc.oneof(
      fc.constantFrom(...known),
      fc.constantFrom('data-ke-size', 'data-og-url', 'dataKeType', 'data-A', 'data-', 'x-custom', 'CLASS', 'Width', 'srcset', 'allowfullscreen', 'aria-hidden', 'role'),
      fc.string({unit: fc.constantFrom('a', 'd', 't', '-', 'x', 'A', ':', '.', '1'), minLength: 1, maxLength: 8})
    )
    const value = fc.oneof(fc.constantFrom('', ' ', '0', '10', '1e2', 'abc', 'a b', 'a, b', ' a ,b, ', 'true', 'DISABLED', 'allowFullScreen'), fc.string({maxLength: 6}))
    fc.assert(
      fc.property(fc.dictionary(name, value, {maxKeys: 6}), (values) => {
        assert.deepStrictEqual(htmlProperties(values), {...h('p', values).properties})
      }),
      {seed: 8080, numRuns: 5000}
    )
  })

  it('should leave out the names of Object.prototype members', () => {
    const properties = htmlProperties(JSON.parse('{"constructor": "x", "toString": "y", "__proto__": "z", "id": "a"}') as Record<string, string>)
    assert.deepStrictEqual(Object.keys(properties), ['id'])
    assert.equal(Object.getPrototypeOf(properties), Object.prototype)
    // Only own names: not those a prototype of the values holds.
    const values = Object.create({title: 'inherited'}) as Record<string, string>
    values.id = 'a'
    assert.deepStrictEqual(htmlProperties(values), {id: 'a'})
  })
})

/** Properties built a name at a time with `attributeInfo` and `addProperty`, as a converter would. */
function build(schema: Schema, values: Record<string, string>, properties: Properties = {}): Properties {
  for (const [name, value] of Object.entries(values)) {
    const info = attributeInfo(schema, name)
    if (info) addProperty(properties, info, value)
  }
  return properties
}

describe('attributeInfo and addProperty', () => {
  it('should give what hastscript’s h() and s() give, in HTML and in SVG', () => {
    const known = [...Object.values(html.property), ...Object.values(svg.property)].flatMap((info) => [info.attribute, info.property])
    const name = fc.oneof(
      fc.constantFrom(...known),
      fc.constantFrom('data-ke-size', 'dataKeType', 'CLASS', 'Width', 'srcset', 'accept', 'coords', 'allowfullscreen', 'download', 'hidden', 'viewBox', 'viewbox', 'strokeDashArray', 'x-custom'),
      fc.string({unit: fc.constantFrom('a', 'd', 't', '-', 'x', 'A', ':', '.', '1'), minLength: 1, maxLength: 8})
    )
    const value = fc.oneof(fc.constantFrom('', ' ', '0', '10', '1e2', ' 7 ', 'abc', 'a b', 'a, b', ' a ,b, ', ',a,,b,', 'a,', 'true', 'DISABLED', 'Download', 'allowFullScreen'), fc.string({maxLength: 6}))
    fc.assert(
      fc.property(fc.dictionary(name, value, {maxKeys: 6}), (values) => {
        assert.deepStrictEqual(build(html, values), {...h('p', values).properties})
        assert.deepStrictEqual(build(svg, values), {...s('g', values).properties})
      }),
      {seed: 9090, numRuns: 3000}
    )
  })

  it('should read the names of Object.prototype members as nothing', () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) assert.equal(attributeInfo(html, name), null, name)
    assert.equal(attributeInfo(html, 'id')?.property, 'id')
  })

  it('should read each kind of list, number and boolean as hastscript does', () => {
    assert.deepStrictEqual(build(html, {class: ' a  b\tc '}), {className: ['a', 'b', 'c']})
    assert.deepStrictEqual(build(html, {class: '   '}), {className: []})
    assert.deepStrictEqual(build(html, {accept: ' a , b ,, c, '}), {accept: ['a', 'b', '', 'c']})
    assert.deepStrictEqual(build(html, {accept: 'a'}), {accept: ['a']})
    assert.deepStrictEqual(build(html, {coords: '1, 2 3,x'}), {coords: [1, '2 3', 'x']})
    // Commas or spaces: only SVG has such properties.
    assert.deepStrictEqual(build(svg, {'stroke-dasharray': '1, 2 3,,x'}), {strokeDashArray: ['1', '2', '3', 'x']})
    assert.deepStrictEqual(build(html, {width: ' 10 ', height: '', tabIndex: 'x'}), {width: 10, height: '', tabIndex: 'x'})
    assert.deepStrictEqual(build(html, {hidden: '', disabled: 'DISABLED', checked: 'no'}), {hidden: true, disabled: true, checked: 'no'})
    assert.deepStrictEqual(build(html, {download: 'Download', allowfullscreen: 'allowFullScreen'}), {download: true, allowFullScreen: true})
    assert.deepStrictEqual(build(html, {download: 'file.txt'}), {download: 'file.txt'})
    for (const values of <Array<Record<string, string>>>[{class: ' a  b\tc '}, {accept: ' a , b ,, c, '}, {coords: '1, 2 3,x'}, {width: ' 10 ', height: ''}, {hidden: '', disabled: 'DISABLED', checked: 'no'}, {download: 'Download'}]) {
      assert.deepStrictEqual(build(html, values), {...h('p', values).properties}, JSON.stringify(values))
    }
    assert.deepStrictEqual(build(svg, {'stroke-dasharray': '1, 2 3,,x'}), {...s('g', {'stroke-dasharray': '1, 2 3,,x'}).properties})
  })

  it('should keep the classes already there first, as from a tag name', () => {
    assert.deepStrictEqual(build(html, {class: 'b c'}, {className: ['a']}), {...h('p.a', {class: 'b c'}).properties})
    assert.deepStrictEqual(build(html, {class: 'b'}, {className: ['a']}), {className: ['a', 'b']})
    // Only a list is kept: anything else is written over.
    assert.deepStrictEqual(build(html, {class: 'b'}, {className: 'a'} as unknown as Properties), {className: ['b']})
    // Other list properties are written over.
    assert.deepStrictEqual(build(html, {accept: 'b'}, {accept: ['a']}), {accept: ['b']})
  })
})
