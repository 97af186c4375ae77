/**
 * The DOM clobbering list (`src/body/dom-names.ts`) against its source of
 * truth in Chromium: every property of `document` and a `<form>` up their
 * prototype chains, of `Window.prototype`, and window's own properties but
 * the capitalised interface objects and built-ins. jsdom's are checked in
 * `test/body/clobber.test.ts`. A Chromium newer than the list's may have
 * names it lacks: then write the list again (`npx tsx scripts/dom-names.ts`).
 */
import assert from 'node:assert/strict'
import {after, describe, it} from 'node:test'
import {clobbers} from '../../src/body/clobber.ts'
import {domNames} from '../../src/body/dom-names.ts'
import {closeBrowser, evaluateInBlankPage, requireChromium} from './harness.ts'

/** Read in the page: own property names up each chain, Window.prototype's, and window's not capitalised. */
const namesInPage = `(() => {
  const names = []
  for (const start of [document, document.createElement('form')]) {
    for (let object = start; object; object = Object.getPrototypeOf(object)) names.push(...Object.getOwnPropertyNames(object))
  }
  names.push(...Object.getOwnPropertyNames(Window.prototype))
  names.push(...Object.getOwnPropertyNames(window).filter((name) => !/^[A-Z]/.test(name)))
  return [...new Set(names)]
})()`

describe('domNames in Chromium', () => {
  after(async () => {
    await closeBrowser()
  })

  it('should hold every name a named element could shadow in Chromium', async () => {
    requireChromium()
    const [names] = (await evaluateInBlankPage([namesInPage])) as [string[]]
    assert.ok(names.length > 400, String(names.length))
    const listed = new Set(domNames)
    assert.deepEqual(names.filter((name) => !listed.has(name) || !clobbers(name)), [], 'names missing from the list: run npx tsx scripts/dom-names.ts')
  })
})
