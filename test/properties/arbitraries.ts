import fc from 'fast-check'
import {computeStats, createSlugger, type Article, type Block, type Section} from '../../src/index.ts'

/** A word: Latin or Hangul letters and digits. */
const word = fc.oneof(
  fc.stringMatching(/^[A-Za-z][a-z0-9]{0,8}$/),
  fc.array(fc.integer({min: 0xac_00, max: 0xd7_a3}), {minLength: 1, maxLength: 4}).map((codes) => String.fromCharCode(...codes))
)

/** Text as a parser gives it back: words, single spaces, no edges; with `<`, `&` and quotes sprinkled in. */
export const text = fc
  .array(fc.oneof({weight: 8, arbitrary: word}, {weight: 1, arbitrary: fc.constantFrom('<b>', 'a&b', '"q"', "it's", '1<2', '&amp;')}), {minLength: 1, maxLength: 12})
  .map((words) => words.join(' '))

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

const paragraph = text.map((value): Block => ({type: 'paragraph', text: value, html: escape(value), attributes: {'data-ke-size': 'size16'}}))

const list = fc.record({ordered: fc.boolean(), items: fc.array(text, {minLength: 1, maxLength: 4})}).map(
  ({ordered, items}): Block => ({type: 'list', ordered, text: items.join('\n'), items: items.map((item) => ({text: item, html: escape(item)}))})
)

const block = fc.oneof({weight: 4, arbitrary: paragraph}, {weight: 1, arbitrary: list})

interface SectionSpec {
  heading: string
  blocks: Block[]
  children: Array<{heading: string; blocks: Block[]}>
}

const sectionSpec: fc.Arbitrary<SectionSpec> = fc.record({
  heading: text,
  blocks: fc.array(block, {maxLength: 3}),
  children: fc.array(fc.record({heading: text, blocks: fc.array(block, {maxLength: 3})}), {maxLength: 3})
})

const scalar = fc.oneof(fc.string({unit: 'grapheme', maxLength: 40}), fc.constantFrom("it's: [x]", '\n---\n<script>x</script>', '# not a comment', '---', '  spaced  '))

/**
 * A hand-built Article in canonical form: what `parsePost` gives for the
 * HTML `renderPost` writes (ids are slugs, texts derived, editor attributes).
 */
export const article: fc.Arbitrary<Article> = fc
  .record({
    title: fc.option(scalar, {nil: null}),
    excerpt: fc.option(scalar, {nil: null}),
    categories: fc.array(fc.string({unit: 'grapheme', minLength: 1, maxLength: 12}), {maxLength: 3}),
    tags: fc.array(fc.stringMatching(/^[a-z가-힣]{1,8}$/), {maxLength: 3}),
    extra: fc.array(fc.tuple(fc.stringMatching(/^[a-z_]{1,10}$/), fc.oneof(scalar, fc.integer(), fc.boolean(), fc.array(fc.string({maxLength: 5}), {maxLength: 3}))), {maxLength: 3}),
    hero: fc.option(fc.record({src: fc.constantFrom('https://example.com/a.png', '/img/b.jpg'), alt: text}), {nil: null}),
    lead: fc.array(paragraph, {maxLength: 3}),
    sections: fc.array(sectionSpec, {maxLength: 4})
  })
  .map((spec) => {
    const slug = createSlugger()
    const texts: string[] = []
    const known = new Set(['title', 'categories', 'tags', 'excerpt', 'feature_text', 'image', 'date', 'author', 'permalink', 'layout'])
    for (const block of spec.lead) texts.push(block.text)
    const sections: Section[] = spec.sections.map((section) => {
      const make = (heading: string, depth: number, blocks: Block[]): Section => {
        texts.push(heading)
        for (const item of blocks) texts.push(item.text)
        return {heading, id: slug(heading), depth, attributes: {'data-ke-size': depth === 2 ? 'size26' : 'size23'}, blocks, children: []}
      }
      const parent = make(section.heading, 2, section.blocks)
      parent.children = section.children.map((child) => make(child.heading, 3, child.blocks))
      return parent
    })
    const seen = new Set<string>()
    const extra = spec.extra.filter(([key]) => !known.has(key) && !seen.has(key) && seen.add(key))
    const value = texts.join('\n\n')
    const result: Article = {
      meta: {
        title: spec.title,
        categories: spec.categories,
        tags: spec.tags,
        excerpt: spec.excerpt,
        featureText: null,
        image: null,
        date: null,
        dateIso: null,
        author: null,
        permalink: null,
        layout: null,
        extra
      },
      hero: spec.hero,
      lead: spec.lead,
      sections,
      summary: null,
      text: value,
      stats: computeStats(value),
      messages: [],
      layout: {bom: false, eol: '\n', frontMatter: null, gaps: []}
    }
    return result
  })
