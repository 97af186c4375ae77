import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {clobbers} from '../../src/body/clobber.ts'

describe('clobbers', () => {
  it('should catch names that shadow document, window, form and element properties', () => {
    for (const name of ['location', 'cookie', 'submit', 'forms', 'activeElement', 'getElementById', 'body', 'innerHTML', '__proto__', 'constructor', 'eval', 'window', 'URL', 'adoptedStyleSheets', 'alinkColor', 'all', 'attributes', 'evaluate', 'elements', 'fonts', 'frames', 'toString', 'valueOf', 'hasOwnProperty']) {
      assert.equal(clobbers(name), true, name)
    }
  })

  it('should read a value as browsers match it: trimmed, case-sensitive', () => {
    assert.equal(clobbers(' location\n'), true)
    assert.equal(clobbers('\tcookie '), true)
    assert.equal(clobbers('Location'), false)
    assert.equal(clobbers('url'), false)
  })

  it('should keep ordinary ids', () => {
    for (const name of ['', ' ', 'intro', 'section-1', 'footnote', 'location-map', 'my cookie', 'names']) {
      assert.equal(clobbers(name), false, name)
    }
  })
})
