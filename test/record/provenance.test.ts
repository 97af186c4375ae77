import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {defaultEmbedHosts, defaultSchema, parsePost, renderHtml, renderPost, type Article} from '../../src/index.ts'
import {keptItem, keptLayout, keptFrontMatter, recordReading, type ReadingPolicy} from '../../src/record/provenance.ts'
import {itemsOf} from '../../src/record/items.ts'
import {schemaWithDefaults} from '../../src/body/schema.ts'
import {policyOf} from '../../src/render/policy.ts'
import {apply, edit, hasScript} from '../support/edits.ts'

const sample = readFileSync(new URL('../../examples/sample.txt', import.meta.url), 'utf8')
const policy = {schema: defaultSchema, embedHosts: defaultEmbedHosts}

type Item = {source?: {html: unknown; index?: unknown} | undefined}

const isCheckedItem = (item: Item, under: ReadingPolicy) => keptItem(item, under) !== undefined
const checkedBody = (layout: Article['layout'], under: ReadingPolicy) => keptLayout(layout, under)?.body

/** Every item of an Article that has a source. */
function items(article: Article): Item[] {
  return itemsOf(article).filter((item) => item.source)
}

describe('what parsePost checked', () => {
  it('should remember every item and the gaps of a parsed Article', () => {
    const article = parsePost(sample)
    const found = items(article)
    assert.ok(found.length > 10)
    for (const item of found) assert.equal(isCheckedItem(item, policy), true)
    // The body it was read from: what a copy of the Article renders, step by step.
    assert.equal(checkedBody(article.layout, policy), renderHtml(structuredClone(article)))
  })

  it('should not vouch for copies, whatever they hold', () => {
    const copy = structuredClone(parsePost(sample))
    for (const item of items(copy)) assert.equal(isCheckedItem(item, policy), false)
    assert.equal(checkedBody(copy.layout, policy), undefined)
  })

  it('should forget an item once a field, a nested value or its source changes', () => {
    const article = parsePost(sample)
    const paragraph = article.sections[0]!.blocks[0]!
    paragraph.text += ' '
    assert.equal(isCheckedItem(paragraph, policy), false)

    const summary = article.summary!
    summary.items.push({...summary.items[0]!})
    assert.equal(isCheckedItem(summary, policy), false)

    const heading = article.sections[0]!
    heading.source!.html = '<h2>x</h2><script>alert(1)</script>'
    assert.equal(isCheckedItem(heading, policy), false)

    const moved = items(article).find((item) => item !== paragraph && item !== summary && item !== heading)!
    moved.source!.index = Number(moved.source!.index) + 1
    assert.equal(isCheckedItem(moved, policy), false)

    article.layout.gaps[1] = '<img src=x onerror=alert(1)>'
    assert.equal(checkedBody(article.layout, policy), undefined)
  })

  it('should keep an item whose strings are replaced by equal ones, and ignore where it is', () => {
    const article = parsePost(sample)
    const paragraph = article.sections[0]!.blocks[0]!
    paragraph.text = [...paragraph.text].join('')
    paragraph.position = undefined
    article.sections[0]!.children.reverse()
    assert.equal(isCheckedItem(paragraph, policy), true)
  })

  it('should vouch only under the schema and embed hosts of the check', () => {
    const article = parsePost(sample)
    const item = items(article)[0]!
    assert.equal(isCheckedItem(item, {schema: {...defaultSchema}, embedHosts: defaultEmbedHosts}), false)
    assert.equal(isCheckedItem(item, {schema: defaultSchema, embedHosts: [...defaultEmbedHosts, 'example.com']}), false)
    assert.equal(isCheckedItem(item, {schema: defaultSchema, embedHosts: [...defaultEmbedHosts]}), true)

    const strict = {...defaultSchema, tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'img')}
    const parsed = parsePost(sample, {schema: strict})
    // parsePost reads a user's schema over the default one; the renderer's policy is that same merged object.
    assert.equal(isCheckedItem(items(parsed)[0]!, {schema: schemaWithDefaults(strict), embedHosts: defaultEmbedHosts}), true)
    assert.equal(isCheckedItem(items(parsed)[0]!, policyOf({schema: strict})), true)
    assert.equal(isCheckedItem(items(parsed)[0]!, policy), false)
  })
})

describe('rendering what parsePost checked', () => {
  it('should give an unmodified post back byte for byte, as before', () => {
    const article = parsePost(sample)
    assert.equal(renderPost(article), sample)
    assert.equal(renderHtml(article), renderHtml(structuredClone(article)))
  })
})

