import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {parsePost, renderHtml, renderPost, type Article, type Block, type Section} from '../../src/index.ts'
import {content} from '../support/round-trip.ts'
import {article, blockTypes} from './arbitraries.ts'

// A fixed seed keeps CI reproducible; fast-check prints the seed and path of any failure to replay it
// (FUZZ_SEED=… FUZZ_RUNS=… to search further).
const settings = {seed: Number(process.env['FUZZ_SEED'] ?? 20_261_125), numRuns: Number(process.env['FUZZ_RUNS'] ?? 150)}

describe('round trip of canonical hand-built Articles', () => {
  it('should give the Article back: parsePost(renderPost(a)) equals a', () => {
    fc.assert(
      fc.property(article, (value) => {
        assert.deepEqual(content(parsePost(renderPost(value))), content(value))
      }),
      settings
    )
  })

  it('should give the body back: parsePost(renderHtml(a)) equals a, front matter aside, and renders the same', () => {
    fc.assert(
      fc.property(article, (value) => {
        const body = renderHtml(value)
        // Without front matter, a body that starts like front matter (`---`) is read as front matter: renderPost guards it, renderHtml cannot.
        fc.pre(!/^---[ \t]*(\r?\n|$)/.test(body))
        const parsed = parsePost(body)
        // Where the title came from is the front matter's business too.
        assert.deepEqual(content({...parsed, meta: value.meta, titleSource: value.titleSource}), content(value))
        assert.equal(renderHtml(parsed), body)
      }),
      settings
    )
  })

  it('should render idempotently: what a rendering parses into renders the same', () => {
    fc.assert(
      fc.property(article, (value) => {
        const once = renderPost(value)
        const parsed = parsePost(once)
        assert.equal(renderPost(parsed), once)
        assert.equal(renderHtml(parsePost(renderPost(parsed))), renderHtml(parsed))
      }),
      settings
    )
  })

  it('should survive JSON: JSON.parse(JSON.stringify(a)) deep-equals a, and renders the same', () => {
    fc.assert(
      fc.property(article, (value) => {
        const parsed = parsePost(renderPost(value))
        const copy = JSON.parse(JSON.stringify(parsed)) as Article
        assert.deepEqual(copy, parsed)
        assert.equal(renderPost(copy), renderPost(parsed))
      }),
      settings
    )
  })

  it('should generate every block type, nested sections, title headings, heroes and summaries', () => {
    const seen = new Set<string>()
    const depths = new Set<number>()
    let summaries = 0
    let heroes = 0
    let titles = 0
    let titlesFromHeading = 0
    const walk = (sections: Section[], level: number) => {
      for (const section of sections) {
        depths.add(level)
        for (const item of section.blocks) seen.add(kind(item))
        walk(section.children, level + 1)
      }
    }
    for (const value of fc.sample(article, {seed: settings.seed, numRuns: settings.numRuns})) {
      for (const item of value.lead) seen.add(kind(item))
      walk(value.sections, 1)
      if (value.summary) summaries++
      if (value.hero) heroes++
      if (value.titleHeading) titles++
      if (value.titleSource === 'heading') titlesFromHeading++
    }
    assert.deepEqual([...blockTypes, 'implicit'].filter((type) => !seen.has(type)), [])
    assert.deepEqual([1, 2, 3].filter((level) => !depths.has(level)), [])
    assert.ok(summaries > settings.numRuns / 20, `${summaries} summaries`)
    assert.ok(heroes > settings.numRuns / 20, `${heroes} heroes`)
    assert.ok(titles > settings.numRuns / 20, `${titles} title headings`)
    assert.ok(titlesFromHeading > 0, `${titlesFromHeading} titles from the title heading`)
  })
})

function kind(item: Block): string {
  return item.type === 'paragraph' && item.implicit ? 'implicit' : item.type
}
