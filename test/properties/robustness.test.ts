import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {ArticleError, parsePost, renderPost} from '../../src/index.ts'
import {content, corpusFolder, postsIn} from '../support/round-trip.ts'
import {mutations} from './mutations.ts'

const fixtures = new URL('../fixtures/', import.meta.url).pathname
const seeds = [
  ...readdirSync(fixtures)
    .filter((name) => existsSync(join(fixtures, name, 'input.txt')))
    .map((name) => readFileSync(join(fixtures, name, 'input.txt'), 'utf8')),
  ...postsIn(corpusFolder)
    .filter((post, index) => index % 8 === 0 && post.raw.length < 20_000)
    .map((post) => post.raw)
]
const settings = {seed: Number(process.env['FUZZ_SEED'] ?? 4242), numRuns: Number(process.env['FUZZ_RUNS'] ?? 1500)}

/** Parse leniently and strictly; check what must always hold. */
function check(raw: string): void {
  const article = parsePost(raw)
  assert.deepEqual(JSON.parse(JSON.stringify(article)), article)
  try {
    parsePost(raw, {strict: true})
  } catch (error) {
    assert.ok(error instanceof ArticleError, `threw ${String(error)}`)
    assert.equal(typeof error.line, 'number')
  }
  // Whatever parses reaches the fixpoint.
  const rendered = renderPost(article)
  assert.deepEqual(content(parsePost(rendered)), content(article))
}

describe('robustness', () => {
  it('should never throw on arbitrary strings, and reach the fixpoint', () => {
    fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 400}), check), settings)
  })

  it('should never throw on HTML-ish noise', () => {
    const piece = fc.constantFrom('<p>', '</p>', '<h2>', '</h2>', '<h3>x</h3>', '<table><tr><td>', '</td>', '<ul><li>', '<img src=x>', '<b>', '</b>', '<div>', '</div>', 'text', ' ', '\n', '---\n', '&nbsp;', '<!-- c -->', '<script>', '</script>', '<svg><style>', '"', "'", '=')
    fc.assert(fc.property(fc.array(piece, {maxLength: 60}).map((pieces) => pieces.join('')), check), settings)
  })

  it('should never throw on mutated real posts (byte flips, truncation, duplicated fences, shuffled tags)', () => {
    const mutated = fc.tuple(fc.constantFrom(...seeds), mutations).map(([raw, mutate]) => mutate(raw))
    fc.assert(fc.property(mutated, check), {...settings, numRuns: Math.ceil(settings.numRuns / 5)})
  })

  it('should throw a TypeError that names the argument for a non-string', () => {
    for (const value of [undefined, null, 1, {}, [], Buffer.from('x')]) {
      // @ts-expect-error: check how a non-string is handled.
      assert.throws(() => parsePost(value), (error: unknown) => error instanceof TypeError && /`raw`/.test(error.message))
    }
  })
})