describe('the front matter block', () => {
  it('should be kept without parsing it while the meta is unchanged, and not after an edit', () => {
    const article = parsePost(sample)
    const block = article.layout.frontMatter!
    assert.equal(keptFrontMatter(article.meta, block), block)
    assert.equal(keptFrontMatter(structuredClone(article.meta), block), undefined)
    article.meta.tags.push('새 태그')
    assert.equal(keptFrontMatter(article.meta, block), undefined)
    assert.equal(renderPost(article), renderPost(structuredClone(article)))
    assert.match(renderPost(article), /새 태그/)
  })

  it('should not be vouched for when renderFrontMatter rewrites the block anyway', () => {
    // A fence line hidden between line separators: kept by the parse, rewritten by the renderer.
    const raw = '---\ntitle: "x\u2028---\u2028y"\n---\n<p>b</p>\n'
    const article = parsePost(raw)
    assert.equal(article.layout.frontMatter, '---\ntitle: "x\u2028---\u2028y"\n---\n')
    assert.equal(keptFrontMatter(article.meta, article.layout.frontMatter), undefined)
    assert.equal(renderPost(article), renderPost(structuredClone(article)))
  })
})

describe('items from another parse', () => {
  it('should write an item moved in from another post, not the body it replaced', () => {
    const article = parsePost(sample)
    const other = parsePost(sample.replace('<p data-ke-size="size16">', '<p data-ke-size="size16">다른 글: '))
    // The same place in a post of the same shape: same index, different source.
    const mine = article.sections[0]!.blocks
    const theirs = other.sections[0]!.blocks
    const at = mine.findIndex((block, index) => block.source?.html !== theirs[index]?.source?.html)
    assert.ok(at >= 0)
    mine[at] = theirs[at]!
    const html = renderHtml(article)
    assert.equal(html, renderHtml(structuredClone(article)))
    assert.ok(html.includes('다른 글: '))
  })
})

const body = '<p>a</p>\n<p>b</p>\n'

/** A hand-built Article recorded as parsePost records one: `items` in the lead, gaps around them. */
function recorded(items: object[], under: ReadingPolicy = policy): Article {
  const gaps = ['', ...items.map(() => '\n')]
  const article = {meta: {}, titleHeading: null, hero: null, summary: null, lead: items, sections: [], layout: {gaps}} as unknown as Article
  recordReading(article, body, under)
  return article
}

/** A fresh item with every kind of field a digest covers. */
function fullItem(index = 0): Record<string, unknown> & {source: {index: number; html: string; digest: string}} {
  return {
    type: 'paragraph',
    text: 'a',
    html: 'a',
    count: 1,
    ok: true,
    none: null,
    list: [1, 'x', [null], {k: 'v'}],
    rows: [{source: 's', children: 'c'}],
    nested: {deep: {x: [true]}, empty: {}, none: []},
    // Only an item's own `position`, `source`, `blocks` and `children` are left to records of their own.
    attributes: {source: 's', position: 'p', blocks: 'b', children: 'c'},
    position: {start: {offset: 0}},
    source: {index, html: `<p>${index}</p>`, digest: '0123456789abcdef'}
  }
}

const kept = (item: object, under: ReadingPolicy = policy) => keptItem(item as Item, under) !== undefined

