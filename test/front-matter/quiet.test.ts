/**
 * A library never writes to the console: yaml's warnings (sent to
 * `process.emitWarning`, or `console.warn` where there is no `process`)
 * must not escape parsing or rendering a front matter.
 */
import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'node:test'
import {parseFrontMatter} from '../../src/front-matter/parse.ts'
import {renderFrontMatter} from '../../src/front-matter/render.ts'
import {parsePost, renderPost} from '../../src/index.ts'

// Front matters yaml has something to say about.
const posts = {
  // toJS: "Keys with collection values will be stringified due to JS Object restrictions".
  'a flow sequence as a key': '---\ntitle: T\n[a, b]: x\n---\n<p>Body</p>\n',
  'a flow mapping as an explicit key': '---\ntitle: T\n? {a: 1}\n: x\n---\n<p>Body</p>\n',
  // YAML 1.1 directive and its booleans, an unknown tag, a YAML 1.1 binary tag.
  'a %YAML 1.1 directive': '---\n%YAML 1.1\n---\ntitle: T\npublished: yes\n---\n<p>Body</p>\n',
  'an unknown tag': '---\ntitle: !custom T\nnote: !!binary aGk=\n---\n<p>Body</p>\n'
}

type Sink = 'console.warn' | 'console.log' | 'console.error' | 'console.info' | 'console.debug' | 'process.emitWarning' | 'warning event'

describe('yaml warnings', () => {
  const calls: Array<[Sink, unknown[]]> = []
  const restore: Array<() => void> = []
  const onWarning = (warning: Error) => calls.push(['warning event', [warning.message]])

  beforeEach(() => {
    calls.length = 0
    for (const name of ['warn', 'log', 'error', 'info', 'debug'] as const) {
      const original = console[name]
      console[name] = (...args: unknown[]) => void calls.push([`console.${name}`, args])
      restore.push(() => (console[name] = original))
    }
    const emitWarning = process.emitWarning
    process.emitWarning = ((...args: unknown[]) => void calls.push(['process.emitWarning', args])) as typeof process.emitWarning
    restore.push(() => (process.emitWarning = emitWarning))
    process.on('warning', onWarning)
    restore.push(() => process.off('warning', onWarning))
  })

  afterEach(() => {
    for (const undo of restore.splice(0).reverse()) undo()
  })

  for (const [name, raw] of Object.entries(posts)) {
    it(`should not write to the console for ${name}`, () => {
      const {meta} = parseFrontMatter(raw)
      renderFrontMatter(meta, raw)
      renderFrontMatter({...meta, title: 'Changed'}, raw)
      const article = parsePost(raw)
      renderPost(article)
      renderPost({...article, meta: {...article.meta, title: 'Changed'}})
      assert.deepEqual(calls, [])
    })
  }

  it('should still read a collection key, as yaml writes it', () => {
    const {meta} = parseFrontMatter(posts['a flow sequence as a key'])
    assert.deepEqual(meta.extra, [['[ a, b ]', 'x']])
    assert.deepEqual(calls, [])
  })
})
