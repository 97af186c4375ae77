import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'

// The built package, imported by its own name through the `exports` map (`npm test` builds first).
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const documented = [...readme.slice(readme.indexOf('## API'), readme.indexOf('## The Article')).matchAll(/^### `([A-Za-z]+)/gm)].map((match) => match[1]!)

describe('article-kit', () => {
  it('should expose the public API the README documents, and nothing else', async () => {
    const api = await import('article-kit')
    assert.deepEqual(Object.keys(api).sort(), [...documented].sort())
  })

  it('should expose the front matter entry without the body parser', async () => {
    const api = await import('article-kit/front-matter')
    assert.deepEqual(Object.keys(api).sort(), ['parseDate', 'parseFrontMatter', 'renderFrontMatter', 'splitPost'])
  })

  it('should parse, render and round-trip through the built package', async () => {
    const {parsePost, renderPost} = await import('article-kit')
    const raw = readFileSync(new URL('../examples/sample.txt', import.meta.url), 'utf8')
    assert.equal(renderPost(parsePost(raw)), raw)
  })
})
