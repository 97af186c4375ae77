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

  it('should catch every property of jsdom\'s document and HTMLFormElement.prototype, up their prototype chains', () => {
    const {window} = new JSDOM('<!doctype html><title>x</title>')
    const names = new Set(domNames)
    const missing = [...new Set([...chainNames(window.document), ...chainNames(window.HTMLFormElement.prototype)])].filter((name) => !names.has(name) || !clobbers(name))
    assert.deepEqual(missing, [])
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
