import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {JSDOM} from 'jsdom'
import {clobbers} from '../../src/body/clobber.ts'
import {domNames} from '../../src/body/dom-names.ts'

/** Own property names of a value and of every prototype up its chain. */
function chainNames(value: object): string[] {
  const names: string[] = []
  for (let object: object | null = value; object; object = Object.getPrototypeOf(object)) names.push(...Object.getOwnPropertyNames(object))
  return names
}

describe('clobbers', () => {
  it('should catch names that shadow document, window, form and element properties', () => {
    for (const name of ['location', 'cookie', 'submit', 'forms', 'activeElement', 'getElementById', 'body', 'innerHTML', '__proto__', 'constructor', 'eval', 'window', 'URL', 'adoptedStyleSheets', 'alinkColor', 'all', 'attributes', 'evaluate', 'elements', 'fonts', 'frames', 'toString', 'valueOf', 'hasOwnProperty']) {
      assert.equal(clobbers(name), true, name)
    }
  })

  // The list's source of truth, read again here from jsdom (test/browser/dom-names.test.ts reads Chromium's): every
  // name of it is in the list, so a name emptied or left out of the list fails this test by name.
  it('should catch every property of jsdom\'s document and a form up their prototype chains, and of its window', () => {
    const {window} = new JSDOM('<!doctype html><title>x</title>')
    const names = new Set(domNames)
    const fromJsdom = new Set([
      ...chainNames(window.document),
      ...chainNames(window.document.createElement('form')),
      ...Object.getOwnPropertyNames(window.Window.prototype),
      // Interface objects and built-ins (`HTMLElement`, `Array`, `JSON`) are capitalised: named access cannot shadow them.
      ...Object.getOwnPropertyNames(window).filter((name) => !/^[A-Z]/.test(name))
    ])
    const missing = [...fromJsdom].filter((name) => !names.has(name) || !clobbers(name))
    assert.deepEqual(missing, [])
    // Most of the list comes from jsdom: the rest is Chromium's and a few names kept by hand.
    assert.ok(fromJsdom.size > 400, String(fromJsdom.size))
    window.close()
  })

  it('should catch the document properties the former hand-kept list missed', () => {
    for (const name of ['adoptNode', 'hasStorageAccess', 'createNodeIterator', 'createTreeWalker', 'exitFullscreen', 'caretRangeFromPoint', 'startViewTransition', 'fragmentDirective', 'onreadystatechange', 'ELEMENT_NODE', 'compareDocumentPosition', 'isPrototypeOf', '__defineGetter__', 'closest', 'requestSubmit', 'checkValidity', 'navigation']) {
      assert.equal(clobbers(name), true, name)
    }
  })

  it('should be a sorted list of unique names', () => {
    assert.deepEqual([...domNames], [...new Set(domNames)].sort())
    assert.ok(domNames.length > 400)
  })

  it('should read a value as browsers match it: trimmed, case-sensitive', () => {
    assert.equal(clobbers(' location\n'), true)
    assert.equal(clobbers('\tcookie '), true)
    assert.equal(clobbers('Location'), false)
    assert.equal(clobbers('url'), false)
  })

  it('should keep ordinary ids', () => {
    for (const name of ['', ' ', 'intro', 'section-1', 'footnote', 'location-map', 'my cookie', 'names', 'summary', 'toc', 'conclusion', 'top-1', '서론', '결론-1', '북-러-정상회담-결과-분석']) {
      assert.equal(clobbers(name), false, name)
    }
  })
})
