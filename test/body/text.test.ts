import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import type {Element, ElementContent, Properties, Root} from 'hast'
import {textOf} from '../../src/body/text.ts'
import {parseBody} from '../../src/body/parse.ts'
import {sanitizeTree} from '../../src/body/sanitize.ts'
import {defaultEmbedHosts, defaultSchema} from '../../src/body/schema.ts'
import {parsePost} from '../../src/index.ts'
import {flatten, isArtifact} from '../../src/body/flatten.ts'
import {toText} from 'hast-util-to-text'
import {corpusFolder, postsIn} from '../support/round-trip.ts'

/** The reference: hast-util-to-text on the whole content (what `textOf` replaced), artifacts left out of a run. */
function referenceTextOf(nodes: ElementContent | ElementContent[]): string {
  if (Array.isArray(nodes)) return toText({type: 'root', children: nodes.filter((node) => !isArtifact(node))}).trim()
  return toText(nodes).trim()
}

// A fixed seed keeps CI reproducible; fast-check prints the seed and path of any failure to replay it.
const settings = {seed: 20_261_125, numRuns: 3000}

// Pieces of text that each hit a rule of hast-util-to-text's white-space handling.
const piece = fc.constantFrom(
  '', ' ', '  ', '\t', ' \t ', '\n', '\n\n', ' \n ', '\r\n', '\r', '\f', '\u00a0', '\u200b', '\u200b\n', '\n\u200b', '\u200e', ' \u200f ', '\u2066',
  '\u3000', '\ufeff', 'a', 'bc', 'x y', '한글', '북한과 러시아', '日本', '.', '1,000'
)
const textValue = fc.array(piece, {maxLength: 8}).map((pieces) => pieces.join(''))
const text = textValue.map((value): ElementContent => ({type: 'text', value}))
const comment = textValue.map((value): ElementContent => ({type: 'comment', value}))

// Phrasing elements the fast path writes itself, and elements that must take the fallback
// (block-level, table parts, their own white space), or are not rendered.
const inlineTags = ['span', 'b', 'strong', 'i', 'em', 'a', 'u', 's', 'mark', 'font', 'code', 'sub', 'sup', 'small', 'q', 'abbr', 'select', 'option', 'button', 'label', 'ruby', 'rt', 'iframe', 'video']
const voidTags = ['br', 'br', 'br', 'img', 'wbr', 'input', 'hr']
const otherTags = [
  'p', 'div', 'li', 'ul', 'h2', 'blockquote', 'figcaption', 'td', 'th', 'tr', 'tbody', 'table', 'caption', 'pre', 'textarea', 'listing', 'xmp', 'nobr',
  'dialog', 'script', 'style', 'template', 'noscript', 'rp', 'title'
]
const properties: fc.Arbitrary<Properties> = fc.oneof(
  {weight: 8, arbitrary: fc.constant<Properties>({})},
  {weight: 1, arbitrary: fc.constantFrom(...([{hidden: true}, {hidden: 'until-found'}, {style: 'display:none'}, {style: 'white-space:pre'}, {noWrap: true}, {open: true}, {wrap: true}, {className: ['x']}] as Properties[]))}
)
// Some elements have a place in the source: a blank element without one is a parser artifact.
const position = fc.constantFrom(undefined, undefined, {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 2, offset: 1}})

function element(tagName: string, props: Properties, children: ElementContent[], place: Element['position']): ElementContent {
  const node: Element = {type: 'element', tagName, properties: props, children}
  if (place) node.position = place
  return node
}

const {content} = fc.letrec<{content: ElementContent; contents: ElementContent[]}>((tie) => ({
  content: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    {weight: 6, arbitrary: text},
    {weight: 1, arbitrary: comment},
    {weight: 2, arbitrary: fc.tuple(fc.constantFrom(...voidTags), properties, position).map(([tag, props, place]) => element(tag, props, [], place))},
    {weight: 3, arbitrary: fc.tuple(fc.constantFrom(...inlineTags), properties, tie('contents'), position).map(([tag, props, children, place]) => element(tag, props, children as ElementContent[], place))},
    {weight: 1, arbitrary: fc.tuple(fc.constantFrom(...otherTags), properties, tie('contents'), position).map(([tag, props, children, place]) => element(tag, props, children as ElementContent[], place))}
  ),
  contents: fc.array(tie('content'), {maxLength: 5}) as fc.Arbitrary<ElementContent[]>
}))

