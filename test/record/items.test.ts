import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'
import {parsePost, type Article} from '../../src/index.ts'
import {itemsOf} from '../../src/record/items.ts'

const sample = readFileSync(new URL('../../examples/sample.txt', import.meta.url), 'utf8')

/** Every item of an Article, found by recursion (the reference `itemsOf` is held to). */
function walk(article: Article): object[] {
  const found: object[] = [...article.lead]
  for (const one of [article.titleHeading, article.hero, article.summary]) if (one) found.push(one)
  const section = (value: Article['sections'][number]): void => {
    found.push(value, ...value.blocks)
    for (const child of value.children) section(child)
  }
  for (const value of article.sections) section(value)
  return found
}

/** The same items, each once: order is not part of what `itemsOf` promises. */
function assertSameItems(actual: readonly object[], expected: readonly object[]): void {
  assert.equal(actual.length, expected.length)
  assert.equal(new Set(actual).size, actual.length, 'an item listed twice')
  for (const item of expected) assert.ok(actual.includes(item), JSON.stringify(item))
}

const block = (text: string) => ({type: 'paragraph', text, html: text}) as unknown as Article['lead'][number]
const section = (heading: string, blocks: Article['lead'], children: Article['sections'] = []) =>
  ({heading, id: heading, depth: 2, blocks, children}) as Article['sections'][number]

describe('itemsOf', () => {
  it('should list every lead block, the title heading, hero, summary, every section at any depth and its blocks, once', () => {
    const lead = [block('a'), block('b')]
    const deepest = section('d', [block('d1')])
    const nested = section('c', [block('c1'), block('c2')], [deepest])
    const empty = section('e', [])
    const top = section('t', [block('t1')], [nested, empty])
    const last = section('l', [block('l1')])
    const titleHeading = {text: 'T', id: 't'}
    const hero = {src: 'x.png', alt: ''}
    const summary = {items: []}
    const article = {lead, titleHeading, hero, summary, sections: [top, last]} as unknown as Article
    const expected = [...lead, titleHeading, hero, summary, top, ...top.blocks, nested, ...nested.blocks, deepest, ...deepest.blocks, empty, last, ...last.blocks]
    assertSameItems(itemsOf(article), expected)
    assertSameItems(itemsOf(article), walk(article))
  })

  it('should leave out a missing title heading, hero and summary, and list nothing for an empty Article', () => {
    const lead = [block('a')]
    const article = {lead, titleHeading: null, hero: null, summary: null, sections: [section('s', [])]} as unknown as Article
    const items = itemsOf(article)
    assertSameItems(items, [lead[0]!, article.sections[0]!])
    assert.ok(!items.includes(null as never) && !items.includes(undefined as never))
    assert.deepEqual(itemsOf({lead: [], titleHeading: null, hero: null, summary: null, sections: []} as unknown as Article), [])
  })

  it('should not change the Article', () => {
    const inner = section('i', [block('i1')])
    const article = {lead: [block('a')], titleHeading: null, hero: null, summary: null, sections: [section('s', [block('s1')], [inner])]} as unknown as Article
    const before = structuredClone(article)
    itemsOf(article)
    assert.deepEqual(article, before)
  })

  it('should list every item of a parsed post, which are what carry a source', () => {
    const article = parsePost(sample)
    const items = itemsOf(article)
    assertSameItems(items, walk(article))
    assert.ok(article.titleHeading || article.hero || article.summary, 'the sample has one of them')
    assert.ok(items.filter((item) => item.source).length > 10)
  })
})