describe('recordReading, keptItem and keptLayout', () => {
  it('should vouch for every item with a source, with one token per reading, shared with its layout', () => {
    const first = fullItem(0)
    const second = fullItem(1)
    const withoutSource = {type: 'paragraph', text: 'c', html: 'c'}
    const notString = {type: 'paragraph', text: 'd', html: 'd', source: {index: 3, html: 5}}
    const article = recorded([first, second, withoutSource, notString])
    const token = keptItem(first, policy)
    assert.equal(typeof token, 'object')
    assert.equal(keptItem(second, policy), token)
    assert.deepEqual(keptLayout(article.layout, policy), {body, reading: token})
    assert.equal(keptItem(withoutSource as Item, policy), undefined)
    assert.equal(keptItem(notString as Item, policy), undefined)
    const again = recorded([fullItem(0)])
    assert.notEqual(keptItem(again.lead[0]!, policy), token)
    assert.notEqual(keptLayout(again.layout, policy)?.reading, token)
  })

  it('should forget an item once any field, nested value, key or order changes', () => {
    const edits: Array<[string, (item: Record<string, any>) => void]> = [
      ['a number', (item) => (item['count'] = 2)],
      ['a boolean', (item) => (item['ok'] = false)],
      ['null to 0', (item) => (item['none'] = 0)],
      ['null to undefined', (item) => (item['none'] = undefined)],
      ['a number to its string', (item) => (item['list'][0] = '1')],
      ['a string to a list of it', (item) => (item['text'] = ['a'])],
      ['an entry added', (item) => item['list'].push(2)],
      ['an entry removed', (item) => item['list'].pop()],
      ['a nested null', (item) => (item['list'][2][0] = undefined)],
      ['a nested string', (item) => (item['list'][3].k = 'w')],
      ['a nested key added', (item) => (item['list'][3].j = 'v')],
      ['a nested key renamed', (item) => (item['list'][3] = {j: 'v'})],
      ['an object to an array', (item) => (item['nested'].empty = [])],
      ['an array to an object', (item) => (item['nested'].none = {})],
      ['an array to an object of the same size', (item) => (item['list'][2] = {0: null, length: 1})],
      ['a deep value', (item) => (item['nested'].deep.x[0] = 1)],
      ['an attribute named as a record key', (item) => (item['attributes'].source = 't')],
      ['a list entry’s member named as a record key', (item) => (item['rows'][0].children = 'd')],
      ['a field added', (item) => (item['extra'] = 1)],
      ['a field deleted', (item) => delete item['ok']],
      ['two fields swapped in order', (item) => {
        const text = item['text']
        delete item['text']
        item['text'] = text
      }],
      ['position deleted', (item) => delete item['position']],
      ['the source deleted', (item) => delete item['source']],
      ['the source html', (item) => (item['source'].html = '<p>0</p><script>alert(1)</script>')],
      ['the source digest', (item) => (item['source'].digest = 'fedcba9876543210')],
      ['the source index', (item) => (item['source'].index = 1)]
    ]
    for (const [name, change] of edits) {
      const item = fullItem()
      recorded([item])
      assert.equal(kept(item), true, name)
      change(item)
      assert.equal(kept(item), false, name)
    }
  })

  it('should forget an item whose nested values move across an object’s or a list’s end', () => {
    const edits: Array<[string, (item: Record<string, any>) => void]> = [
      // The leaves read in the same order either way: only the sizes tell them apart.
      ['the last member of an object moved into the one before it', (item) => (item['nested'] = {deep: {x: [true]}, empty: {none: []}})],
      ['the last entry of a list moved into the one before it', (item) => (item['list'] = [1, 'x', [null, {k: 'v'}]])]
    ]
    for (const [name, change] of edits) {
      const item = fullItem()
      recorded([item])
      change(item)
      assert.equal(kept(item), false, name)
    }
  })

  it('should not take a difference back when the values after it spell out the record again', () => {
    // The record of {source, a: [0, 1, 2, 3]} (`source` is not compared) read from its key count on: 2, 'a', then the list.
    const spelled = (first: unknown) => [first, 2, 'a', [0, 1, 2, 3]]
    const edits: Array<[string, unknown[]]> = [
      ['a number', spelled('changed')],
      ['a list for a number', spelled([])],
      ['an object for a number', spelled({})]
    ]
    for (const [name, list] of edits) {
      const item = {a: [0, 1, 2, 3], source: {index: 0, html: '<p>0</p>'}}
      recorded([item])
      assert.equal(kept(item), true, name)
      item.a = list as never
      assert.equal(kept(item), false, name)
    }
    const item = {a: [{k: 0}, 1, 2, 3], source: {index: 0, html: '<p>0</p>'}}
    recorded([item])
    item.a = [{j: 0}, 2, 'a', [{k: 0}, 1, 2, 3]] as never
    assert.equal(kept(item), false, 'a key')
  })

  it('should vouch again for an item holding the same values, and ignore where it is and what it holds', () => {
    const item = fullItem()
    recorded([item])
    item['count'] = 2
    assert.equal(kept(item), false)
    item['count'] = 1
    item['text'] = ['a'].join('')
    item['list'] = [1, 'x', [null], {k: 'v'}]
    item['position'] = {start: {offset: 99}}
    item.source = {index: 0, html: '<p>' + '0</p>', digest: '0123456789abcdef'}
    assert.equal(kept(item), true)
    const section = {heading: 'h', id: 'h', depth: 2, blocks: [fullItem(1)], children: [], source: {index: 0, html: '<h2>h</h2>'}}
    const article = {meta: {}, titleHeading: null, hero: null, summary: null, lead: [], sections: [section], layout: {gaps: ['', '\n', '\n']}} as unknown as Article
    recordReading(article, body, policy)
    section.blocks = []
    section.children = [structuredClone(section) as never]
    assert.equal(kept(section), true)
  })

  it('should record only plain data, and stop at a depth no item has', () => {
    class List<T> extends Array<T> {}
    const nest = (depth: number): unknown => (depth === 0 ? 'x' : {a: nest(depth - 1)})
    const cycle: Record<string, unknown> = {}
    cycle['self'] = cycle
    const listCycle: unknown[] = []
    listCycle.push(listCycle)
    const listNest = (depth: number): unknown => (depth === 0 ? 'x' : [listNest(depth - 1)])
    const refused: Array<[string, unknown]> = [
      ['a date', new Date(0)],
      ['a map', new Map()],
      ['a class instance', new (class Box {})()],
      ['an object without prototype', Object.create(null)],
      ['an array of another class', List.of('x')],
      ['a date in a list', [new Date(0)]],
      ['a list of another class in a list', ['y', List.of('x')]],
      ['a cycle', cycle],
      ['a cycle of lists', listCycle],
      ['a nest of lists deeper than any item', listNest(40)],
      ['a nest deeper than any item', nest(40)]
    ]
    for (const [name, value] of refused) {
      const item = {...fullItem(), value}
      assert.doesNotThrow(() => recorded([item]), name)
      assert.equal(kept(item), false, name)
    }
    const deep = {...fullItem(), value: nest(20)}
    recorded([deep])
    assert.equal(kept(deep), true)
  })

  it('should vouch only under the same schema object and an equal list of embed hosts', () => {
    const hosts = ['a.example', 'b.example']
    const under: ReadingPolicy = {schema: defaultSchema, embedHosts: hosts}
    const item = fullItem()
    const article = recorded([item], under)
    const others: Array<[string, ReadingPolicy, boolean]> = [
      ['the same policy', under, true],
      ['an equal list of hosts', {schema: defaultSchema, embedHosts: ['a.example', 'b.example']}, true],
      ['a copy of the schema', {schema: {...defaultSchema}, embedHosts: hosts}, false],
      ['another last host', {schema: defaultSchema, embedHosts: ['a.example', 'c.example']}, false],
      ['another first host', {schema: defaultSchema, embedHosts: ['c.example', 'b.example']}, false],
      ['one host more', {schema: defaultSchema, embedHosts: [...hosts, 'c.example']}, false],
      ['one host less', {schema: defaultSchema, embedHosts: ['a.example']}, false],
      ['no hosts', {schema: defaultSchema, embedHosts: []}, false]
    ]
    for (const [name, other, expected] of others) {
      assert.equal(kept(item, other), expected, name)
      assert.equal(keptLayout(article.layout, other) !== undefined, expected, name)
    }
  })

  it('should vouch for a layout only while it has the very gaps read', () => {
    const edits: Array<[string, (layout: {gaps: unknown}) => void, boolean]> = [
      ['unchanged', () => {}, true],
      ['a gap replaced by an equal string', (layout) => ((layout.gaps as string[])[1] = ['\n'].join('')), true],
      ['a gap edited', (layout) => ((layout.gaps as string[])[1] = '<img src=x onerror=alert(1)>'), false],
      ['the first gap edited', (layout) => ((layout.gaps as string[])[0] = ' '), false],
      ['a gap added', (layout) => (layout.gaps as string[]).push('\n'), false],
      ['the last gap removed', (layout) => (layout.gaps as string[]).pop(), false],
      ['the gaps joined', (layout) => (layout.gaps = (layout.gaps as string[]).join('')), false],
      ['the gaps deleted', (layout) => delete (layout as {gaps?: unknown}).gaps, false]
    ]
    for (const [name, change, expected] of edits) {
      const article = recorded([fullItem(0), fullItem(1)])
      change(article.layout)
      assert.equal(keptLayout(article.layout, policy) !== undefined, expected, name)
    }
  })

  it('should find no record on what parsePost did not read, nor trust one made elsewhere', () => {
    for (const value of [undefined, null, {}, {gaps: []}]) assert.equal(keptLayout(value as never, policy), undefined)
    for (const value of [{}, {source: {html: ''}}, {source: undefined}]) assert.equal(keptItem(value, policy), undefined)
    // The record's key is a symbol on each parsed item: whatever else is put under it is not a record.
    const article = parsePost(sample)
    const item = itemsOf(article).find((one) => one.source)!
    const [key] = Object.getOwnPropertySymbols(item)
    assert.ok(key)
    const token = keptItem(item, policy)!
    const leaves = [{}, 0]
    const forged = {kind: 'item', policy, leaves, html: '<script>alert(1)</script>', reading: token, source: {digest: undefined, index: undefined}}
    for (const fake of [forged, {...forged, kind: 'layout', html: body, leaves: ['']}, null, 'item', 1]) {
      const target = {source: {html: '<script>alert(1)</script>'}, gaps: ['']}
      Object.defineProperty(target, key, {value: fake})
      assert.equal(keptItem(target, policy), undefined)
      assert.equal(keptLayout(target as never, policy), undefined)
      assert.equal(keptFrontMatter(target as never, '<script>alert(1)</script>'), undefined)
    }
    // A record of one kind says nothing about another.
    assert.equal(keptFrontMatter(item as never, item.source!.html), undefined)
    assert.equal(keptLayout(item as never, policy), undefined)
    assert.equal(keptItem(article.layout as never, policy), undefined)
  })
})