// Mostly inline content only, so the fast path is what gets compared.
const inline: fc.Arbitrary<ElementContent> = fc.letrec<{node: ElementContent; nodes: ElementContent[]}>((tie) => ({
  node: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    {weight: 6, arbitrary: text},
    {weight: 1, arbitrary: comment},
    {weight: 2, arbitrary: fc.tuple(fc.constantFrom('br', 'br', 'img', 'wbr'), position).map(([tag, place]) => element(tag, {}, [], place))},
    {weight: 3, arbitrary: fc.tuple(fc.constantFrom(...inlineTags), tie('nodes'), position).map(([tag, children, place]) => element(tag, {}, children as ElementContent[], place))}
  ),
  nodes: fc.array(tie('node'), {maxLength: 5}) as fc.Arbitrary<ElementContent[]>
})).node

const contents = fc.array(fc.oneof(content, inline), {maxLength: 6})
const root = fc.tuple(fc.constantFrom(...inlineTags, ...voidTags, ...otherTags, 'h1', 'h3', 'figure', 'dt', 'dd'), properties, contents, position).map(([tag, props, children, place]) => element(tag, props, children, place))

// Tables and lists as posts have them: white space between parts, rows in and out of row groups, cells
// with paragraphs, captions, `noWrap`, hidden rows, stray text in rows; a cell's or item's content is any of the above.
const white = fc.constantFrom('', '\n', '\n  ', ' ', '\t').map((value): ElementContent => ({type: 'text', value}))
const withWhite = (nodes: ElementContent[], spaces: ElementContent[]) => nodes.flatMap((node, index) => [spaces[index % spaces.length]!, node]).concat(spaces.slice(0, 1))
const cellProperties = fc.constantFrom<Properties[]>([{}], [{}], [{noWrap: true}], [{hidden: true}], [{colSpan: 2}]).map((values) => values[0]!)
const cell = fc.tuple(fc.constantFrom('td', 'td', 'th'), cellProperties, fc.array(fc.oneof(inline, content), {maxLength: 4}), position).map(([tag, props, children, place]) => element(tag, props, children, place))
const row = fc.tuple(fc.array(fc.oneof({weight: 4, arbitrary: cell}, {weight: 1, arbitrary: inline}), {maxLength: 4}), fc.array(white, {minLength: 1, maxLength: 3}), properties).map(([cells, spaces, props]) => element('tr', props, withWhite(cells, spaces), undefined))
const group = fc.tuple(fc.constantFrom('tbody', 'thead', 'tfoot'), fc.array(row, {maxLength: 3}), fc.array(white, {minLength: 1, maxLength: 2})).map(([tag, rows, spaces]) => element(tag, {}, withWhite(rows, spaces), undefined))
const caption = fc.array(inline, {maxLength: 3}).map((children) => element('caption', {}, children, undefined))
const table = fc
  .tuple(fc.array(fc.oneof(row, group, caption, comment, text), {maxLength: 4}), fc.array(white, {minLength: 1, maxLength: 2}))
  .map(([parts, spaces]) => element('table', {}, withWhite(parts, spaces), undefined))
const list = fc
  .tuple(fc.constantFrom('ul', 'ol', 'dl'), fc.array(fc.tuple(fc.constantFrom('li', 'li', 'dt', 'dd', 'p'), fc.array(fc.oneof(inline, content), {maxLength: 4})), {maxLength: 4}), fc.array(white, {minLength: 1, maxLength: 2}))
  .map(([tag, items, spaces]) => element(tag, {}, withWhite(items.map(([item, children]) => element(item, {}, children, undefined)), spaces), undefined))
const structured = fc.oneof(table, list, row, group, cell)

