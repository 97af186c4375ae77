import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {h} from 'hastscript'
import {html} from 'property-information'
import {htmlProperties} from '../../src/body/properties.ts'

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
  })
})