describe('keptFrontMatter', () => {
  it('should keep the block only while the meta holds what it held, leaf by leaf, and the layout has that block', () => {
    const raw = '---\ntitle: x\ntags: [a, b]\nkey: {deep: [1, 2]}\n---\n<p>b</p>\n'
    const read = () => parsePost(raw)
    const article = read()
    const block = article.layout.frontMatter!
    assert.equal(keptFrontMatter(article.meta, block), block)
    assert.equal(keptFrontMatter(article.meta, block.slice(0, 4) + block.slice(4)), block)
    assert.equal(keptFrontMatter(article.meta, block.replace('x', 'y')), undefined)
    assert.equal(keptFrontMatter(article.meta, null), undefined)
    const edits: Array<[string, (meta: Record<string, any>) => void]> = [
      ['the title', (meta) => (meta['title'] = 'y')],
      ['a tag', (meta) => (meta['tags'][1] = 'c')],
      ['a tag added', (meta) => meta['tags'].push('c')],
      ['an extra value', (meta) => (meta['extra'][0][1].deep[1] = 3)],
      ['a field added', (meta) => (meta['source'] = null)]
    ]
    for (const [name, change] of edits) {
      const one = read()
      change(one.meta as never)
      assert.equal(keptFrontMatter(one.meta, one.layout.frontMatter), undefined, name)
      assert.equal(renderPost(one), renderPost(structuredClone(one)), name)
    }
    const back = read()
    back.meta.title = 'y'
    back.meta.title = 'x'
    assert.equal(keptFrontMatter(back.meta, back.layout.frontMatter), back.layout.frontMatter)
    assert.equal(renderPost(back), raw)
  })

  it('should keep nothing for a post without front matter', () => {
    const article = parsePost('<p>b</p>\n')
    assert.equal(article.layout.frontMatter, null)
    assert.equal(keptFrontMatter(article.meta, null), undefined)
    assert.equal(keptFrontMatter(article.meta, ''), undefined)
    assert.equal(renderPost(article), '<p>b</p>\n')
  })

  it('should write an edited block of an unchanged meta as a copy writes it', () => {
    const article = parsePost('---\ntitle: x\n---\n<p>b</p>\n')
    article.layout.frontMatter = '---\ntitle: x\n# note\n---\n'
    assert.equal(keptFrontMatter(article.meta, article.layout.frontMatter), undefined)
    assert.equal(renderPost(article), renderPost(structuredClone(article)))
  })
})