describe('textOf', () => {
  it('should give what hast-util-to-text gives (trimmed), for an element', () => {
    fc.assert(
      fc.property(root, (node) => {
        assert.equal(textOf(node), referenceTextOf(node))
      }),
      settings
    )
  })

  it('should give what hast-util-to-text gives (trimmed, artifacts left out), for the nodes of a run', () => {
    fc.assert(
      fc.property(contents, (nodes) => {
        assert.equal(textOf(nodes), referenceTextOf(nodes))
      }),
      settings
    )
  })

  it('should give what hast-util-to-text gives for inline content in a block', () => {
    fc.assert(
      fc.property(fc.constantFrom('p', 'h2', 'li', 'td', 'th', 'figcaption', 'blockquote', 'span'), fc.array(inline, {maxLength: 8}), (tag, children) => {
        const node = element(tag, {}, children, undefined)
        assert.equal(textOf(node), referenceTextOf(node))
        assert.equal(textOf(children), referenceTextOf(children))
      }),
      settings
    )
  })

  it('should give what hast-util-to-text gives for tables and lists, and their parts', () => {
    fc.assert(
      fc.property(structured, fc.array(fc.oneof(inline, structured), {maxLength: 3}), (node, around) => {
        assert.equal(textOf(node), referenceTextOf(node))
        const children = [...around, node, ...around]
        assert.equal(textOf(children), referenceTextOf(children))
        const wrapper = element('div', {}, children, undefined)
        assert.equal(textOf(wrapper), referenceTextOf(wrapper))
      }),
      settings
    )
  })

  it('should handle white space as hast-util-to-text does, in a few cases written out', () => {
    const p = (...children: ElementContent[]) => element('p', {}, children, undefined)
    const t = (value: string): ElementContent => ({type: 'text', value})
    const br = element('br', {}, [], undefined)
    const cases: Array<[ElementContent, string]> = [
      [p(t('  a \t b  ')), 'a b'],
      [p(t('a '), element('b', {}, [t(' b')], undefined)), 'a  b'],
      [p(t('a\n  b')), 'a b'],
      [p(t('a\u200b\nb')), 'a\u200bb'],
      // The space after a `<br>` stays: only a block's first text has a break before it.
      [p(t('a '), br, t(' b')), 'a\n b'],
      [p(t('a '), br, t('b')), 'a\nb'],
      [p(t('a'), t(''), t('b')), 'a b'],
      [p(t('a'), element('span', {hidden: true}, [t('x')], undefined), t('b')), 'ab'],
      [p(t('a'), element('div', {}, [t('b')], undefined)), 'a\nb']
    ]
    for (const [node, expected] of cases) {
      assert.equal(textOf(node), expected)
      assert.equal(referenceTextOf(node), expected)
    }
  })
})

// Real posts, read in place from ../shared (a missing folder fails the test). The body goes through
// what parsePost does before building blocks; every textOf call parsePost makes is on an element,
// an element's children or a run of `flatten`, so comparing all of those covers every block's text.
describe(`textOf on every post in ${corpusFolder}`, () => {
  it('should give what hast-util-to-text gives for every element, every element\'s children and every run', () => {
    const failures: string[] = []
    let compared = 0
    const check = (nodes: ElementContent | ElementContent[], what: string) => {
      compared++
      if (textOf(nodes) !== referenceTextOf(nodes)) failures.push(what)
    }
    for (const {name: file, raw} of postsIn(corpusFolder)) {
      const {layout} = parsePost(raw)
      const body = raw.slice((layout.bom ? 1 : 0) + (layout.frontMatter?.length ?? 0))
      const {tree} = parseBody(body)
      sanitizeTree(tree, {schema: defaultSchema, embedHosts: defaultEmbedHosts, styles: new Map(), source: body})
      const stack: Array<Root | Element> = [tree]
      while (stack.length > 0) {
        const node = stack.pop()!
        if (node.type === 'element') check(node, `${file}: <${node.tagName}> at ${node.position?.start.offset}`)
        check(node.children as ElementContent[], `${file}: children of ${node.type === 'element' ? `<${node.tagName}> at ${node.position?.start.offset}` : 'the root'}`)
        for (const child of node.children) if (child.type === 'element') stack.push(child)
      }
      for (const item of flatten(tree, body).items) check(item.nodes, `${file}: the ${item.kind} at ${item.start}`)
    }
    assert.ok(compared > 1000, `only ${compared} comparisons`)
    assert.deepEqual(failures, [])
  })
})
