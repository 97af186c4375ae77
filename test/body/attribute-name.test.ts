import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {find, html} from 'property-information'
import {attributeName, propertyInfo} from '../../src/body/attribute-name.ts'

/** property-information's answer. Its `find` keeps state in a global regex (a match moves its `lastIndex`): a call that does not match resets it. */
function reference(property: string): {attribute: string; commaSeparated: boolean} {
  find(html, 'dataReset')
  const info = find(html, property)
  return {attribute: info.attribute, commaSeparated: info.commaSeparated}
}

function actual(property: string): {attribute: string; commaSeparated: boolean} {
  find(html, 'dataReset')
  const info = attributeName(property)
  return {attribute: info.attribute, commaSeparated: info.commaSeparated}
}

describe('attributeName', () => {
  it('should give what property-information gives for every known HTML property', () => {
    for (const property of Object.keys(html.property)) assert.deepEqual(actual(property), reference(property), property)
  })

  it('should give what property-information gives for data properties and anything else', () => {
    const part = fc.constantFrom('data', 'Data', 'DATA', 'ke', 'Ke', 'Size', '-', '-x', '1', '.', ':', '_', 'a', 'A', 'B', 'Z', 'é', ' ', 'class', 'Name')
    const property = fc.array(part, {minLength: 1, maxLength: 6}).map((parts) => parts.join(''))
    fc.assert(
      fc.property(property, (value) => {
        assert.deepEqual(actual(value), reference(value))
      }),
      {seed: 4242, numRuns: 5000}
    )
  })

  it('should spell the editor’s data attributes as written', () => {
    assert.equal(attributeName('dataKeSize').attribute, 'data-ke-size')
    assert.equal(attributeName('className').attribute, 'class')
    assert.equal(attributeName('accept').commaSeparated, true)
    // The capitals at both ends of A to Z, a first capital, a lower-case run.
    for (const property of ['dataAb', 'dataZz', 'dataXAZ', 'dataab', 'dataA', 'data9Z']) assert.deepEqual(actual(property), reference(property), property)
    assert.equal(attributeName('dataZz').attribute, 'data-zz')
  })

  it('should spell data properties without building property-information’s Info, as documented', () => {
    // Info objects carry `property`, `space`, `defined` and more; the shortcut gives the two fields only.
    for (const property of ['dataKeSize', 'dataOgUrl', 'dataX', 'dataX1', 'dataA-b', 'data_x', 'dataX.y:z']) {
      const info = attributeName(property)
      assert.equal(Object.getPrototypeOf(info), Object.prototype, property)
      assert.deepEqual(Object.keys(info).sort(), ['attribute', 'commaSeparated'], property)
    }
    for (const attribute of ['data-ke-size', 'data-x', 'data-og-url', 'data-x1', 'data-a.b']) {
      const info = propertyInfo(attribute)
      assert.equal(Object.getPrototypeOf(info), Object.prototype, attribute)
      assert.deepEqual(Object.keys(info).sort(), ['attribute', 'boolean', 'commaOrSpaceSeparated', 'commaSeparated', 'number', 'overloadedBoolean', 'property', 'spaceSeparated'], attribute)
    }
  })

  it('should read attributes as property-information does, the other way round', () => {
    const fields = (info: ReturnType<typeof propertyInfo>) => {
      const {property, attribute, boolean, overloadedBoolean, spaceSeparated, commaSeparated, commaOrSpaceSeparated, number} = info
      return {property, attribute, boolean, overloadedBoolean, spaceSeparated, commaSeparated, commaOrSpaceSeparated, number}
    }
    for (const info of Object.values(html.property)) {
      find(html, 'dataReset')
      assert.deepEqual(fields(propertyInfo(info.attribute)), fields(find(html, info.attribute)), info.attribute)
    }
    const part = fc.constantFrom('data', 'data-', '-', 'ke', 'size', 'x', '1', '.', ':', '_', '-a', '-z', 'z', 'class', 'style', 'src', 'on', 'é')
    fc.assert(
      fc.property(fc.array(part, {minLength: 1, maxLength: 6}).map((parts) => parts.join('')), (attribute) => {
        find(html, 'dataReset')
        const actual = fields(propertyInfo(attribute))
        find(html, 'dataReset')
        assert.deepEqual(actual, fields(find(html, attribute)))
      }),
      {seed: 4242, numRuns: 5000}
    )
    assert.equal(propertyInfo('data-ke-size').property, 'dataKeSize')
    // The letters at both ends of a to z after a dash, a dash at the end, two dashes.
    for (const attribute of ['data-a-a', 'data-z-z', 'data-x-', 'data-x--y', 'data-a', 'data-9-z']) {
      find(html, 'dataReset')
      const expected = fields(find(html, attribute))
      find(html, 'dataReset')
      assert.deepEqual(fields(propertyInfo(attribute)), expected, attribute)
    }
    assert.equal(propertyInfo('data-z-z').property, 'dataZZ')
  })
})