describe('rendering what parsePost checked, after edits in place', () => {
  it('should give what a copy of the same Article gives, and never script', () => {
    fc.assert(
      fc.property(fc.array(edit, {minLength: 1, maxLength: 4}), (edits) => {
        const article = parsePost(sample)
        let other: Article | undefined
        const otherArticle = () => (other ??= parsePost(sample.replaceAll('</p>', ' 다른 글</p>')))
        for (const one of edits) apply(article, one, otherArticle)
        const html = renderHtml(article)
        assert.equal(html, renderHtml(structuredClone(article)))
        assert.equal(hasScript(html), false)
      }),
      {seed: Number(process.env['FUZZ_SEED'] ?? 21), numRuns: Number(process.env['FUZZ_RUNS'] ?? 60)}
    )
  })

  it('should apply another policy to a parsed Article as to a copy of it', () => {
    const strict = {...defaultSchema, tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'img' && name !== 'b')}
    const article = parsePost(sample)
    assert.match(renderHtml(article), /<img[^>]*>[\s\S]*<b>|<b>[\s\S]*<img/)
    const html = renderHtml(article, {schema: strict})
    assert.equal(html, renderHtml(structuredClone(article), {schema: strict}))
    assert.doesNotMatch(html, /<img|<b>/i)
  })
})
